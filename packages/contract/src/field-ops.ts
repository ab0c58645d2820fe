import { z } from 'zod';
import { LocalDate, Text, Timestamp, Uuid } from './common.ts';
import { DayBlock } from './planning.ts';
import { VisitType } from './quotes.ts';
import { ChecklistItem, FIELD_CASE_KINDS, FieldCase, MobileDevice, VisitExecutionView } from './mobile.ts';

/** Which visit ops are looking at: its place in the plan, its order and its customer. */
export const VisitResultHeader = z.object({
  number: Text,
  type: VisitType,
  status: Text,
  date: LocalDate.nullable(),
  block: DayBlock.nullable(),
  teamName: Text.nullable(),
  orderId: Uuid,
  orderNumber: Text,
  customerName: Text,
  address: Text,
});
/** A visit's result for ops: what the team recorded, against the checklist of its type. */
export const VisitResult = VisitExecutionView.extend({
  visit: VisitResultHeader,
  cases: z.array(FieldCase.extend({ resolvedAt: Timestamp.nullable(), resolutionNote: Text.nullable() })),
  checklist: z.array(ChecklistItem),
});

export const FieldCaseKind = z.enum(FIELD_CASE_KINDS);
export const FieldCaseQuery = z.object({ kind: FieldCaseKind.optional(), teamId: Uuid.optional() });
/** An open case in ops' list: the case, and the visit's day, team and customer to find it by. */
export const OpenFieldCase = FieldCase.extend({
  visitDate: LocalDate.nullable(),
  teamId: Uuid.nullable(),
  teamName: Text.nullable(),
  customerName: Text,
});
export const ResolveFieldCaseBody = z.object({ note: Text.trim().min(1).max(2000) });
export const FieldCaseResolved = z.object({ id: Uuid, resolvedAt: Timestamp });

/** A registered phone with the name of the team it was registered for. */
export const TechnicianDevice = MobileDevice.extend({ teamName: Text.nullable() });
export const DeviceRevoked = z.object({ id: Uuid, revoked: z.boolean() });

export const QUALITY_ITEM_KINDS = ['open_case', 'unfinished_visit', 'failed_checkpoint'] as const;
/**
 * Something on the team's recent or coming visits that asks for the technician's attention: a case ops
 * have not closed, a visit left partial (or rescheduled, cancelled), a checkpoint answered outside its limits.
 */
export const QualityItem = z.object({
  kind: z.enum(QUALITY_ITEM_KINDS),
  visitId: Uuid,
  visitNumber: Text,
  visitDate: LocalDate.nullable(),
  customerName: Text,
  caseKind: FieldCaseKind.nullable(),
  outcome: Text.nullable(),
  reason: Text.nullable(),
  checkpoint: z
    .object({
      label: Text,
      labelEn: Text,
      value: z.union([z.boolean(), z.number(), Text]),
      unit: Text.nullable(),
      min: z.number().nullable(),
      max: z.number().nullable(),
    })
    .nullable(),
  since: Timestamp,
});
export const QualityItems = z.object({ items: z.array(QualityItem) });
