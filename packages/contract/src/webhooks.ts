import { z } from 'zod';
import { Text, Timestamp } from './common.ts';
import { DOMAIN_EVENTS, type DomainEventType } from './events/index.ts';
import { defineEvent } from './events/define-event.ts';

/** Event types a partner may subscribe to: those that concern its own leads, quotes, orders, visits and invoices. */
export const WEBHOOK_EVENT_TYPES = [
  'lead.received',
  'lead.qualified',
  'lead.rejected',
  'lead.converted',
  'quote.sent',
  'quote.signed',
  'order.created',
  'visit.scheduled',
  'visit.started',
  'visit.completed',
  'order.completed',
  'invoice.issued',
] as const satisfies readonly DomainEventType[];
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** The "send test event" button's message: not a domain event, sent to one endpoint only. */
export const WebhookTestEvent = defineEvent(
  'webhook.test',
  'A test message, sent from the partner portal to one endpoint.',
  z.object({ message: Text, sentBy: Text }),
);

const isWebhookEvent = (
  e: (typeof DOMAIN_EVENTS)[number],
): e is Extract<(typeof DOMAIN_EVENTS)[number], { shape: { type: z.ZodLiteral<WebhookEventType> } }> =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e.shape.type.value);
/** The schema of every message a partner's endpoint can receive: each subscribable event, and the test message. */
export const WEBHOOK_EVENTS = [...DOMAIN_EVENTS.filter(isWebhookEvent), WebhookTestEvent];

/**
 * The body of a webhook (Standard Webhooks): the event's type and data, and when it happened. Emitting
 * refuses keys an event's schema does not name, but a receiver should accept keys added later: the
 * body's schema does not forbid them.
 * @example webhookBody(QuoteSentEvent)
 */
export function webhookBody<E extends (typeof WEBHOOK_EVENTS)[number]>(event: E) {
  return z
    .object({ type: event.shape.type, timestamp: Timestamp, data: z.object(event.shape.data.shape) })
    .meta({ description: event.description });
}
/** A message an endpoint can receive, before it is wrapped in its body. */
export type WebhookMessage = z.infer<(typeof WEBHOOK_EVENTS)[number]>;

export const EndpointParams = z.object({ id: Text.uuid(), endpointId: Text.uuid() });
export const DeliveryParams = z.object({ id: Text.uuid(), deliveryId: Text.uuid() });

export const NewWebhookEndpoint = z
  .object({
    url: Text.trim()
      .max(2000)
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'alleen http(s)'),
    description: Text.trim().max(200).optional(),
    eventTypes: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length),
  })
  .strict();
export const UpdateWebhookEndpoint = z
  .object({
    url: Text.trim()
      .max(2000)
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'alleen http(s)')
      .optional(),
    description: Text.trim().max(200).optional(),
    eventTypes: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const WebhookEndpoint = z
  .object({
    id: Text,
    url: Text,
    description: Text.nullable(),
    eventTypes: z.array(Text),
    enabled: z.boolean(),
    disabledReason: Text.nullable(),
    failingSince: Text.nullable(),
    createdAt: Text,
    secretRotatingUntil: Text.nullable(),
  })
  .meta({ id: 'WebhookEndpoint' });
/** Create and rotate answer with the signing secret (whsec_…); lists never show it. */
export const WebhookEndpointWithSecret = WebhookEndpoint.extend({ secret: Text }).meta({
  id: 'WebhookEndpointWithSecret',
});
export const WebhookEndpointList = z.object({ items: z.array(WebhookEndpoint) });

export const WebhookAttempt = z.object({
  at: Text,
  responseStatus: z.number().int().nullable(),
  responseBodyExcerpt: Text.nullable(),
  error: Text.nullable(),
  durationMs: z.number().int(),
  requestHeaders: z.record(Text, Text),
});
export const WebhookDelivery = z
  .object({
    id: Text,
    messageId: Text,
    eventType: Text,
    state: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
    attempts: z.number().int(),
    nextAttemptAt: Text.nullable(),
    createdAt: Text,
    payload: z.record(Text, z.unknown()),
    attemptLog: z.array(WebhookAttempt),
  })
  .meta({ id: 'WebhookDelivery' });
export const WebhookDeliveryList = z.object({ items: z.array(WebhookDelivery) });
export const DeliveryListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const ReplaySince = z.object({ since: Timestamp }).strict();
export const TestEventSent = z.object({ deliveryId: Text });
export const ReplayResult = z.object({ replayed: z.number().int() });
