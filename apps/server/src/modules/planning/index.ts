import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { listVisits } from '../../read-models/day-visits.ts';
import type { PlanningMemory } from './planning-memory.ts';
import { scheduleVisit, type ScheduleVisitInput } from './schedule-visit.ts';
import { completeVisit } from './complete-visit.ts';
import { startVisit } from './start-visit.ts';
import { addOrderVisits, createOrderVisits, type VisitRequest } from './create-order-visits.ts';
import { listRegions, listTeams } from './list-teams.ts';
import { unplanVisit } from './schedule-visit.ts';
import { createVisit, type CreateVisitInput } from './create-visit.ts';
import {
  dropFeasibility,
  slotCheck,
  teamSchedule,
  visitOptions,
  type BoardView,
  type QueueFilter,
} from './planning-board.ts';
import { planningCapacity } from './planning-kpis.ts';
import { addAbsence, listAbsences, removeAbsence, type AbsenceInput } from './team-absences.ts';
import { updateTeamSettings, type TeamSettingsInput } from './team-settings.ts';
import type { Slot } from './slot-feasibility.ts';
import { prunePlanningChanges } from './prune-planning-changes.ts';
import type { ModuleWorkers } from '../../platform/events/subscribers.ts';

export { planningRoutes } from './planning.routes.ts';
export { createPlanningMemory } from './planning-memory.ts';
// The technician app (modules/mobile) starts and completes visits inside its own command's transaction.
export { completeVisit, startVisit };

/**
 * `memory`: the planning memory the board, the drop check and the options read (one per server instance,
 * kept current by the database's change log); without it they read the database directly.
 */
export function createPlanningService(deps: { db: Db; memory?: PlanningMemory | undefined }) {
  return {
    listVisits: (actor: Actor, opts: { date?: string | undefined; teamId?: string | undefined }) =>
      listVisits(deps.db, actor, opts),
    schedule: (actor: Actor, input: ScheduleVisitInput) => scheduleVisit(deps.db, actor, input),
    start: (actor: Actor, visitId: string) => startVisit(deps.db, actor, visitId),
    complete: (actor: Actor, visitId: string) => completeVisit(deps.db, actor, visitId),
    /** Runs in the caller's transaction: the last signature makes the order and then its visits. */
    createOrderVisits,
    addOrderVisits: (actor: Actor, orderId: string, requested: VisitRequest | undefined) =>
      addOrderVisits(deps.db, actor, orderId, requested),
    listTeams: () => listTeams(deps.db),
    listRegions: () => listRegions(deps.db),
    unplan: (actor: Actor, input: { visitId: string; lockVersion: number; overrideReason?: string | undefined }) =>
      unplanVisit(deps.db, actor, input),
    createVisit: (actor: Actor, input: CreateVisitInput) => createVisit(deps.db, actor, input),
    teamSchedule: (q: BoardView & QueueFilter, lang: 'nl' | 'en' = 'nl') => teamSchedule(deps, q, lang),
    dropFeasibility: (visitId: string, q: BoardView, lang: 'nl' | 'en') => dropFeasibility(deps, visitId, q, lang),
    slotCheck: (visitId: string, slot: Slot, lang: 'nl' | 'en') => slotCheck(deps, visitId, slot, lang),
    visitOptions: (visitId: string, q: Parameters<typeof visitOptions>[2]) => visitOptions(deps, visitId, q),
    capacity: (q: { view: 'week' | 'month'; date?: string | undefined }) => planningCapacity(deps, q),
    listAbsences: (teamId: string) => listAbsences(deps.db, teamId),
    addAbsence: (actor: Actor, teamId: string, input: AbsenceInput) => addAbsence(deps.db, actor, teamId, input),
    removeAbsence: (actor: Actor, teamId: string, absenceId: string) =>
      removeAbsence(deps.db, actor, teamId, absenceId),
    updateTeamSettings: (actor: Actor, teamId: string, input: TeamSettingsInput) =>
      updateTeamSettings(deps.db, actor, teamId, input),
    workers: (): ModuleWorkers => ({
      subscribers: [],
      schedules: [
        {
          // The planning memory's change log, kept to what the last hour's memories may still need.
          queue: 'planning.prune-changes',
          cron: '17 * * * *',
          run: async () => {
            await prunePlanningChanges(deps.db);
          },
        },
      ],
      loops: [],
    }),
  };
}
export type PlanningService = ReturnType<typeof createPlanningService>;
export { createOptimiserService, type OptimiserService } from './optimiser/optimiser-service.ts';
export { optimiserRoutes } from './optimiser/optimiser.routes.ts';
export { haversineTravel, type TravelProvider } from './optimiser/travel-provider.ts';
export { createOsrmTravel } from './optimiser/osrm-travel.ts';
export { noWeather, type WeatherProvider } from './optimiser/weather-provider.ts';
export { createOpenMeteoWeather } from './optimiser/open-meteo-weather.ts';
export {
  everythingAvailable,
  type MaterialAnswer,
  type MaterialAvailability,
} from './optimiser/material-availability.ts';
