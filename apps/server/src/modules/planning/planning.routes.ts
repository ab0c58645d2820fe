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
} from '@chargecars/contract';
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
}
