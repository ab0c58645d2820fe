import { z } from 'zod';
import { LocalDate, Text, Uuid } from './common.ts';

/** The tool register (issue 13): tools per team with their inspection and calibration due dates. */
export const ToolStatus = z.enum(['in_use', 'in_repair', 'retired']);
export const ToolDueState = z.enum(['overdue', 'due_soon', 'ok', 'none']);
export const ToolEventKind = z.enum(['allocated', 'inspection', 'calibration', 'usage', 'maintenance']);
const Months = z.number().int().min(1).max(120);
export const ToolListQuery = z.object({ teamId: Uuid.optional(), due: z.enum(['true', 'false']).optional() });
export const Tool = z
  .object({
    id: Uuid,
    code: Text,
    type: Text,
    serialNumber: Text.nullable(),
    status: ToolStatus,
    team: z.object({ id: Uuid, name: Text }).nullable(),
    locationCode: Text.nullable(),
    inspectionDueOn: LocalDate.nullable(),
    inspectionState: ToolDueState,
    inspectionIntervalMonths: z.number().int().nullable(),
    calibrationDueOn: LocalDate.nullable(),
    calibrationState: ToolDueState,
    calibrationIntervalMonths: z.number().int().nullable(),
  })
  .meta({ id: 'Tool' });
export const ToolDetail = Tool.extend({
  events: z.array(
    z.object({
      id: Uuid,
      kind: ToolEventKind,
      happenedOn: LocalDate,
      teamName: Text.nullable(),
      result: z.enum(['passed', 'failed']).nullable(),
      note: Text.nullable(),
    }),
  ),
}).meta({ id: 'ToolDetail' });
export const RegisterToolBody = z.object({
  type: Text.trim().min(2).max(100),
  serialNumber: Text.trim().min(1).max(100).nullish(),
  teamId: Uuid.nullish(),
  inspectionIntervalMonths: Months.nullish(),
  inspectionDueOn: LocalDate.nullish(),
  calibrationIntervalMonths: Months.nullish(),
  calibrationDueOn: LocalDate.nullish(),
});
export const RegisteredTool = z.object({ id: Uuid, code: Text });
export const ToolEventBody = z.object({
  kind: ToolEventKind,
  happenedOn: LocalDate,
  teamId: Uuid.nullish(),
  result: z.enum(['passed', 'failed']).nullish(),
  note: Text.trim().max(1000).nullish(),
});
export const RecordedToolEvent = z.object({ id: Uuid });
export type Tool = z.infer<typeof Tool>;
export type ToolDetail = z.infer<typeof ToolDetail>;

/** Which tools each installation type needs on the van, and per team whether it holds them (issue 13). */
export const InstallationType = z.enum(['survey', 'installation', 'meter_replacement']);
export const ToolRequirementBody = z.object({
  installationType: InstallationType,
  toolType: Text.trim().min(2).max(100),
  // 0 takes the tool type off the installation type's list.
  quantity: z.number().int().min(0).max(20),
});
export const ToolRequirement = z.object({
  installationType: InstallationType,
  toolType: Text,
  quantity: z.number().int(),
});
export const ToolReadiness = z
  .object({
    requirements: z.array(ToolRequirement),
    // The tool types in the register, to choose from.
    toolTypes: z.array(Text),
    teams: z.array(
      z.object({
        team: z.object({ id: Uuid, name: Text }),
        types: z.array(
          z.object({
            installationType: InstallationType,
            ready: z.boolean(),
            missing: z.array(
              z.object({
                toolType: Text,
                needed: z.number().int(),
                // In use and inspected and calibrated in time.
                usable: z.number().int(),
                // In use, but its inspection or calibration ran out.
                overdue: z.number().int(),
              }),
            ),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ToolReadiness' });
export type ToolReadiness = z.infer<typeof ToolReadiness>;
