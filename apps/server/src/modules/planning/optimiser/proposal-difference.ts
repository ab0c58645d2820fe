import type { Plan } from '@chargecars/planner';
import type { PlanningInputs } from '../../../read-models/planning-inputs.ts';
import { blockOf, routeFigures, type Built } from './build-problem.ts';
import type { StoredProposal } from './stored-proposal.ts';

type Slot = { teamId: string; teamName: string; date: string; block: 'morning' | 'afternoon' };

/** Where the plan puts each visit: team, day and the block its start falls in. */
export function slotsOf(plan: Plan): Map<string, { teamId: string; date: string; block: 'morning' | 'afternoon' }> {
  const slots = new Map<string, { teamId: string; date: string; block: 'morning' | 'afternoon' }>();
  for (const r of plan.routes)
    for (const s of r.stops) slots.set(s.visitId, { teamId: r.teamId, date: r.day, block: blockOf(s.start) });
  return slots;
}

/**
 * What the proposal changes against the database: visits added, moved, taken off their day or left
 * unplanned (with the reason), and per team km and hours before and after.
 */
export function proposalDifference(
  inputs: PlanningInputs,
  built: Built,
  plan: Plan,
  meta: { weatherAvailable: boolean; travelSource: string },
): StoredProposal {
  const teamName = new Map(inputs.teams.map((t) => [t.id, t.name]));
  const named = (s: { teamId: string; date: string; block: 'morning' | 'afternoon' } | undefined): Slot | null =>
    s ? { ...s, teamName: teamName.get(s.teamId) ?? '' } : null;
  const proposed = slotsOf(plan);
  const reasons = new Map(plan.unassigned.map((u) => [u.visitId, u.reason]));
  const changes: StoredProposal['changes'] = [];
  for (const v of built.problem.visits) {
    const row = built.byId.get(v.id)!;
    if (built.keep.has(v.id)) continue;
    const from = row.teamId && row.date && row.block ? { teamId: row.teamId, date: row.date, block: row.block } : null;
    const to = proposed.get(v.id) ?? null;
    const same = from && to && from.teamId === to.teamId && from.date === to.date && from.block === to.block;
    if (same) continue;
    const kind = !from ? (to ? 'added' : 'unassigned') : to ? 'moved' : 'unscheduled';
    changes.push({
      visitId: v.id,
      number: row.number,
      customerName: row.customerName,
      city: row.city,
      kind,
      from: named(from ?? undefined),
      to: named(to ?? undefined),
      reason: to ? null : (reasons.get(v.id) ?? 'no-capacity-in-window'),
      missing: [],
      badWeather: to ? (built.badDays.get(v.id)?.has(to.date) ?? false) : false,
    });
  }
  for (const e of built.excluded)
    changes.push({
      visitId: e.visit.id,
      number: e.visit.number,
      customerName: e.visit.customerName,
      city: e.visit.city,
      kind: 'unassigned',
      from: null,
      to: null,
      reason: e.reason,
      missing: e.missing,
      badWeather: false,
    });
  const order = { moved: 0, unscheduled: 1, added: 2, unassigned: 3 };
  changes.sort((a, b) => order[a.kind] - order[b.kind] || a.number.localeCompare(b.number));

  const teams = inputs.teams.map((t) => {
    const touched = changes.filter((c) => c.from?.teamId === t.id || c.to?.teamId === t.id).length;
    return {
      teamId: t.id,
      teamName: t.name,
      before: routeFigures(
        built.problem,
        built.current.routes.filter((r) => r.teamId === t.id),
      ),
      after: routeFigures(
        built.problem,
        plan.routes.filter((r) => r.teamId === t.id),
      ),
      changes: touched,
    };
  });
  const affectedCustomers = changes
    .filter((c) => c.kind === 'moved' || c.kind === 'unscheduled')
    .map((c) => {
      const row = built.byId.get(c.visitId)!;
      return { customerId: row.customerId, name: row.customerName, phone: row.phone, visitNumber: row.number };
    });
  return { plan, changes, teams, affectedCustomers, ...meta };
}
