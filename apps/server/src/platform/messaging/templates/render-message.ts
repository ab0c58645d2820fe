import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { brandedEmail, type Brand } from './email-layout.ts';
import { definitionOf, type MessageType, type TemplateValues } from './message-registry.ts';
import { messageTemplates } from './message-templates.schema.ts';
import type { Language, TemplateChannel, TemplateText } from './template-definition.ts';
import { fillIn } from './template-text.ts';

export type MessageToRender<T extends MessageType> = {
  type: T;
  language: Language;
  brand: Brand;
  values: TemplateValues<T>;
  /** E-mail unless said otherwise. */
  channel?: TemplateChannel;
};

/** The stored versions that count, by `type|entity|language|channel`; null: ops reset it to the default. */
export type TemplateOverrides = Map<string, TemplateText | null>;
const keyOf = (type: string, entityId: string, language: string, channel: string) =>
  `${type}|${entityId}|${language}|${channel}`;

/** The newest version of every override of one message type (a batch renders many messages with one read). */
export async function overridesOf(db: DbOrTx, type: MessageType): Promise<TemplateOverrides> {
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(eq(messageTemplates.messageType, type))
    .orderBy(desc(messageTemplates.version));
  const current: TemplateOverrides = new Map();
  for (const r of rows) {
    const key = keyOf(r.messageType, r.entityId, r.language, r.channel);
    if (!current.has(key)) current.set(key, r.body === null ? null : { subject: r.subject ?? '', body: r.body });
  }
  return current;
}

/** The newest stored version of one template, or undefined if ops never saved one. */
export async function storedTemplate(
  db: DbOrTx,
  key: { type: MessageType; entityId: string; language: Language; channel: TemplateChannel },
) {
  const [row] = await db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.messageType, key.type),
        eq(messageTemplates.entityId, key.entityId),
        eq(messageTemplates.language, key.language),
        eq(messageTemplates.channel, key.channel),
      ),
    )
    .orderBy(desc(messageTemplates.version))
    .limit(1);
  return row;
}

/** The code's own text of a template; a channel the type has no default for has none (ops may write one). */
export const defaultTemplate = (type: MessageType, language: Language, channel: TemplateChannel) =>
  definitionOf(type).defaults[channel]?.[language] ?? null;

/**
 * A message filled in from a template's text: the e-mail as branded HTML with its plain-text part, SMS and
 * WhatsApp as text (their log subject is the type's name). Variables are escaped in the HTML.
 */
export function composeMessage<T extends MessageType>(text: TemplateText, m: MessageToRender<T>) {
  const channel = m.channel ?? 'email';
  const values: Record<string, string | undefined> = {
    brandName: m.brand.name,
    brandWebsite: m.brand.website,
    ...(m.values as Record<string, string | undefined>),
  };
  const subject = fillIn(text.subject, values).trim() || definitionOf(m.type).label[m.language];
  const body = fillIn(text.body, values);
  const mail = channel === 'email' ? brandedEmail(m.brand, { subject, body, language: m.language }) : null;
  return {
    channel,
    messageType: m.type,
    entityId: m.brand.id,
    language: m.language,
    subject,
    bodyText: mail?.text ?? body.trim(),
    bodyHtml: mail?.html ?? null,
    sender: channel === 'email' ? `"${m.brand.name.replace(/["\\]/g, '')}" <${m.brand.emailFrom}>` : null,
  };
}

/** Renders with overrides read before (`overridesOf`): the entity's own text if ops saved one, else the default. */
export function renderWith<T extends MessageType>(overrides: TemplateOverrides, m: MessageToRender<T>) {
  const channel = m.channel ?? 'email';
  const text =
    overrides.get(keyOf(m.type, m.brand.id, m.language, channel)) ?? defaultTemplate(m.type, m.language, channel);
  if (!text) throw new Error(`no template for ${m.type} on ${channel} in ${m.language}`);
  return composeMessage(text, m);
}

/** One message rendered from its template as it is now, ready to store (`storeEmail`) with its address. */
export async function renderMessage<T extends MessageType>(db: DbOrTx, m: MessageToRender<T>) {
  const channel = m.channel ?? 'email';
  const stored = await storedTemplate(db, { type: m.type, entityId: m.brand.id, language: m.language, channel });
  const overrides: TemplateOverrides = new Map();
  if (stored)
    overrides.set(
      keyOf(m.type, m.brand.id, m.language, channel),
      stored.body === null ? null : { subject: stored.subject ?? '', body: stored.body },
    );
  return renderWith(overrides, m);
}
