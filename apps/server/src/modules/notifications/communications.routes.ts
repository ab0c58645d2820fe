import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CustomerCommunication,
  DeliveryStatusCallback,
  MessageChannel,
  MessageLogPage,
  MessageLogQuery,
  MessagePreferences,
  Problem,
  ProviderSettings,
  TestMessageBody,
  TestMessageQueued,
  Uuid,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import { AppError, requestLanguage } from '../../platform/errors.ts';
import { storeEmail } from '../../platform/mail.ts';
import { listMessageLog } from '../../platform/messaging/message-log.ts';
import { PLATFORM_BRAND } from '../../platform/messaging/templates/email-layout.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import {
  applyDeliveryReport,
  callbackSignatureValid,
  SIGNATURE_HEADER,
} from '../../platform/messaging/delivery-status.ts';
import type { CommunicationsService } from './index.ts';
import { customerCommunication, saveCustomerPreferences } from './customer-communication.ts';

const OPS = ['admin', 'operations'] as const;
const STAFF = ['admin', 'operations', 'planner'] as const;
const CALLBACK_BODY_LIMIT = 64 * 1024;

export function communicationsRoutes(app: FastifyInstance, comms: CommunicationsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['communications'];
  const { db } = comms;

  r.get(
    '/api/messages',
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'The message log, newest first, with filters',
        querystring: MessageLogQuery,
        response: { 200: MessageLogPage },
      },
    },
    (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listMessageLog(db, page, pageSize, filter);
    },
  );

  r.get(
    '/api/messages/customers/:customerId',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "A customer's messages, preferences and unreachable addresses",
        params: z.object({ customerId: Uuid }),
        response: { 200: CustomerCommunication, 404: Problem },
      },
    },
    (request) => customerCommunication(db, request.params.customerId),
  );

  r.put(
    '/api/messages/customers/:customerId/preferences',
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: "Sets a customer's channels, language, opt-out and WhatsApp opt-in",
        params: z.object({ customerId: Uuid }),
        body: MessagePreferences,
        response: { 200: CustomerCommunication, 404: Problem },
      },
    },
    (request) => saveCustomerPreferences(db, actorOf(request), request.params.customerId, request.body),
  );

  r.get(
    '/api/messages/providers',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Which channels have a real provider (never the keys)',
        response: { 200: ProviderSettings },
      },
    },
    () => comms.providers(),
  );

  r.post(
    '/api/messages/providers/test',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Queues a test message on a channel; the log shows what became of it',
        body: TestMessageBody,
        response: { 202: TestMessageQueued, 400: Problem },
      },
    },
    async (request, reply) => {
      const { channel, to } = request.body;
      const id = await storeEmail(db, {
        to,
        ...(await renderMessage(db, {
          type: 'test_message',
          channel,
          language: requestLanguage(request.headers['accept-language']),
          brand: PLATFORM_BRAND,
          values: { channel, senderName: actorOf(request).name ?? 'een beheerder' },
        })),
      });
      comms.poke();
      return reply.status(202).send({ id });
    },
  );

  // Providers' delivery reports. Signed with the shared secret over the exact bytes received, so this
  // scope keeps the raw body; a report without a valid signature changes nothing.
  app.register(async (scope) => {
    const raw = new WeakMap<object, string>();
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: CALLBACK_BODY_LIMIT },
      (request, body, done) => {
        raw.set(request, body as string);
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(new AppError(400, 'invalid_json', 'Ongeldige JSON'), undefined);
        }
      },
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/messages/status/:channel',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: "A provider's delivery report (X-Signature-256: sha256=HMAC of the body)",
          params: z.object({ channel: MessageChannel }),
          body: DeliveryStatusCallback,
          response: { 204: z.null(), 401: Problem, 404: Problem },
        },
        // Before validation: a forged report learns nothing, not even whether its body would have passed.
        preValidation: async (request) => {
          const signature = request.headers[SIGNATURE_HEADER];
          const given = typeof signature === 'string' ? signature : undefined;
          if (!callbackSignatureValid(comms.callbackSecret, raw.get(request) ?? '', given))
            throw new AppError(401, 'signature_invalid', 'Handtekening van de statusmelding ontbreekt of klopt niet');
        },
      },
      async (request, reply) => {
        const found = await applyDeliveryReport(db, request.params.channel, request.body);
        if (!found) throw new AppError(404, 'message_not_found', 'Geen verzonden bericht met dit provider-id');
        return reply.status(204).send(null);
      },
    );
  });
}
