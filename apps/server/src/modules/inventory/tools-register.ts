import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';
import { stockLocations } from './inventory.schema.ts';
import { addMonths } from './post-stock-moves.ts';
import { type ToolEventKind, toolEvents, tools } from './tools.schema.ts';

export type RegisterToolInput = {
  type: string;
  serialNumber?: string | null | undefined;
  teamId?: string | null | undefined;
  inspectionIntervalMonths?: number | null | undefined;
  inspectionDueOn?: string | null | undefined;
  calibrationIntervalMonths?: number | null | undefined;
  calibrationDueOn?: string | null | undefined;
};

export type ToolEventInput = {
  kind: ToolEventKind;
  happenedOn: string;
  teamId?: string | null | undefined;
  result?: 'passed' | 'failed' | null | undefined;
  note?: string | null | undefined;
};

const wrong = (field: string, nl: string, en: string) =>
  new AppError(422, 'wrong_tool_event', nl, [{ field, message: nl }], { message: en, errors: { [field]: en } });

/** Where a tool of a team is: the team's van; without a team it is back in the warehouse. */
async function placeOf(tx: Tx, teamId: string | null) {
  const [place] = await tx
    .select({ id: stockLocations.id })
    .from(stockLocations)
    .where(
      teamId
        ? and(eq(stockLocations.kind, 'van'), eq(stockLocations.teamId, teamId))
        : eq(stockLocations.kind, 'warehouse'),
    )
    .orderBy(stockLocations.code)
    .limit(1);
  // Every team has its van in the location tree; a team without one is not a team we know.
  if (teamId && !place) throw wrong('teamId', 'Onbekend team', 'Unknown team');
  return place?.id ?? null;
}

/** A tool into the register, numbered GER-000001, allocated to a team (on its van) or in the warehouse. */
export async function registerTool(tx: Tx, actor: Actor, input: RegisterToolInput) {
  const locationId = await placeOf(tx, input.teamId ?? null);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tool-code'))`);
  const [last] = await tx
    .select({ code: tools.code })
    .from(tools)
    .where(like(tools.code, 'GER-%'))
    .orderBy(desc(tools.code))
    .limit(1);
  const code = `GER-${String(last ? Number(last.code.slice(4)) + 1 : 1).padStart(6, '0')}`;
  const [tool] = await tx
    .insert(tools)
    .values({
      code,
      type: input.type,
      serialNumber: input.serialNumber ?? null,
      teamId: input.teamId ?? null,
      locationId,
      inspectionIntervalMonths: input.inspectionIntervalMonths ?? null,
      inspectionDueOn: input.inspectionDueOn ?? null,
      calibrationIntervalMonths: input.calibrationIntervalMonths ?? null,
      calibrationDueOn: input.calibrationDueOn ?? null,
    })
    .returning({ id: tools.id, code: tools.code });
  if (input.teamId)
    await tx.insert(toolEvents).values({
      toolId: tool!.id,
      kind: 'allocated',
      happenedOn: todayInAmsterdam(),
      teamId: input.teamId,
      recordedBy: actor.userId,
    });
  await recordAudit(tx, actor, { action: 'tool.register', subjectType: 'tool', subjectId: tool!.id, after: input });
  return tool!;
}

/**
 * One entry in a tool's history. An allocation moves it to the team (and its van) or back to the
 * warehouse; a passed inspection or calibration sets the next due date from its interval, a failed one
 * takes the tool out of use (in repair) until maintenance puts it back. Nothing is dated in the future.
 */
export async function recordToolEvent(tx: Tx, actor: Actor, toolId: string, input: ToolEventInput) {
  const [tool] = await tx.select().from(tools).where(eq(tools.id, toolId)).for('update');
  if (!tool) throw notFound('Gereedschap', 'Tool');
  if (input.happenedOn > todayInAmsterdam())
    throw wrong('happenedOn', 'Een datum in de toekomst kan niet', 'A date in the future is not possible');
  if (tool.status === 'retired') throw wrong('kind', 'Dit gereedschap is afgevoerd', 'This tool has been retired');
  const checked = input.kind === 'inspection' || input.kind === 'calibration';
  if (checked && !input.result)
    throw wrong('result', 'Geef de uitslag: goedgekeurd of afgekeurd', 'Give the result: passed or failed');
  if (!checked && input.result)
    throw wrong(
      'result',
      'Alleen een keuring of kalibratie heeft een uitslag',
      'Only an inspection or calibration has a result',
    );
  if (input.kind === 'maintenance' && !input.note?.trim())
    throw wrong('note', 'Beschrijf het onderhoud', 'Describe the maintenance');

  const change: Partial<typeof tools.$inferInsert> = {};
  if (input.kind === 'allocated') {
    change.teamId = input.teamId ?? null;
    change.locationId = await placeOf(tx, input.teamId ?? null);
  }
  if (checked && input.result === 'failed') change.status = 'in_repair';
  if (input.kind === 'inspection' && input.result === 'passed' && tool.inspectionIntervalMonths)
    change.inspectionDueOn = addMonths(input.happenedOn, tool.inspectionIntervalMonths);
  if (input.kind === 'calibration' && input.result === 'passed' && tool.calibrationIntervalMonths)
    change.calibrationDueOn = addMonths(input.happenedOn, tool.calibrationIntervalMonths);
  if (input.kind === 'maintenance' && tool.status === 'in_repair') change.status = 'in_use';
  if (Object.keys(change).length) await tx.update(tools).set(change).where(eq(tools.id, toolId));
  const [event] = await tx
    .insert(toolEvents)
    .values({
      toolId,
      kind: input.kind,
      happenedOn: input.happenedOn,
      teamId: input.kind === 'allocated' ? (input.teamId ?? null) : tool.teamId,
      result: input.result ?? null,
      note: input.note?.trim() || null,
      recordedBy: actor.userId,
    })
    .returning({ id: toolEvents.id });
  await recordAudit(tx, actor, { action: `tool.${input.kind}`, subjectType: 'tool', subjectId: toolId, after: input });
  return { id: event!.id };
}
