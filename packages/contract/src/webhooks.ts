import { z } from 'zod';

/** Event types a partner may subscribe to: those that concern its own leads, quotes, orders, visits and invoices. */
export const WEBHOOK_EVENT_TYPES = [
  'lead.received', 'lead.qualified', 'lead.rejected', 'quote.sent', 'quote.signed', 'order.created',
  'visit.scheduled', 'visit.completed', 'order.completed', 'invoice.issued',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

export const EndpointParams = z.object({ id: z.string().uuid(), endpointId: z.string().uuid() });
export const DeliveryParams = z.object({ id: z.string().uuid(), deliveryId: z.string().uuid() });

export const NewWebhookEndpoint = z.object({
  url: z.string().trim().max(2000).url().refine((u) => /^https?:\/\//.test(u), 'alleen http(s)'),
  description: z.string().trim().max(200).optional(),
  eventTypes: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length),
}).strict();
export const UpdateWebhookEndpoint = z.object({
  url: z.string().trim().max(2000).url().refine((u) => /^https?:\/\//.test(u), 'alleen http(s)').optional(),
  description: z.string().trim().max(200).optional(),
  eventTypes: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
  enabled: z.boolean().optional(),
}).strict();

export const WebhookEndpoint = z.object({
  id: z.string(), url: z.string(), description: z.string().nullable(), eventTypes: z.array(z.string()), enabled: z.boolean(),
  disabledReason: z.string().nullable(), failingSince: z.string().nullable(), createdAt: z.string(), secretRotatingUntil: z.string().nullable(),
}).meta({ id: 'WebhookEndpoint' });
/** Create and rotate answer with the signing secret (whsec_…); lists never show it. */
export const WebhookEndpointWithSecret = WebhookEndpoint.extend({ secret: z.string() }).meta({ id: 'WebhookEndpointWithSecret' });
export const WebhookEndpointList = z.object({ items: z.array(WebhookEndpoint) });

export const WebhookAttempt = z.object({ at: z.string(), responseStatus: z.number().int().nullable(), responseBodyExcerpt: z.string().nullable(), error: z.string().nullable(), durationMs: z.number().int(), requestHeaders: z.record(z.string(), z.string()) });
export const WebhookDelivery = z.object({
  id: z.string(), messageId: z.string(), eventType: z.string(), state: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
  attempts: z.number().int(), nextAttemptAt: z.string().nullable(), createdAt: z.string(), payload: z.record(z.string(), z.unknown()), attemptLog: z.array(WebhookAttempt),
}).meta({ id: 'WebhookDelivery' });
export const WebhookDeliveryList = z.object({ items: z.array(WebhookDelivery) });
export const DeliveryListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const ReplaySince = z.object({ since: z.string().datetime({ offset: true, message: 'verwacht een ISO 8601-tijdstip' }) }).strict();
export const ReplayResult = z.object({ replayed: z.number().int() });
