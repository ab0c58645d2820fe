import { z } from 'zod';
import { page, Text, Uuid } from './common.ts';

export const MessageChannel = z.enum(['email', 'sms', 'whatsapp']);
export type MessageChannel = z.infer<typeof MessageChannel>;
/** What became of a message we sent; `received`: a message someone sent us. */
export const MessageStatus = z.enum([
  'queued',
  'stored',
  'sent',
  'delivered',
  'bounced',
  'failed',
  'skipped',
  'received',
]);
export type MessageStatus = z.infer<typeof MessageStatus>;
export const MessageDirection = z.enum(['outbound', 'inbound']);
export type MessageDirection = z.infer<typeof MessageDirection>;

/**
 * One message in the log: what went (or did not go) to whom, by which channel, and what became of it; or
 * (inbound) what someone sent us, from whom (`customerId` null: a sender we do not know), and which of our
 * messages it answers (`inReplyTo`).
 */
export const MessageLogItem = z.object({
  id: Text,
  direction: MessageDirection,
  channel: MessageChannel,
  messageType: Text,
  entityId: Text.nullable(),
  customerId: Text.nullable(),
  language: z.enum(['nl', 'en']),
  to: Text,
  from: Text.nullable(),
  inReplyTo: Text.nullable(),
  subject: Text,
  bodyText: Text,
  hasHtml: z.boolean(),
  attachments: z.array(Text),
  status: MessageStatus,
  reason: Text.nullable(),
  providerId: Text.nullable(),
  attempts: z.number().int(),
  createdAt: Text,
  sentAt: Text.nullable(),
  updatedAt: Text,
});
export type MessageLogItem = z.infer<typeof MessageLogItem>;
export const MessageLogPage = page(MessageLogItem);

export const MessageLogQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  direction: MessageDirection.optional(),
  channel: MessageChannel.optional(),
  status: MessageStatus.optional(),
  messageType: Text.trim().min(1).max(60).optional(),
  customerId: Uuid.optional(),
  q: Text.trim().min(1).max(120).optional(),
});

export const MessagePreferences = z
  .object({
    channels: z.array(MessageChannel).max(3),
    language: z.enum(['nl', 'en']),
    optOutNonEssential: z.boolean(),
    whatsappOptIn: z.boolean(),
  })
  .strict();
export type MessagePreferences = z.infer<typeof MessagePreferences>;

/** A customer's messages with their preferences and the addresses that bounced. */
export const CustomerCommunication = z.object({
  preferences: MessagePreferences,
  unreachable: z.array(z.object({ channel: MessageChannel, address: Text, reason: Text, at: Text })),
  messages: z.array(MessageLogItem),
});
export type CustomerCommunication = z.infer<typeof CustomerCommunication>;

/** A provider's delivery report, as our status callback takes it (signed with the shared secret). */
export const DeliveryStatusCallback = z
  .object({
    providerId: Text.min(1).max(300),
    status: z.enum(['delivered', 'bounced', 'failed']),
    hard: z.boolean().optional(),
    reason: Text.max(500).optional(),
  })
  .strict();

export const ProviderSettings = z.object({
  email: Text.nullable(),
  sms: Text.nullable(),
  whatsapp: Text.nullable(),
  callbacksSigned: z.boolean(),
  /** Whether each channel's replies are taken (its inbound webhook has its secret). */
  replies: z.object({ email: z.boolean(), sms: z.boolean(), whatsapp: z.boolean() }),
});

export const TestMessageBody = z
  .object({ channel: MessageChannel, to: Text.trim().min(3).max(254) })
  .strict()
  .superRefine((v, ctx) => {
    const ok = v.channel === 'email' ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.to) : /^\+[1-9]\d{7,14}$/.test(v.to);
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message:
          v.channel === 'email'
            ? 'geen geldig e-mailadres'
            : 'telefoonnummer in internationale vorm, bijv. +31612345678',
      });
  });

export const TestMessageQueued = z.object({ id: Uuid });

/** Message templates (issue 14): per type x entity x language x channel, a default in code and ops' versions. */
export const TemplateLanguage = z.enum(['nl', 'en']);
export const TemplateVariableInfo = z.object({
  name: Text,
  required: z.union([z.boolean(), z.literal('email')]),
  sample: z.object({ nl: Text, en: Text }),
});
export const MessageTemplateSummary = z.object({
  type: Text,
  entityId: Text,
  language: TemplateLanguage,
  channel: MessageChannel,
  isDefault: z.boolean(),
  version: z.number().int(),
  savedBy: Text.nullable(),
  savedAt: Text.nullable(),
});
export type MessageTemplateSummary = z.infer<typeof MessageTemplateSummary>;
export const MessageTemplateCatalog = z.object({
  types: z.array(
    z.object({
      type: Text,
      label: z.object({ nl: Text, en: Text }),
      essential: z.boolean(),
      channels: z.array(MessageChannel),
      variables: z.array(TemplateVariableInfo),
    }),
  ),
  entities: z.array(z.object({ id: Text, name: Text })),
  templates: z.array(MessageTemplateSummary),
});
export type MessageTemplateCatalog = z.infer<typeof MessageTemplateCatalog>;

export const MessageTemplateKey = z
  .object({
    type: Text.min(1).max(60),
    entityId: Text.min(1).max(60),
    language: TemplateLanguage,
    channel: MessageChannel,
  })
  .strict();
export const MessageTemplate = MessageTemplateSummary.extend({
  subject: Text,
  body: Text,
  defaultText: z.object({ subject: Text, body: Text }),
});
export type MessageTemplate = z.infer<typeof MessageTemplate>;

const TemplateSubject = Text.max(300);
const TemplateBody = Text.min(1).max(20_000);
/** `version` is the one the editor started from; a save over someone else's newer version is refused (409). */
export const SaveMessageTemplateBody = z
  .object({ subject: TemplateSubject, body: TemplateBody, version: z.number().int().min(0) })
  .strict();
export const ResetMessageTemplateBody = z.object({ version: z.number().int().min(0) }).strict();

export const PreviewMessageTemplateBody = MessageTemplateKey.extend({
  subject: TemplateSubject,
  body: TemplateBody,
}).strict();
/** The template filled in with sample data as the recipient would get it; `problem`: what a save would refuse. */
export const MessageTemplatePreview = z.object({
  subject: Text,
  bodyText: Text,
  bodyHtml: Text.nullable(),
  problem: Text.nullable(),
});
export type MessageTemplatePreview = z.infer<typeof MessageTemplatePreview>;
