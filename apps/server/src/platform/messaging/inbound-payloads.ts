import { createHash, timingSafeEqual } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { InboundEmailWebhook, InboundSmsWebhook, WhatsAppWebhook } from '@chargecars/contract';
import type { MessageChannel } from '../mail.schema.ts';
import type { DeliveryReport } from './delivery-status.ts';

/**
 * A message someone sent us, read from its provider's webhook: who wrote (an address, or a number in E.164),
 * to which of our addresses, and what it names of the message it answers: our message ids (a reply address
 * or mail headers) and provider ids (WhatsApp's reply context).
 */
export type InboundReply = {
  channel: MessageChannel;
  providerMessageId: string;
  from: string;
  fromName: string | null;
  to: string;
  subject: string;
  text: string;
  replyAddressIds: string[];
  headerIds: string[];
  providerIds: string[];
  receivedAt: Date;
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/**
 * Constant-time check of a shared secret sent as the password of HTTP Basic authentication (the way
 * SendGrid Inbound Parse and Mailgun routes can call a URL `https://inbound:<secret>@host/...`).
 */
export function basicAuthSecretValid(secret: string | undefined, header: string | undefined): boolean {
  if (!secret || !header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const given = decoded.slice(decoded.indexOf(':') + 1);
  // Hashing first gives both sides one length, so the comparison takes the same time whatever was sent.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return decoded.includes(':') && timingSafeEqual(digest(given), digest(secret));
}

/** `Sanne de Vries <sanne@example.nl>` as its address (lower case) and name. */
export function mailbox(value: string): { address: string; name: string | null } | null {
  const angle = value.match(/<([^>]+)>/);
  const address = (angle ? angle[1]! : value).trim().toLowerCase();
  if (!EMAIL.test(address)) return null;
  const name = angle ? value.slice(0, angle.index).trim().replace(/^"|"$/g, '') : '';
  return { address, name: name || null };
}

/** A number as a provider writes it (`31612345678`, `+31 6 1234 5678`) in E.164, or null if it is none. */
export function e164(value: string): string | null {
  const digits = value.trim().replace(/[\s().-]/g, '');
  const parsed = parsePhoneNumberFromString(digits.startsWith('+') ? digits : `+${digits.replace(/^00/, '')}`);
  return parsed?.isValid() ? parsed.number : null;
}

/** One header of a raw header block (SendGrid's `headers`), folded lines joined. */
function rawHeader(block: string | undefined, name: string): string | undefined {
  if (!block) return undefined;
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** The text of an HTML part, for a mail that came without a plain one: never shown or stored as HTML. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const idsIn = (value: string | undefined) => [...new Set((value ?? '').match(UUID) ?? [])].map((s) => s.toLowerCase());

/**
 * An inbound-parse post as one reply. Our reply address carries the message's id (`reply+<id>@...`), and our
 * Message-ID is `<id@domain>`, so a reply's In-Reply-To and References name it too. Without a Message-Id the
 * content's hash keeps a post the service repeats to one row. Null: the sender is no e-mail address.
 */
export function emailReply(body: InboundEmailWebhook, receivedAt = new Date()): InboundReply | null {
  const from = mailbox(body.from ?? body.sender ?? '');
  if (!from) return null;
  const toField = body.to ?? body.recipient ?? '';
  const recipients = toField
    .split(',')
    .map((r) => mailbox(r)?.address)
    .filter((a): a is string => !!a);
  const replyAddress = recipients.find((r) => /\+[0-9a-f-]{36}@/i.test(r));
  const header = (name: 'Message-Id' | 'In-Reply-To' | 'References') => body[name] ?? rawHeader(body.headers, name);
  const html = body.html ?? body['body-html'];
  const text = (body.text ?? body['stripped-text'] ?? body['body-plain'] ?? (html ? htmlToText(html) : '')).trim();
  const subject = body.subject.trim();
  const messageId = header('Message-Id')?.trim();
  return {
    channel: 'email',
    providerMessageId:
      messageId ||
      `sha256:${createHash('sha256')
        .update(JSON.stringify([from.address, toField, subject, text]))
        .digest('hex')}`,
    from: from.address,
    fromName: from.name,
    to: replyAddress ?? recipients[0] ?? toField.slice(0, 300),
    subject: subject.slice(0, 1000),
    text,
    replyAddressIds: idsIn(replyAddress?.match(/\+([^@]+)@/)?.[1]),
    headerIds: [...idsIn(header('In-Reply-To')), ...idsIn(header('References'))],
    providerIds: [],
    receivedAt,
  };
}

/** A MessageBird-style inbound SMS as one reply; null: the originator is no phone number (a short code, a name). */
export function smsReply(body: InboundSmsWebhook, receivedAt = new Date()): InboundReply | null {
  const from = e164(body.originator);
  if (!from) return null;
  const at = body.createdDatetime ? new Date(body.createdDatetime) : receivedAt;
  return {
    channel: 'sms',
    providerMessageId: body.id,
    from,
    fromName: null,
    to: e164(body.recipient) ?? body.recipient,
    subject: '',
    text: body.body.trim(),
    replyAddressIds: [],
    headerIds: [],
    providerIds: [],
    receivedAt: Number.isNaN(at.getTime()) ? receivedAt : at,
  };
}

type WhatsAppMessage = NonNullable<WhatsAppWebhook['entry'][number]['changes'][number]['value']['messages']>[number];

/** What a WhatsApp message says: its text, the button or list item chosen, or a media item with its caption. */
function whatsappText(m: WhatsAppMessage): string {
  if (m.text) return m.text.body;
  if (m.button) return m.button.text;
  const choice = m.interactive?.button_reply?.title ?? m.interactive?.list_reply?.title;
  if (choice) return choice;
  const caption = m.image?.caption ?? m.document?.caption ?? m.document?.filename;
  return `[${m.type}]${caption ? ` ${caption}` : ''}`;
}

/** What a WhatsApp status says of a message we sent, for the delivery tracking; 'sent' and unknown ones say nothing new. */
function whatsappReport(s: { id: string; status: string; errors?: { title?: string | undefined }[] | undefined }) {
  if (s.status === 'delivered' || s.status === 'read') return { providerId: s.id, status: 'delivered' as const };
  if (s.status === 'failed')
    return { providerId: s.id, status: 'failed' as const, reason: s.errors?.[0]?.title ?? 'WhatsApp: failed' };
  return null;
}

/**
 * The Cloud API's webhook as the replies it carries (each message, with the message it answers when the
 * customer used "reply") and the delivery reports of what we sent.
 */
export function whatsappWebhook(body: WhatsAppWebhook): { replies: InboundReply[]; reports: DeliveryReport[] } {
  const replies: InboundReply[] = [];
  const reports: DeliveryReport[] = [];
  for (const change of body.entry.flatMap((e) => e.changes)) {
    if (change.field !== 'messages') continue;
    const value = change.value;
    const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? null]));
    for (const m of value.messages ?? []) {
      const from = e164(m.from);
      if (!from) continue;
      const at = m.timestamp ? new Date(Number(m.timestamp) * 1000) : new Date();
      replies.push({
        channel: 'whatsapp',
        providerMessageId: m.id,
        from,
        fromName: names.get(m.from) ?? null,
        to: e164(value.metadata?.display_phone_number ?? '') ?? value.metadata?.display_phone_number ?? '',
        subject: '',
        text: whatsappText(m).trim(),
        replyAddressIds: [],
        headerIds: [],
        providerIds: m.context?.id ? [m.context.id] : [],
        receivedAt: Number.isNaN(at.getTime()) ? new Date() : at,
      });
    }
    for (const s of value.statuses ?? []) {
      const report = whatsappReport(s);
      if (report) reports.push(report);
    }
  }
  return { replies, reports };
}
