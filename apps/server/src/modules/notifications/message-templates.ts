import { desc } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { AppError, BilingualError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Brand } from '../../platform/messaging/templates/email-layout.ts';
import {
  definitionOf,
  isMessageType,
  MESSAGE_TYPES,
  type MessageType,
} from '../../platform/messaging/templates/message-registry.ts';
import { messageTemplates } from '../../platform/messaging/templates/message-templates.schema.ts';
import { composeMessage } from '../../platform/messaging/templates/render-message.ts';
import type {
  Language,
  TemplateChannel,
  TemplateText,
} from '../../platform/messaging/templates/template-definition.ts';
import {
  saveTemplate,
  templateAsItIs,
  type TemplateKey,
} from '../../platform/messaging/templates/template-overrides.ts';
import { validateTemplate } from '../../platform/messaging/templates/validate-template.ts';
import { messageBrands } from '../../read-models/message-brands.ts';

type KeyInput = { type: string; entityId: string; language: Language; channel: TemplateChannel };

const sampleOf = (sample: string | Record<Language, string>) =>
  typeof sample === 'string' ? { nl: sample, en: sample } : sample;

/** Every template ops may edit: each type's channels and variables, the entities, and which have their own text. */
export async function templateCatalog(db: Db) {
  const [brands, rows] = await Promise.all([
    messageBrands(db),
    db
      .select({
        type: messageTemplates.messageType,
        entityId: messageTemplates.entityId,
        language: messageTemplates.language,
        channel: messageTemplates.channel,
        version: messageTemplates.version,
        body: messageTemplates.body,
        savedBy: messageTemplates.savedBy,
        savedAt: messageTemplates.savedAt,
      })
      .from(messageTemplates)
      .orderBy(desc(messageTemplates.version)),
  ]);
  const newest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.type}|${r.entityId}|${r.language}|${r.channel}`;
    if (!newest.has(key)) newest.set(key, r);
  }
  const types = MESSAGE_TYPES.map((type) => {
    const d = definitionOf(type);
    return {
      type,
      label: d.label,
      essential: d.essential,
      channels: Object.keys(d.defaults) as TemplateChannel[],
      variables: Object.entries(d.variables).map(([name, v]) => ({
        name,
        required: v.required,
        sample: sampleOf(v.sample),
      })),
    };
  });
  const templates = types.flatMap((t) =>
    brands.flatMap((b) =>
      t.channels.flatMap((channel) =>
        (['nl', 'en'] as const).map((language) => {
          const stored = newest.get(`${t.type}|${b.id}|${language}|${channel}`);
          return {
            type: t.type,
            entityId: b.id,
            language,
            channel,
            isDefault: !stored || stored.body === null,
            version: stored?.version ?? 0,
            savedBy: stored?.savedBy ?? null,
            savedAt: stored?.savedAt.toISOString() ?? null,
          };
        }),
      ),
    ),
  );
  return { types, entities: brands.map((b) => ({ id: b.id, name: b.name })), templates };
}

const notFoundTemplate = () =>
  new BilingualError(404, 'template_not_found', {
    nl: 'Dit berichtsjabloon bestaat niet.',
    en: 'This message template does not exist.',
  });

/** The key with a known type, and the brand of an entity that exists. */
async function checkedKey(db: DbOrTx, input: KeyInput): Promise<{ key: TemplateKey; brand: Brand }> {
  if (!isMessageType(input.type)) throw notFoundTemplate();
  const brand = (await messageBrands(db)).find((b) => b.id === input.entityId);
  if (!brand) throw notFoundTemplate();
  return { key: { ...input, type: input.type as MessageType }, brand };
}

export async function messageTemplate(db: Db, input: KeyInput) {
  const { key } = await checkedKey(db, input);
  return templateAsItIs(db, key);
}

/** Ops' text as the template's next version: refused (422, naming the variable) if its variables are wrong. */
export async function saveMessageTemplate(db: Db, actor: Actor, input: KeyInput, text: TemplateText, version: number) {
  const { key } = await checkedKey(db, input);
  return db.transaction((tx) => saveTemplate(tx, key, text, actor.name, version));
}

/** Back to the code's default text, as a new version (the old text stays in the history). */
export async function resetMessageTemplate(db: Db, actor: Actor, input: KeyInput, version: number) {
  const { key } = await checkedKey(db, input);
  return db.transaction((tx) => saveTemplate(tx, key, null, actor.name, version));
}

/**
 * The text being edited, filled in with the type's sample values and the entity's brand, as the recipient
 * would get it. It renders while the text is still wrong (the editor previews every keystroke); `problem`
 * says what a save would refuse, in the caller's language.
 */
export async function previewMessageTemplate(db: Db, input: KeyInput & TemplateText, language: Language) {
  const { key, brand } = await checkedKey(db, input);
  let problem: string | null = null;
  try {
    validateTemplate(key.type, key.channel, input);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problem = err.in(language).message;
  }
  const values = Object.fromEntries(
    Object.entries(definitionOf(key.type).variables).map(([n, v]) => [n, sampleOf(v.sample)[key.language]]),
  );
  const message = composeMessage(
    { subject: input.subject, body: input.body },
    { type: key.type, channel: key.channel, language: key.language, brand, values: values as never },
  );
  return { subject: message.subject, bodyText: message.bodyText, bodyHtml: message.bodyHtml, problem };
}

/** The editor's use cases on one database. */
export function messageTemplatesService(db: Db) {
  return {
    catalog: () => templateCatalog(db),
    get: (key: KeyInput) => messageTemplate(db, key),
    save: (actor: Actor, key: KeyInput, text: TemplateText, version: number) =>
      saveMessageTemplate(db, actor, key, text, version),
    reset: (actor: Actor, key: KeyInput, version: number) => resetMessageTemplate(db, actor, key, version),
    preview: (input: KeyInput & TemplateText, language: Language) => previewMessageTemplate(db, input, language),
  };
}
