import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParams,
  Problem,
  RecordedToolEvent,
  RegisterToolBody,
  RegisteredTool,
  Tool,
  ToolDetail,
  ToolEventBody,
  ToolListQuery,
  ToolReadiness,
  ToolRequirement,
  ToolRequirementBody,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import type { InventoryService } from './index.ts';

const errors = { 404: Problem, 409: Problem, 422: Problem };

/** The tool register: tools, their team and van, inspections, calibrations and repairs. */
export function toolsRoutes(app: FastifyInstance, inventory: InventoryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  const stock = ['admin', 'operations', 'warehouse'] as const;
  r.get(
    '/api/inventory/tools',
    {
      config: { access: stock },
      schema: {
        tags,
        summary:
          'The tool register with inspection and calibration due dates (due=true: due within two weeks or overdue)',
        querystring: ToolListQuery,
        response: { 200: z.array(Tool) },
      },
    },
    (request) => inventory.tools({ teamId: request.query.teamId, due: request.query.due === 'true' }),
  );
  r.post(
    '/api/inventory/tools',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Register a tool',
        body: RegisterToolBody,
        response: { 201: RegisteredTool, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await inventory.registerTool(actorOf(request), request.body)),
  );
  r.get(
    '/api/inventory/tools/:id',
    {
      config: { access: stock },
      schema: { tags, summary: 'A tool with its history', params: IdParams, response: { 200: ToolDetail, ...errors } },
    },
    (request) => inventory.tool(request.params.id),
  );
  r.post(
    '/api/inventory/tools/:id/events',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: "Record a tool's allocation, inspection, calibration, use or maintenance",
        params: IdParams,
        body: ToolEventBody,
        response: { 201: RecordedToolEvent, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inventory.recordToolEvent(actorOf(request), request.params.id, request.body)),
  );
  r.get(
    '/api/inventory/tool-readiness',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'The tools each installation type needs, and per team what it lacks of them',
        response: { 200: ToolReadiness },
      },
    },
    () => inventory.toolReadiness(),
  );
  r.put(
    '/api/inventory/tool-requirements',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'How many tools of a type an installation type needs (0 takes it off)',
        body: ToolRequirementBody,
        response: { 200: ToolRequirement, ...errors },
      },
    },
    (request) => inventory.setToolRequirement(actorOf(request), request.body),
  );
}
