import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BusinessEntityList,
  EntityReminderSteps,
  EntityReminderStepsList,
  PaymentReminderSteps,
  Problem,
  Text,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import type { Db } from '../../platform/db/client.ts';
import { listEntities } from './list-entities.ts';
import { listPaymentReminderSteps, setPaymentReminderSteps } from './payment-reminder-steps.ts';

export { listEntities };
export { invoicesOnCompletion } from './list-entities.ts';

const MANAGERS = ['admin', 'operations'] as const;

export function entitiesRoutes(app: FastifyInstance, deps: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/entities',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['entities'], summary: 'The five business entities', response: { 200: BusinessEntityList } },
    },
    () => listEntities(deps.db),
  );
  r.get(
    '/api/entities/payment-reminders',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['entities'],
        summary: "Each entity's payment reminder steps (days past the due date)",
        response: { 200: EntityReminderStepsList },
      },
    },
    () => listPaymentReminderSteps(deps.db),
  );
  r.put(
    '/api/entities/:entityId/payment-reminders',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['entities'],
        summary: "Set an entity's payment reminder steps",
        params: z.object({ entityId: Text.min(1).max(40) }),
        body: PaymentReminderSteps,
        response: { 200: EntityReminderSteps, 404: Problem },
      },
    },
    (request) => setPaymentReminderSteps(deps.db, actorOf(request), request.params.entityId, request.body.days),
  );
}
