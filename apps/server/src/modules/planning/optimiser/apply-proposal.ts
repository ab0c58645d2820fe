import { and, eq, sql } from 'drizzle-orm';
import { checkPlan, type Plan, type PlannedRoute } from '@chargecars/planner';
import type { Tx } from '../../../platform/db/client.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import { BilingualError, notFound } from '../../../platform/errors.ts';
import { loadPlanningInputs } from '../../../read-models/planning-inputs.ts';
import { advanceOrder } from '../../orders/index.ts';
import { visits } from '../planning.schema.ts';
import { planningProposals } from '../planning-proposals.schema.ts';
import { lockVisitForChange, visitAudience } from '../visit-for-change.ts';
import { fingerprintOf, timeRoute, type Built } from './build-problem.ts';
import { problemOf, type OptimiserDeps } from './compute-proposal.ts';
import { everythingAvailable } from './material-availability.ts';
import { slotsOf } from './proposal-difference.ts';
import { sentence } from '../../../platform/sentences/sentences.ts';

type Slot = { teamId: string; date: string; block: 'morning' | 'afternoon' };
const sameSlot = (a: Slot | null, b: Slot | null) =>
  a === b || (!!a && !!b && a.teamId === b.teamId && a.date === b.date && a.block === b.block);

/**
 * Applies a ready proposal, whole or for some teams (every change that comes into or leaves their days).
 * Refused when the data it was computed from changed since (the fingerprint), and when the plan that
 * would result breaks a hard rule on a day it touches (the engine's independent checker). Each visit
 * changed gets its lock version bumped, an audit row and its event, in one transaction.
 */
export async function applyProposal(deps: OptimiserDeps, actor: Actor, id: string, teamIds?: string[]) {
  return deps.db.transaction(async (tx) => {
    const [proposal] = await tx.select().from(planningProposals).where(eq(planningProposals.id, id)).for('update');
    if (!proposal) throw notFound('Voorstel', 'Proposal');
    if (proposal.status !== 'ready' || !proposal.result)
      throw new BilingualError(409, 'proposal_not_ready', {
        nl:
          proposal.status === 'applied'
            ? 'Dit voorstel is al volledig toegepast'
            : 'Dit voorstel is nog niet klaar (of mislukt); wacht tot het klaar is of maak een nieuw',
        en:
          proposal.status === 'applied'
            ? 'This proposal has already been applied in full'
            : 'This proposal is not ready (or failed); wait for it or make a new one',
      });
    const { inputs, built } = await problemOf(
      { ...deps, materials: deps.materials ?? everythingAvailable },
      tx,
      proposal,
      null,
    );
    if (fingerprintOf(inputs) !== proposal.fingerprint)
      throw new BilingualError(409, 'proposal_stale', {
        nl: 'De planning is gewijzigd sinds dit voorstel is berekend (bezoeken, teams of afwezigheid). Optimaliseer opnieuw.',
        en: 'The planning changed since this proposal was computed (visits, teams or absences). Optimise again.',
      });
    const withChanges = new Set(proposal.result.teams.filter((t) => t.changes > 0).map((t) => t.teamId));
    const unknown = (teamIds ?? []).filter((t) => !proposal.result!.teams.some((x) => x.teamId === t));
    if (unknown.length)
      throw new BilingualError(422, 'proposal_team_unknown', {
        nl: 'Een gekozen team hoort niet bij dit voorstel',
        en: 'A chosen team is not part of this proposal',
      });
    const accepted = new Set(teamIds ?? withChanges);

    const proposed = slotsOf(proposal.result.plan);
    const changed: { visitId: string; from: Slot | null; to: Slot | null }[] = [];
    const final = new Map<string, Slot | null>();
    for (const v of built.problem.visits) {
      const row = built.byId.get(v.id)!;
      const current =
        row.teamId && row.date && row.block ? { teamId: row.teamId, date: row.date, block: row.block } : null;
      const next = proposed.get(v.id) ?? null;
      const take =
        !built.keep.has(v.id) && ((next && accepted.has(next.teamId)) || (current && accepted.has(current.teamId)));
      final.set(v.id, take ? next : current);
      if (take && !sameSlot(current, next)) changed.push({ visitId: v.id, from: current, to: next });
    }
    if (!changed.length)
      throw new BilingualError(409, 'proposal_nothing_to_apply', {
        nl: 'Voor deze teams verandert dit voorstel niets (meer)',
        en: 'This proposal changes nothing (any more) for these teams',
      });
    const combined = combinedPlan(built, proposal.result.plan, final);
    const touched = new Set(
      changed.flatMap((c) => [c.from, c.to].flatMap((s) => (s ? [`${s.teamId}|${s.date}`] : []))),
    );
    const changedIds = new Set(changed.map((c) => c.visitId));
    const check = checkPlan(built.problem, combined, { reference: built.current });
    const broken = check.violations.filter(
      (v) => (v.teamId && v.day && touched.has(`${v.teamId}|${v.day}`)) || (v.visitId && changedIds.has(v.visitId)),
    );
    if (broken.length)
      throw new BilingualError(409, 'proposal_infeasible', {
        nl: `Zo toegepast breekt het voorstel een planningsregel (${broken[0]!.message}); neem de andere betrokken teams mee of optimaliseer opnieuw`,
        en: `Applied like this the proposal breaks a planning rule (${broken[0]!.message}); include the other teams involved or optimise again`,
      });

    let unscheduled = 0;
    for (const c of changed) {
      const expected = built.byId.get(c.visitId)!.lockVersion;
      if (c.to) await scheduleFromProposal(tx, actor, c.visitId, expected, c.from, c.to);
      else {
        await unscheduleFromProposal(tx, actor, c.visitId, expected, c.from!);
        unscheduled += 1;
      }
    }
    const applied = [...new Set([...proposal.appliedTeamIds, ...accepted])];
    const after = await loadPlanningInputs(tx, {
      from: proposal.dateFrom,
      to: proposal.dateTo,
      regionCode: proposal.regionCode,
    });
    await tx
      .update(planningProposals)
      .set({
        appliedTeamIds: applied,
        status: [...withChanges].every((t) => applied.includes(t)) ? 'applied' : 'ready',
        // Our own change is not a reason to refuse the rest of the proposal later.
        fingerprint: fingerprintOf(after),
      })
      .where(eq(planningProposals.id, id));
    await recordAudit(tx, actor, {
      action: 'planning.proposal_applied',
      subjectType: 'planning_proposal',
      subjectId: id,
      after: { teams: [...accepted], visits: changed.length, unscheduled },
    });
    return {
      id,
      status: [...withChanges].every((t) => applied.includes(t)) ? ('applied' as const) : ('ready' as const),
      applied: changed.length - unscheduled,
      unscheduled,
    };
  });
}

