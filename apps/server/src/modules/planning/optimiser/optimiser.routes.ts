import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApplyProposalBody,
  IdParams,
  OptimiseBody,
  PlanningProposal,
  PlanningProposalList,
  Problem,
  ProposalApplied,
  TeamAbsentBody,
  TeamRoute,
  TeamRouteQuery,
  WeatherFlags,
  WeatherQuery,
} from '@chargecars/contract';
import { actorOf } from '../../../platform/auth/auth.plugin.ts';
import type { OptimiserService } from './optimiser-service.ts';

const PLANNERS = ['admin', 'operations', 'planner'] as const;

export function optimiserRoutes(app: FastifyInstance, optimiser: OptimiserService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['planning'];
  r.post(
    '/api/planning/proposals',
    {
      config: { access: [...PLANNERS] },
      schema: {
        tags,
        summary: 'Optimise a horizon (at most two weeks; one region or all): a proposal computed in the background',
        body: OptimiseBody,
        response: { 202: PlanningProposal, 422: Problem },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await optimiser.requestOptimisation(actorOf(request), request.body)),
  );
  r.get(
    '/api/planning/proposals',
    {
      config: { access: [...PLANNERS] },
      schema: { tags, summary: 'The latest proposals', response: { 200: PlanningProposalList } },
    },
    () => optimiser.list(),
  );
  r.get(
    '/api/planning/proposals/:id',
    {
      config: { access: [...PLANNERS] },
      schema: {
        tags,
        summary: "A proposal: its progress while computed, then the difference with today's planning",
        params: IdParams,
        response: { 200: PlanningProposal, 404: Problem },
      },
    },
    (request) => optimiser.get(request.params.id),
  );
  r.post(
    '/api/planning/proposals/:id/apply',
    {
      config: { access: [...PLANNERS] },
      schema: {
        tags,
        summary: 'Accept a proposal, whole or for some teams; refused when the planning changed since',
        params: IdParams,
        body: ApplyProposalBody,
        response: { 200: ProposalApplied, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    (request) => optimiser.apply(actorOf(request), request.params.id, request.body?.teamIds),
  );
  r.post(
    '/api/planning/absences/repair',
    {
      config: { access: [...PLANNERS] },
      schema: {
        tags,
        summary: "Mark a team absent on a day and propose the fewest moves that re-plan that day's visits",
        body: TeamAbsentBody,
        response: { 202: PlanningProposal, 404: Problem, 422: Problem },
      },
    },
    async (request, reply) => reply.status(202).send(await optimiser.markTeamAbsent(actorOf(request), request.body)),
  );
  r.get(
    '/api/teams/:id/route',
    {
      config: { access: [...PLANNERS] },
      schema: {
        tags,
        summary: "A team's day route: ordered stops with estimated arrival, travel and work time",
        params: IdParams,
        querystring: TeamRouteQuery,
        response: { 200: TeamRoute, 404: Problem },
      },
    },
    (request) => optimiser.dayRoute(request.params.id, request.query.date),
  );
  r.get(
    '/api/planning/weather',
    {
      config: { access: [...PLANNERS] },
      schema: {
        tags,
        summary: 'Severe-weather days per region and the planned outdoor visits on them',
        querystring: WeatherQuery,
        response: { 200: WeatherFlags },
      },
    },
    (request) => optimiser.weatherFlags(request.query.from, request.query.to),
  );
}
