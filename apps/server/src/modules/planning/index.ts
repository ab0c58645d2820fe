import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { listVisits } from '../../read-models/day-visits.ts';
import { scheduleVisit, type ScheduleVisitInput } from './schedule-visit.ts';
import { completeVisit } from './complete-visit.ts';
import { listRegions, listTeams } from './list-teams.ts';

export { planningRoutes } from './planning.routes.ts';

export function createPlanningService(deps: { db: Db }) {
  return {
    listVisits: (actor: Actor, opts: { date?: string | undefined; teamId?: string | undefined }) =>
      listVisits(deps.db, actor, opts),
    schedule: (actor: Actor, input: ScheduleVisitInput) => scheduleVisit(deps.db, actor, input),
    complete: (actor: Actor, visitId: string) => completeVisit(deps.db, actor, visitId),
    listTeams: () => listTeams(deps.db),
    listRegions: () => listRegions(deps.db),
  };
}
export type PlanningService = ReturnType<typeof createPlanningService>;
