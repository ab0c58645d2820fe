import { z } from 'zod';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { WEBHOOK_EVENTS, webhookBody } from '@chargecars/contract';

type OpenApi31 = Extract<NonNullable<FastifyDynamicSwaggerOptions['openapi']>, { webhooks?: unknown }>;

const header = (name: string, description: string) => ({
  name,
  in: 'header' as const,
  required: true,
  description,
  schema: { type: 'string' as const },
});
const SIGNING_HEADERS = [
  header(
    'webhook-id',
    'The message id (msg_…): the same on every attempt and replay of one event, so a receiver can drop duplicates.',
  ),
  header('webhook-timestamp', 'Unix seconds of this attempt; refuse messages far from your clock.'),
  header(
    'webhook-signature',
    'Standard Webhooks: v1,<base64 HMAC-SHA256 of "id.timestamp.body" with the endpoint secret>; during a secret rotation two signatures, space-separated.',
  ),
];

/** JSON Schema of one message's body, without `$schema`: it sits inside the OpenAPI document. */
function bodySchema(event: (typeof WEBHOOK_EVENTS)[number]) {
  const { $schema: _, ...schema } = z.toJSONSchema(webhookBody(event), { target: 'draft-2020-12', io: 'input' });
  return schema;
}

/**
 * The OpenAPI 3.1 `webhooks` section: every message a partner's endpoint can receive, its body
 * generated from the same contract schema that checks each event when it is emitted.
 */
export function webhookDocs(): OpenApi31['webhooks'] {
  // zod types the JSON Schema it writes one way, openapi-types the same JSON another: one cast for both.
  return Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => {
      const type = event.shape.type.value;
      return [
        type,
        {
          post: {
            operationId: `webhook:${type}`,
            summary: type,
            description: event.description,
            tags: ['webhooks'],
            parameters: SIGNING_HEADERS,
            requestBody: { required: true, content: { 'application/json': { schema: bodySchema(event) } } },
            responses: {
              '2XX': {
                description:
                  'Received. Any other answer, or none within 10 s, is retried with backoff for about 85 hours.',
              },
            },
          },
        },
      ];
    }),
  ) as OpenApi31['webhooks'];
}
