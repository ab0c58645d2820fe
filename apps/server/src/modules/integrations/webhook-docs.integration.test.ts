import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewWebhookEndpoint, WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS } from '@chargecars/contract';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type JsonSchema = {
  type?: string;
  const?: string;
  properties: Record<string, JsonSchema>;
  required: string[];
  additionalProperties?: boolean;
  description?: string;
};
type Webhook = {
  post: {
    summary: string;
    description: string;
    parameters: { name: string; in: string }[];
    requestBody: { content: { 'application/json': { schema: JsonSchema } } };
  };
};

describe('webhooks in the OpenAPI document', () => {
  it('lists every event a partner can subscribe to, and the test message, each with the schema of its body', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      openapi: string;
      webhooks: Record<string, Webhook>;
    };
    expect(doc.openapi).toMatch(/^3\.1/);
    // The subscribable types are what the endpoint form accepts; the docs name each of them and nothing else.
    expect(NewWebhookEndpoint.shape.eventTypes.element.options).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES, 'webhook.test'].sort());
    for (const event of WEBHOOK_EVENTS) {
      const type = event.shape.type.value;
      const webhook = doc.webhooks[type]!.post;
      expect(webhook.description).toBe(event.description);
      expect(webhook.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
        'header:webhook-id',
        'header:webhook-timestamp',
        'header:webhook-signature',
      ]);
      const body = webhook.requestBody.content['application/json'].schema;
      expect(body.required.sort()).toEqual(['data', 'timestamp', 'type']);
      expect(body.properties.type!.const).toBe(type);
      const data = body.properties.data!;
      expect(Object.keys(data.properties).sort(), type).toEqual(Object.keys(event.shape.data.shape).sort());
      expect(data.required.sort(), type).toEqual(Object.keys(event.shape.data.shape).sort());
      // Fields may be added later: a receiver that refused unknown keys would break on the next release.
      expect(data.additionalProperties, type).toBeUndefined();
    }
  });

  it('shows a field as its type, nullable where it can be null', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      webhooks: Record<string, Webhook>;
    };
    const lead =
      doc.webhooks['lead.rejected']!.post.requestBody.content['application/json'].schema.properties.data!.properties;
    expect(lead.leadId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(lead.rejectedReason).toMatchObject({ type: ['string', 'null'] });
    expect(lead.status).toMatchObject({
      type: 'string',
      enum: expect.arrayContaining(['received', 'qualified', 'rejected']),
    });
  });
});
