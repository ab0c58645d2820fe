import { sql } from 'drizzle-orm';
import { BilingualError } from '../../errors.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { messageTemplates } from './message-templates.schema.ts';
import type { MessageType } from './message-registry.ts';
import { defaultTemplate, storedTemplate } from './render-message.ts';
import type { Language, TemplateChannel, TemplateText } from './template-definition.ts';
import { validateTemplate } from './validate-template.ts';

export type TemplateKey = { type: MessageType; entityId: string; language: Language; channel: TemplateChannel };

/** A template as the editor shows it: the text that counts now, whether it is ops' own, and its version. */
export async function templateAsItIs(db: DbOrTx, key: TemplateKey) {
  const fallback = defaultTemplate(key.type, key.language, key.channel);
  if (!fallback)
    throw new BilingualError(404, 'template_not_found', {
      nl: 'Dit bericht heeft geen sjabloon op dit kanaal.',
      en: 'This message has no template on this channel.',
    });
  const stored = await storedTemplate(db, key);
  const own = stored && stored.body !== null;
  return {
    ...key,
    subject: own ? (stored.subject ?? '') : fallback.subject,
    body: own ? stored.body! : fallback.body,
    isDefault: !own,
    version: stored?.version ?? 0,
    savedBy: stored?.savedBy ?? null,
    savedAt: stored?.savedAt.toISOString() ?? null,
    defaultText: fallback,
  };
}

/**
 * Saves ops' text as the template's next version, after checking its variables. `version` is the one the
 * editor started from: if someone saved in between, the save is refused rather than silently overwriting.
 */
export async function saveTemplate(tx: Tx, key: TemplateKey, text: TemplateText | null, by: string, version: number) {
  if (!defaultTemplate(key.type, key.language, key.channel))
    throw new BilingualError(404, 'template_not_found', {
      nl: 'Dit bericht heeft geen sjabloon op dit kanaal.',
      en: 'This message has no template on this channel.',
    });
  if (text) validateTemplate(key.type, key.channel, text);
  // Two saves of one template take turns, so each reads the version the other wrote.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`${key.type}|${key.entityId}|${key.language}|${key.channel}`}))`,
  );
  const current = (await storedTemplate(tx, key))?.version ?? 0;
  if (current !== version)
    throw new BilingualError(409, 'template_changed', {
      nl: 'Iemand anders heeft dit sjabloon intussen opgeslagen. Laad het opnieuw.',
      en: 'Someone else saved this template in the meantime. Load it again.',
    });
  await tx.insert(messageTemplates).values({
    messageType: key.type,
    entityId: key.entityId,
    language: key.language,
    channel: key.channel,
    version: current + 1,
    subject: text ? (key.channel === 'email' ? text.subject : '') : null,
    body: text?.body ?? null,
    savedBy: by,
  });
  return templateAsItIs(tx, key);
}
