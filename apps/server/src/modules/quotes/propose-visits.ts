import type { PricedLine } from './price-quote-lines.ts';

export type ProposedVisit = {
  sequence: number;
  type: 'survey' | 'installation' | 'meter_replacement';
  durationMinutes: number;
};

const SLOT = 30;
const roundUp = (minutes: number) => Math.max(60, Math.ceil(minutes / SLOT) * SLOT);

/**
 * At most two visits, read from the lines: labour gives the installation's duration; a meter-cabinet
 * line adds a meter visit (the grid operator's work cannot be done in the same visit); a quote that
 * is only a meter-cabinet job is one meter visit.
 */
export function proposeVisits(lines: readonly Pick<PricedLine, 'category' | 'labourMinutes'>[]): ProposedVisit[] {
  const cabinet = lines.filter((l) => l.category === 'meter_cabinet');
  const cabinetMinutes = cabinet.reduce((a, l) => a + l.labourMinutes, 0);
  const otherMinutes = lines.filter((l) => l.category !== 'meter_cabinet').reduce((a, l) => a + l.labourMinutes, 0);
  const hasCharger = lines.some((l) => l.category === 'charging_station');
  if (!hasCharger && cabinet.length)
    return [{ sequence: 1, type: 'meter_replacement', durationMinutes: roundUp(cabinetMinutes + otherMinutes) }];
  const visits: ProposedVisit[] = [];
  if (otherMinutes > 0 || hasCharger)
    visits.push({ sequence: 1, type: 'installation', durationMinutes: roundUp(otherMinutes) });
  if (cabinet.length)
    visits.push({ sequence: visits.length + 1, type: 'meter_replacement', durationMinutes: roundUp(cabinetMinutes) });
  return visits;
}
