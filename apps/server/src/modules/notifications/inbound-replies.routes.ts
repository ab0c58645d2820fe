import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  InboundEmailWebhook,
  InboundSmsWebhook,
  InboundStored,
  Problem,
  Text,
  WhatsAppVerification,
  WhatsAppWebhook,
} from '@chargecars/contract';
import { AppError } from '../../platform/errors.ts';
import {
  applyDeliveryReport,
  callbackSignatureValid,
  SIGNATURE_HEADER,
} from '../../platform/messaging/delivery-status.ts';
import {
  basicAuthSecretValid,
  emailReply,
  smsReply,
  whatsappWebhook,
} from '../../platform/messaging/inbound-payloads.ts';
import type { CommunicationsService } from './index.ts';
import { receiveReplies } from './receive-replies.ts';

/** Inbound mail may carry attachments (kept out); beyond this the service is answered 413. */
const EMAIL_BODY_LIMIT = 10 * 1024 * 1024;
const WEBHOOK_BODY_LIMIT = 256 * 1024;
const WHATSAPP_SIGNATURE_HEADER = 'x-hub-signature-256';

const refused = (what: string) => new AppError(401, 'signature_invalid', `${what} ontbreekt of klopt niet`);
const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};
const sameSecret = (a: string | undefined, b: string | undefined) =>
  !!a && !!b && timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * Parsers for providers' posts in one scope: JSON, form fields and multipart (SendGrid posts multipart), each
 * keeping the exact bytes received for the signature check. Files in a multipart post are left out.
 */
function acceptProviderBodies(scope: FastifyInstance, raw: WeakMap<object, string>, bodyLimit: number) {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    raw.set(request, body as string);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError(400, 'invalid_json', 'Ongeldige JSON'), undefined);
    }
  });
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      raw.set(request, body as string);
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  scope.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit },
    async (request: FastifyRequest, body: Buffer) => {
      try {
        const form = await new Response(body, {
          headers: { 'content-type': request.headers['content-type'] ?? '' },
        }).formData();
        return Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'));
      } catch {
        throw new AppError(400, 'invalid_multipart', 'Ongeldige multipart-inhoud');
      }
    },
  );
}

/**
 * Replies from customers: inbound e-mail from an inbound-parse service, SMS from the gateway, WhatsApp from
 * the Cloud API (whose webhook also reports the delivery of what we sent). Each is believed only with its
 * secret or signature, checked before the body is looked at; a refused post stores nothing.
 */
export function inboundRepliesRoutes(app: FastifyInstance, comms: CommunicationsService) {
  const tags = ['communications'];
  const { db, inbound } = comms;

  app.register(async (scope) => {
    const raw = new WeakMap<object, string>();
    acceptProviderBodies(scope, raw, EMAIL_BODY_LIMIT);
    // The secret is in the Authorization header, so a wrong one is refused before the body is even read.
    scope.addHook('onRequest', async (request) => {
      if (!basicAuthSecretValid(inbound.emailSecret, header(request, 'authorization')))
        throw refused('Geheim van de inkomende e-mail');
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/messages/inbound/email',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A reply by e-mail from an inbound-parse service (Basic auth with INBOUND_EMAIL_SECRET)',
          body: InboundEmailWebhook,
          response: { 200: InboundStored, 400: Problem, 401: Problem },
        },
      },
      async (request) => {
        const reply = emailReply(request.body);
        if (!reply) throw new AppError(400, 'sender_invalid', 'De afzender is geen e-mailadres');
        return receiveReplies(db, [reply]);
      },
    );
  });

  app.register(async (scope) => {
    const raw = new WeakMap<object, string>();
    acceptProviderBodies(scope, raw, WEBHOOK_BODY_LIMIT);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/messages/inbound/sms',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'An SMS to our number from the gateway (X-Signature-256: sha256=HMAC of the body)',
          body: InboundSmsWebhook,
          response: { 200: InboundStored, 400: Problem, 401: Problem },
        },
        preValidation: async (request) => {
          if (!callbackSignatureValid(inbound.smsSecret, raw.get(request) ?? '', header(request, SIGNATURE_HEADER)))
            throw refused('Handtekening van de inkomende SMS');
        },
      },
      async (request) => {
        const reply = smsReply(request.body);
        if (!reply) throw new AppError(400, 'sender_invalid', 'De afzender is geen telefoonnummer');
        return receiveReplies(db, [reply]);
      },
    );
  });

  app.register(async (scope) => {
    const raw = new WeakMap<object, string>();
    acceptProviderBodies(scope, raw, WEBHOOK_BODY_LIMIT);
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/messages/inbound/whatsapp',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: "Meta's subscription check: answers hub.challenge when hub.verify_token is ours",
          querystring: WhatsAppVerification,
          response: { 200: Text, 400: Problem, 401: Problem },
        },
        preValidation: async (request) => {
          const token = (request.query as Record<string, unknown>)['hub.verify_token'];
          if (!sameSecret(inbound.whatsappVerifyToken, typeof token === 'string' ? token : undefined))
            throw refused('Verificatietoken van WhatsApp');
        },
      },
      async (request, reply) => reply.type('text/plain').send(request.query['hub.challenge']),
    );
    r.post(
      '/api/messages/inbound/whatsapp',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'WhatsApp Cloud API webhook: messages and statuses (X-Hub-Signature-256 with the app secret)',
          body: WhatsAppWebhook,
          response: { 200: InboundStored, 400: Problem, 401: Problem },
        },
        preValidation: async (request) => {
          const given = header(request, WHATSAPP_SIGNATURE_HEADER);
          if (!callbackSignatureValid(inbound.whatsappAppSecret, raw.get(request) ?? '', given))
            throw refused('Handtekening van WhatsApp');
        },
      },
      async (request) => {
        const { replies, reports } = whatsappWebhook(request.body);
        for (const report of reports) await applyDeliveryReport(db, 'whatsapp', report);
        return receiveReplies(db, replies);
      },
    );
  });
}
