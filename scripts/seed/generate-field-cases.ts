import type * as s from '../../apps/server/src/platform/db/schema.ts';
import type { Rng } from '../demo/index.ts';
import type { DemoVisit } from './generate-visits.ts';
import { uuidFrom } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/**
 * Two phones of one team that measured a different earth resistance on the same installation: the later
 * answer stands and ops get a case to review (the conflict rule of docs/technician-app.md). A few of
 * the latest completed installations carry one, so the demo's "Veldmeldingen" has real work in it.
 */
export function generateFieldCases(rng: Rng, visits: DemoVisit[]) {
  const installed = visits
    .filter((v) => v.type === 'installation' && v.status === 'completed' && v.completedAt)
    .sort((a, b) => (b.completedAt as Date).getTime() - (a.completedAt as Date).getTime())
    .slice(0, 3);
  const answers: Insert<typeof s.visitChecklistAnswers>[] = [];
  const cases: Insert<typeof s.fieldCases>[] = [];
  for (const visit of installed) {
    const done = visit.completedAt as Date;
    const first = { value: rng.int(30, 90), at: new Date(done.getTime() - 40 * 60_000) };
    const later = { value: first.value + rng.int(3, 12), at: new Date(done.getTime() - 25 * 60_000) };
    const winner = {
      value: later.value,
      actedAt: later.at.toISOString(),
      commandId: uuidFrom(rng),
      deviceId: uuidFrom(rng),
    };
    const loser = {
      value: first.value,
      actedAt: first.at.toISOString(),
      commandId: uuidFrom(rng),
      deviceId: uuidFrom(rng),
    };
    answers.push({ visitId: visit.id, field: 'earth_resistance_ohm', ...winner, actedAt: later.at });
    cases.push({
      visitId: visit.id,
      kind: 'checklist_conflict',
      field: 'earth_resistance_ohm',
      winner,
      loser,
      commandId: winner.commandId,
      createdAt: done,
    });
  }
  return { answers, cases };
}
