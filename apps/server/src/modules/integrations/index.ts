import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { subscribeTo, type ModuleWorkers } from '../../platform/events/subscribers.ts';
import { WEBHOOK_EVENT_TYPES } from '@chargecars/contract';
import { pokableLoop } from '../../platform/pokable-loop.ts';
import { createSsrfGuard, parseAllowedHosts } from './ssrf-guard.ts';
import { fanOutEvents } from './fan-out-event.ts';
import { createDispatcher } from './dispatch-deliveries.ts';
import { listEndpoints } from './webhook-endpoint-view.ts';
import { createEndpoint } from './create-webhook-endpoint.ts';
import { updateEndpoint } from './update-webhook-endpoint.ts';
import { deleteEndpoint } from './delete-webhook-endpoint.ts';
import { rotateEndpointSecret } from './rotate-webhook-secret.ts';
import { listDeliveries } from './list-deliveries.ts';
import { replayDelivery, replaySince } from './replay-deliveries.ts';
import { sendTestEvent } from './send-test-event.ts';
import { purgeDeliveryLog } from './purge-delivery-log.ts';

export { integrationsRoutes } from './integrations.routes.ts';
export { createPdokAddressValidator } from './pdok-locatieserver.ts';
export { signWebhook } from './webhook-signing.ts';
export { webhookDocs } from './webhook-docs.ts';

/** How often the dispatcher looks for due deliveries when nothing pokes it. */
const DISPATCH_INTERVAL_MS = 1_000;

export function createIntegrationsService(deps: { db: Db; allowedPrivateHosts: string }) {
  const guard = createSsrfGuard(parseAllowedHosts(deps.allowedPrivateHosts));
  const dispatcher = createDispatcher(deps.db, guard);
  const dispatch = () => dispatcher.dispatch();
  const dispatchLoop = pokableLoop('webhook-dispatcher', DISPATCH_INTERVAL_MS, async () => {
    await dispatch();
    return false;
  });
  const poke = () => dispatchLoop.poke();
  return {
    listEndpoints: (partnerId: string) => listEndpoints(deps.db, partnerId),
    createEndpoint: (actor: Actor, partnerId: string, input: Parameters<typeof createEndpoint>[4]) =>
      createEndpoint(deps.db, guard, actor, partnerId, input),
    updateEndpoint: (
      actor: Actor,
      partnerId: string,
      endpointId: string,
      input: Parameters<typeof updateEndpoint>[5],
    ) => updateEndpoint(deps.db, guard, actor, partnerId, endpointId, input),
    deleteEndpoint: (actor: Actor, partnerId: string, endpointId: string) =>
      deleteEndpoint(deps.db, actor, partnerId, endpointId),
    rotateSecret: (actor: Actor, partnerId: string, endpointId: string) =>
      rotateEndpointSecret(deps.db, actor, partnerId, endpointId),
    deliveries: (partnerId: string, endpointId: string, limit: number) =>
      listDeliveries(deps.db, partnerId, endpointId, limit),
    replayDelivery: async (actor: Actor, partnerId: string, deliveryId: string) => {
      const r = await replayDelivery(deps.db, actor, partnerId, deliveryId);
      poke();
      return r;
    },
    replaySince: async (actor: Actor, partnerId: string, endpointId: string, since: Date) => {
      const r = await replaySince(deps.db, actor, partnerId, endpointId, since);
      poke();
      return r;
    },
    sendTestEvent: async (actor: Actor, partnerId: string, endpointId: string) => {
      const r = await sendTestEvent(deps.db, actor, partnerId, endpointId);
      poke();
      return r;
    },
    /** Attempts what is due now; the loop calls it, tests call it directly. */
    dispatch,
    workers(): ModuleWorkers {
      return {
        subscribers: [
          subscribeTo({
            // Inline: fan-out is a few idempotent inserts, and partners should hear within seconds.
            queue: 'event.webhooks',
            eventTypes: WEBHOOK_EVENT_TYPES,
            inline: true,
            handleBatch: async (events) => {
              const { claimed, due } = await fanOutEvents(deps.db, events, dispatcher.room());
              dispatcher.handOff(claimed);
              if (claimed.length || due) poke();
            },
          }),
        ],
        schedules: [
          { queue: 'maintenance.purge-webhook-log', cron: '23 3 * * *', run: () => purgeDeliveryLog(deps.db) },
        ],
        loops: [dispatchLoop],
      };
    },
  };
}
export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
