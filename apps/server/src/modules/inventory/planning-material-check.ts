import { materialAvailability } from '../../read-models/material-availability.ts';
import type { MaterialAnswer, MaterialAvailability } from '../planning/index.ts';

/**
 * The optimiser's materials port, answered from the warehouse: on hand minus what others hold plus what is
 * expected before the day. Supply only grows with the date (receipts add, nothing expires), so a visit
 * supplied on its earliest asked day is supplied on every later one: one question per visit, not per day.
 */
export const plannedMaterialCheck: MaterialAvailability = {
  async check(db, requests) {
    const byVisit = new Map<string, string[]>();
    for (const r of requests) byVisit.set(r.visitId, [...(byVisit.get(r.visitId) ?? []), r.date]);
    const answers = new Map<string, MaterialAnswer>();
    for (const [visitId, dates] of byVisit) {
      const ascending = [...new Set(dates)].sort();
      let suppliedFrom: string | null = null;
      for (const date of ascending) {
        const answer = await materialAvailability(db, { visitId, date });
        const missing = answer.lines.filter((l) => l.shortBy > 0).map((l) => l.name);
        answers.set(`${visitId} ${date}`, { visitId, date, available: !answer.short, missing });
        if (!answer.short) {
          suppliedFrom = date;
          break;
        }
      }
      for (const date of ascending)
        if (suppliedFrom && date > suppliedFrom)
          answers.set(`${visitId} ${date}`, { visitId, date, available: true, missing: [] });
    }
    return requests.map((r) => answers.get(`${r.visitId} ${r.date}`)!);
  },
};
