import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Region, Team, VisitList, VisitListQuery } from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import type { PlanningService } from './index.ts';

export function planningRoutes(app: FastifyInstance, planning: PlanningService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['planning'];
  r.get('/api/visits', {
    config: { access: ['admin', 'operations', 'planner', 'technician'] },
    schema: { tags, summary: "A day's visits (a technician: their team's)", querystring: VisitListQuery, response: { 200: VisitList } },
  }, (request) => planning.listVisits(actorOf(request), request.query));
  r.get('/api/teams', { config: { access: ['admin', 'operations', 'planner', 'technician'] }, schema: { tags, summary: 'Regional teams', response: { 200: z.array(Team) } } }, () => planning.listTeams());
  r.get('/api/regions', { config: { access: ['admin', 'operations', 'planner', 'technician'] }, schema: { tags, summary: 'The 7 overlapping regions', response: { 200: z.array(Region) } } }, () => planning.listRegions());
}