/** The plan the database would hold: the proposal's routes where they stand whole, others timed in order. */
function combinedPlan(built: Built, proposal: Plan, final: Map<string, Slot | null>): Plan {
  const groups = new Map<string, string[]>();
  for (const [visitId, slot] of final)
    if (slot)
      groups.set(`${slot.teamId}|${slot.date}`, [...(groups.get(`${slot.teamId}|${slot.date}`) ?? []), visitId]);
  const byKey = (routes: PlannedRoute[]) => new Map(routes.map((r) => [`${r.teamId}|${r.day}`, r]));
  const proposedRoutes = byKey(proposal.routes);
  const currentRoutes = byKey(built.current.routes);
  const startOf = new Map<string, number>();
  for (const r of [...built.current.routes, ...proposal.routes])
    for (const s of r.stops) startOf.set(s.visitId, s.start);
  const routes: PlannedRoute[] = [];
  for (const [key, ids] of groups) {
    const set = new Set(ids);
    const whole = [proposedRoutes.get(key), currentRoutes.get(key)].find(
      (r) => r && r.stops.length === set.size && r.stops.every((s) => set.has(s.visitId)),
    );
    if (whole) routes.push(whole);
    else {
      const [teamId, day] = key.split('|') as [string, string];
      const ordered = ids.sort((a, b) => (startOf.get(a) ?? 0) - (startOf.get(b) ?? 0));
      routes.push(timeRoute(built.problem, teamId, day, ordered));
    }
  }
  return {
    routes,
    unassigned: [...final].filter(([, s]) => !s).map(([visitId]) => ({ visitId, reason: 'no-capacity-in-window' })),
    cost: proposal.cost,
  };
}

async function bump(tx: Tx, visitId: string, expected: number, set: Partial<typeof visits.$inferInsert>) {
  const [row] = await tx
    .update(visits)
    .set({ ...set, lockVersion: sql`${visits.lockVersion} + 1` })
    .where(and(eq(visits.id, visitId), eq(visits.lockVersion, expected)))
    .returning({ id: visits.id });
  if (!row)
    throw new BilingualError(409, 'proposal_stale', {
      nl: 'Een bezoek is net door iemand anders gewijzigd. Optimaliseer opnieuw.',
      en: 'A visit was just changed by someone else. Optimise again.',
    });
}

async function scheduleFromProposal(
  tx: Tx,
  actor: Actor,
  visitId: string,
  expected: number,
  from: Slot | null,
  to: Slot,
) {
  const { visit, order } = await lockVisitForChange(tx, visitId, 'all');
  await bump(tx, visitId, expected, {
    status: 'scheduled',
    teamId: to.teamId,
    scheduledDate: to.date,
    block: to.block,
  });
  await recordAudit(tx, actor, {
    action: 'visit.scheduled',
    subjectType: 'visit',
    subjectId: visitId,
    before: {
      status: visit.status,
      teamId: from?.teamId ?? null,
      date: from?.date ?? null,
      block: from?.block ?? null,
    },
    after: { status: 'scheduled', ...to, source: 'optimiser' },
  });
  await emitEvent(tx, {
    type: 'visit.scheduled',
    subjectType: 'visit',
    subjectId: visitId,
    data: {
      visitId,
      number: visit.number,
      orderId: visit.orderId,
      orderNumber: order.number,
      date: to.date,
      block: to.block,
      teamId: to.teamId,
    },
    audience: visitAudience(order, { customerId: visit.customerId, teamId: to.teamId }),
  });
  await advanceOrder(tx, actor, visit.orderId, sentence('order.visit_planned', { visit: visit.number, date: to.date }));
}

async function unscheduleFromProposal(tx: Tx, actor: Actor, visitId: string, expected: number, from: Slot) {
  const { visit, order } = await lockVisitForChange(tx, visitId, 'all');
  await bump(tx, visitId, expected, { status: 'to_schedule', teamId: null, scheduledDate: null, block: null });
  await recordAudit(tx, actor, {
    action: 'visit.unplanned',
    subjectType: 'visit',
    subjectId: visitId,
    before: { status: visit.status, ...from },
    after: { status: 'to_schedule', source: 'optimiser' },
  });
  await emitEvent(tx, {
    type: 'visit.unplanned',
    subjectType: 'visit',
    subjectId: visitId,
    data: {
      visitId,
      number: visit.number,
      orderId: visit.orderId,
      orderNumber: order.number,
      date: from.date,
      teamId: from.teamId,
    },
    audience: visitAudience(order, { customerId: visit.customerId, teamId: from.teamId }),
  });
}
