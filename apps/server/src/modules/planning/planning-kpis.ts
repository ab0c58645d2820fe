import { and, eq, gte, sql } from 'drizzle-orm';
import { haversineKm } from '@chargecars/planner';
import type { DbOrTx } from '../../platform/db/client.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { auditLog } from '../../platform/events/events.schema.ts';
import { visits } from './planning.schema.ts';
import { boardDays } from './planning-board.ts';
import { BLOCKS, blockRoute, isoWeekday, ROAD_FACTOR } from './slot-feasibility.ts';
import { readsFrom, type PlanningDeps } from './planning-reads.ts';

export const UTILISATION_GOAL = 0.85;
export const FIRST_TIME_RIGHT_GOAL = 0.95;
const DAY_MINUTES = BLOCKS.afternoon.end - BLOCKS.morning.start;

/**
 * First time right: of the visits done in the last 90 days, the share done on the first date they were
 * planned on (planned once, never moved). Read from the audit trail of `visit.scheduled`.
 */
async function firstTimeRight(db: DbOrTx) {
  const since = new Date(Date.parse(`${addDaysToDate(todayInAmsterdam(), -90)}T00:00:00Z`));
  const done = await db
    .select({
      id: visits.id,
      plannings: sql<number>`(select count(*)::int from ${auditLog} a where a.subject_id = ${visits.id}::text and a.action = 'visit.scheduled')`,
    })
    .from(visits)
    .where(and(eq(visits.status, 'completed'), gte(visits.completedAt, since)));
  return { done: done.length, firstTime: done.filter((v) => v.plannings <= 1).length };
}

/** `GET /api/dashboard/capacity`: utilisation per team and in all, first time right, travel per visit. */
export async function planningCapacity(deps: PlanningDeps, q: { view: 'week' | 'month'; date?: string | undefined }) {
  const { from, to, days } = boardDays(q.view, q.date);
  const reads = await readsFrom(deps, from);
  const [world, ftr] = await Promise.all([reads.slotWorld(from, to), firstTimeRight(deps.db)]);
  let available = 0;
  let used = 0;
  let km = 0;
  let planned = 0;
  const teams = [...world.teams.values()].map((team) => {
    let teamAvailable = 0;
    let teamUsed = 0;
    let teamKm = 0;
    let teamVisits = 0;
    for (const date of days) {
      const away = world.absences.some((a) => a.teamId === team.id && a.dateFrom <= date && a.dateTo >= date);
      if (team.workingDays.includes(isoWeekday(date)) && !away) teamAvailable += DAY_MINUTES;
      const stops = world.planned.get(`${team.id}|${date}`) ?? [];
      if (!stops.length) continue;
      const morning = blockRoute(team, 'morning', stops);
      const afternoon = blockRoute(team, 'afternoon', stops);
      const last = afternoon.stops.at(-1) ?? morning.stops.at(-1)!;
      const home =
        last.lat !== null && last.lon !== null
          ? haversineKm({ lat: last.lat, lon: last.lon }, { lat: team.lat, lon: team.lon }) * ROAD_FACTOR
          : 0;
      const dayKm = morning.km + afternoon.km + home;
      // Work and every drive of the day (60 km/h: a kilometre is a minute).
      teamUsed += stops.reduce((s, v) => s + v.durationMinutes, 0) + Math.round(dayKm);
      teamKm += dayKm;
      teamVisits += stops.length;
    }
    available += teamAvailable;
    used += teamUsed;
    km += teamKm;
    planned += teamVisits;
    return {
      teamId: team.id,
      name: team.name,
      availableMinutes: teamAvailable,
      usedMinutes: teamUsed,
      utilisation: teamAvailable ? Math.round((teamUsed / teamAvailable) * 1000) / 1000 : 0,
      visits: teamVisits,
      travelKm: Math.round(teamKm),
    };
  });
  return {
    from,
    to,
    utilisation: available ? Math.round((used / available) * 1000) / 1000 : 0,
    utilisationGoal: UTILISATION_GOAL,
    firstTimeRight: ftr.done ? Math.round((ftr.firstTime / ftr.done) * 1000) / 1000 : null,
    firstTimeRightGoal: FIRST_TIME_RIGHT_GOAL,
    visitsDone: ftr.done,
    plannedVisits: planned,
    travelKmPerVisit: planned ? Math.round((km / planned) * 10) / 10 : null,
    teams,
  };
}
