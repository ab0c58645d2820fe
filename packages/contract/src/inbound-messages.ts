import { z } from 'zod';
import { Text } from './common.ts';

// Providers' inbound webhooks. Each provider posts more fields than we read (SendGrid's envelope and spam
// score, Mailgun's stripped parts, WhatsApp's contacts): the objects are loose, the fields we use checked.

const Address = Text.trim().min(3).max(1000);
const Header = Text.max(4000).optional();

/**
 * An e-mail as inbound-parse services post it, multipart or JSON: SendGrid Inbound Parse (`from`, `to`,
 * `subject`, `text`, `html`, `headers`) or a Mailgun route (`sender`, `recipient`, `body-plain`,
 * `stripped-text`, `body-html`, `Message-Id`, `In-Reply-To`, `References`).
 */
export const InboundEmailWebhook = z
  .looseObject({
    from: Address.optional(),
    sender: Address.optional(),
    to: Text.trim().min(3).max(4000).optional(),
    recipient: Text.trim().min(3).max(4000).optional(),
    subject: Text.max(2000).default(''),
    text: Text.max(200_000).optional(),
    'stripped-text': Text.max(200_000).optional(),
    'body-plain': Text.max(200_000).optional(),
    html: Text.max(1_000_000).optional(),
    'body-html': Text.max(1_000_000).optional(),
    headers: Text.max(200_000).optional(),
    'Message-Id': Header,
    'In-Reply-To': Header,
    References: Header,
  })
  .superRefine((v, ctx) => {
    if (!v.from && !v.sender) ctx.addIssue({ code: 'custom', path: ['from'], message: 'afzender ontbreekt' });
    if (!v.to && !v.recipient) ctx.addIssue({ code: 'custom', path: ['to'], message: 'ontvanger ontbreekt' });
  });
export type InboundEmailWebhook = z.infer<typeof InboundEmailWebhook>;

/** An SMS sent to our number, as a MessageBird-style gateway reports it (JSON or form fields). */
export const InboundSmsWebhook = z.looseObject({
  id: Text.trim().min(1).max(200),
  originator: Text.trim().min(3).max(32),
  recipient: Text.trim().min(1).max(32),
  body: Text.max(2000),
  createdDatetime: Text.max(40).optional(),
});
export type InboundSmsWebhook = z.infer<typeof InboundSmsWebhook>;

const WhatsAppInboundMessage = z.looseObject({
  from: Text.min(3).max(32),
  id: Text.min(1).max(300),
  timestamp: Text.max(20).optional(),
  type: Text.max(40),
  text: z.looseObject({ body: Text.max(5000) }).optional(),
  button: z.looseObject({ text: Text.max(1000) }).optional(),
  interactive: z
    .looseObject({
      button_reply: z.looseObject({ title: Text.max(1000) }).optional(),
      list_reply: z.looseObject({ title: Text.max(1000) }).optional(),
    })
    .optional(),
  context: z.looseObject({ id: Text.max(300).optional() }).optional(),
  image: z.looseObject({ caption: Text.max(5000).optional() }).optional(),
  document: z.looseObject({ caption: Text.max(5000).optional(), filename: Text.max(500).optional() }).optional(),
});
const WhatsAppStatus = z.looseObject({
  id: Text.min(1).max(300),
  status: Text.max(40),
  errors: z.array(z.looseObject({ code: z.number().optional(), title: Text.max(500).optional() })).optional(),
});

/** The WhatsApp Cloud API's webhook: `messages` (what customers send us) and `statuses` of what we sent. */
export const WhatsAppWebhook = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.looseObject({
        changes: z
          .array(
            z.looseObject({
              field: Text.max(60),
              value: z.looseObject({
                metadata: z.looseObject({ display_phone_number: Text.max(32) }).optional(),
                contacts: z
                  .array(
                    z.looseObject({
                      wa_id: Text.max(32).optional(),
                      profile: z.looseObject({ name: Text.max(200).optional() }).optional(),
                    }),
                  )
                  .max(100)
                  .optional(),
                messages: z.array(WhatsAppInboundMessage).max(100).optional(),
                statuses: z.array(WhatsAppStatus).max(100).optional(),
              }),
            }),
          )
          .max(100),
      }),
    )
    .max(100),
});
export type WhatsAppWebhook = z.infer<typeof WhatsAppWebhook>;

/** Meta's subscription check: it sends the verify token we configured and expects the challenge back. */
export const WhatsAppVerification = z.object({
  'hub.mode': z.literal('subscribe'),
  'hub.verify_token': Text.max(500),
  'hub.challenge': Text.max(500),
});

export const InboundStored = z.object({ stored: z.number().int(), matched: z.number().int() });
