import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddOrderVisitsBody,
  IdParams,
  OrderVisitsCreated,
  VisitStarted,
  Problem,
  Region,
  ScheduleVisitBody,
  TeamList,
  VisitCompleted,
  VisitList,
  VisitListQuery,
  VisitScheduled,
  AbsenceParams,
  BoardQuery,
  CapacityQuery,
  CreateVisitBody,
  DropFeasibility,
  OptionsQuery,
  PlannedVisit,
  PlanningCapacity,
  PlanVisitBody,
  ScheduleQuery,
  SlotFeasibility,
  SlotQuery,
  TeamAbsence,
  TeamAbsenceAdded,
  TeamAbsenceBody,
  TeamSchedule,
  TeamSettings,
  TeamSettingsBody,
  VisitCreated,
  VisitOptions,
} from '@chargecars/contract';
import { requestLanguage } from '../../platform/errors.ts';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import type { PlanningService } from './index.ts';

export function planningRoutes(app: FastifyInstance, planning: PlanningService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['planning'];
  r.get(
    '/api/visits',
    {
      config: { access: ['admin', 'operations', 'planner', 'technician'] },
      schema: {
        tags,
        summary: "A day's visits (a technician: their team's)",
        querystring: VisitListQuery,
        response: { 200: VisitList },
      },
    },
    (request) => planning.listVisits(actorOf(request), request.query),
  );
  r.post(
    '/api/visits/:id/schedule',
    {
      config: { access: ['admin', 'operations', 'planner'] },
      schema: {
        tags,
        summary: 'Plan a visit on a team and day part (again: move it); not once completed or cancelled',
        params: IdParams,
        body: ScheduleVisitBody,
        response: { 200: VisitScheduled, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    (request) => planning.schedule(actorOf(request), { visitId: request.params.id, ...request.body }),
  );
  r.post(
    '/api/visits/:id/start',
    {
      config: { access: ['admin', 'operations', 'planner', 'technician'] },
      schema: {
        tags,
        summary: "Start a planned visit on site (a technician: their team's); the order goes in progress",
        params: IdParams,
        response: { 200: VisitStarted, 404: Problem, 409: Problem },
      },
    },
    (request) => planning.start(actorOf(request), request.params.id),
  );
  r.post(
    '/api/orders/:id/visits',
    {
      config: { access: ['admin', 'operations', 'planner'] },
      schema: {
        tags,
        summary:
          "Make the visits of an order that has none: the signed quote's proposal, or the visit in the body (type and duration)",
        params: IdParams,
        body: AddOrderVisitsBody,
        response: { 201: OrderVisitsCreated, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await planning.addOrderVisits(actorOf(request), request.params.id, request.body ?? undefined)),
  );
  r.post(
    '/api/visits/:id/complete',
    {
      config: { access: ['admin', 'operations', 'planner', 'technician'] },
      schema: {
        tags,
        summary: "Mark a scheduled or started visit done (a technician: their team's)",
        params: IdParams,
        response: { 200: VisitCompleted, 404: Problem, 409: Problem },
      },
    },
    (request) => planning.complete(actorOf(request), request.params.id),
  );
  r.get(
    '/api/teams',
    {
      config: { access: ['admin', 'operations', 'planner', 'technician'] },
      schema: { tags, summary: 'Regional teams', response: { 200: TeamList } },
    },
    () => planning.listTeams(),
  );
  r.get(
    '/api/regions',
    {
      config: { access: ['admin', 'operations', 'planner', 'technician'] },
      schema: { tags, summary: 'The 7 overlapping regions', response: { 200: z.array(Region) } },
    },
    () => planning.listRegions(),
  );
  planningBoardRoutes(app, planning);
}

/** The planning board (issue 12): the board, the checks it colours cells with, moves, options, absences, team settings. */
function planningBoardRoutes(app: FastifyInstance, planning: PlanningService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['planning'];
  const access = ['admin', 'operations', 'planner'] as const;
  const lang = (request: { headers: { 'accept-language'?: string | undefined } }) =>
    requestLanguage(request.headers['accept-language']);
  r.get(
    '/api/teams/schedule',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary:
          'The planning board: teams x days (week or month), each block with its used time and visits, and the queue',
        querystring: ScheduleQuery,
        response: { 200: TeamSchedule, 404: Problem },
      },
    },
    (request) => planning.teamSchedule(request.query, lang(request)),
  );
  r.get(
    '/api/dashboard/capacity',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary: 'Team utilisation (goal 85%), first time right (goal 95%) and travel per visit',
        querystring: CapacityQuery,
        response: { 200: PlanningCapacity },
      },
    },
    (request) => planning.capacity(request.query),
  );
  r.post(
    '/api/visits',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary: 'One more visit for an open order, unplanned (in the queue of the board)',
        body: CreateVisitBody,
        response: { 201: VisitCreated, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => reply.status(201).send(await planning.createVisit(actorOf(request), request.body)),
  );
  r.put(
    '/api/visits/:id',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary:
          'Plan, move or unplan (slot null) a visit on the version seen (409 when someone else changed it); every rule is checked, a reason overrides a refusal',
        params: IdParams,
        body: PlanVisitBody,
        response: { 200: PlannedVisit, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request) => {
      const { slot, lockVersion, overrideReason } = request.body;
      const actor = actorOf(request);
      if (slot) return planning.schedule(actor, { visitId: request.params.id, ...slot, lockVersion, overrideReason });
      const done = await planning.unplan(actor, { visitId: request.params.id, lockVersion, overrideReason });
      return { ...done, teamId: null, date: null, block: null, addedKm: 0, addedMinutes: 0, overridden: [] };
    },
  );
  r.get(
    '/api/visits/:id/feasibility',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary: 'Every cell of a board judged for one visit in one round trip (to colour the cells while dragging)',
        params: IdParams,
        querystring: BoardQuery,
        response: { 200: DropFeasibility, 404: Problem },
      },
    },
    (request) => planning.dropFeasibility(request.params.id, request.query, lang(request)),
  );
  r.get(
    '/api/visits/:id/slot-check',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary: 'Whether a visit fits one team, day and block: the travel it adds, or every reason it does not',
        params: IdParams,
        querystring: SlotQuery,
        response: { 200: SlotFeasibility, 404: Problem },
      },
    },
    (request) => planning.slotCheck(request.params.id, request.query, lang(request)),
  );
  r.get(
    '/api/visits/:id/options',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary:
          "The best few (date, team, block) for a visit with the travel each adds (the engine's insertion, each checked)",
        params: IdParams,
        querystring: OptionsQuery,
        response: { 200: VisitOptions, 404: Problem },
      },
    },
    (request) => planning.visitOptions(request.params.id, request.query),
  );
  r.get(
    '/api/teams/:id/absences',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary: "A team's absences",
        params: IdParams,
        response: { 200: z.array(TeamAbsence), 404: Problem },
      },
    },
    (request) => planning.listAbsences(request.params.id),
  );
  r.post(
    '/api/teams/:id/absences',
    {
      config: { access: [...access] },
      schema: {
        tags,
        summary: 'Mark a team away (holiday, illness, training); answers the visits it had on those days',
        params: IdParams,
        body: TeamAbsenceBody,
        response: { 201: TeamAbsenceAdded, 404: Problem, 422: Problem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await planning.addAbsence(actorOf(request), request.params.id, request.body)),
  );
  r.delete(
    '/api/teams/:id/absences/:absenceId',
    {
      config: { access: [...access] },
      schema: { tags, summary: 'Remove an absence', params: AbsenceParams, response: { 204: z.null(), 404: Problem } },
    },
    async (request, reply) => {
      await planning.removeAbsence(actorOf(request), request.params.id, request.params.absenceId);
      return reply.status(204).send(null);
    },
  );
  r.patch(
    '/api/teams/:id',
    {
      config: { access: ['admin', 'planner'] },
      schema: {
        tags,
        summary: "A team's planning settings: working days, maximum visits a day, skills, regions",
        params: IdParams,
        body: TeamSettingsBody,
        response: { 200: TeamSettings, 404: Problem, 422: Problem },
      },
    },
    (request) => planning.updateTeamSettings(actorOf(request), request.params.id, request.body),
  );
}
