import { and, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChecklistItem, QualityItem } from '@chargecars/contract';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { teamVisitsBetween } from '../../read-models/field-ops.ts';
import { CHECKLIST_TEMPLATES } from './checklist-templates.ts';
import { fieldCases } from './mobile.schema.ts';
import { mobileErrors as e } from './mobile.errors.ts';
import { visitExecutionsOf } from './visit-execution.ts';

/** How far back the Kwaliteit tab looks: a month of work, and the week the phone holds. */
const PAST_DAYS = 30;
const COMING_DAYS = 6;

type Item = z.infer<typeof QualityItem>;
type Checkpoint = z.infer<typeof ChecklistItem>;

/** A checkpoint answered but not passed: a mandatory check answered "no", a measurement outside its limits. */
function failed(item: Checkpoint, value: boolean | number | string): boolean {
  if (item.kind === 'check') return item.mandatory && value === false;
  if (item.kind !== 'number' || typeof value !== 'number') return false;
  return (item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max);
}

/**
 * The technician's own quality list: on their team's visits of the past month and the coming week, the
 * cases ops have not closed, the visits left partial, rescheduled or cancelled, and the checkpoints
 * answered outside their limits. Read by the phone when online and kept for reading offline.
 */
export async function teamQualityItems(db: DbOrTx, actor: Actor): Promise<{ items: Item[] }> {
  if (!actor.teamId) throw e.noTeam();
  const today = todayInAmsterdam();
  const visits = await teamVisitsBetween(
    db,
    actor.teamId,
    addDaysToDate(today, -PAST_DAYS),
    addDaysToDate(today, COMING_DAYS),
  );
  const ids = visits.map((v) => v.id);
  const [executions, cases] = await Promise.all([
    visitExecutionsOf(db, ids),
    ids.length
      ? db
          .select()
          .from(fieldCases)
          .where(and(inArray(fieldCases.visitId, ids), isNull(fieldCases.resolvedAt)))
      : [],
  ]);
  const items: Item[] = [];
  for (const visit of visits) {
    const about = {
      visitId: visit.id,
      visitNumber: visit.number,
      visitDate: visit.date,
      customerName: visit.customerName,
    };
    const none = { caseKind: null, outcome: null, reason: null, checkpoint: null };
    for (const c of cases.filter((x) => x.visitId === visit.id))
      items.push({ ...about, ...none, kind: 'open_case', caseKind: c.kind, since: c.createdAt.toISOString() });
    const x = executions.get(visit.id)!;
    if (x.outcome && x.outcome !== 'completed')
      items.push({
        ...about,
        ...none,
        kind: 'unfinished_visit',
        outcome: x.outcome,
        reason: x.outcomeReason,
        since: x.arrivedAt ?? `${visit.date ?? today}T00:00:00.000Z`,
      });
    for (const item of CHECKLIST_TEMPLATES[visit.type]) {
      const answer = x.answers[item.key];
      if (answer && failed(item, answer.value))
        items.push({
          ...about,
          ...none,
          kind: 'failed_checkpoint',
          checkpoint: {
            label: item.label,
            labelEn: item.labelEn,
            value: answer.value,
            unit: item.unit ?? null,
            min: item.min ?? null,
            max: item.max ?? null,
          },
          since: answer.actedAt,
        });
    }
  }
  // Newest first: what just happened is what the technician can still put right on site.
  return { items: items.sort((a, b) => b.since.localeCompare(a.since)) };
}
