import { describe, expect, it } from 'vitest';
import { formatDutchDate } from './platform/calendar.ts';
import { PLATFORM_BRAND } from './platform/messaging/templates/email-layout.ts';
import { MESSAGE_TEMPLATES, MESSAGE_TYPES, variablesOf } from './platform/messaging/templates/message-registry.ts';
import { composeMessage } from './platform/messaging/templates/render-message.ts';
import type { TemplateText } from './platform/messaging/templates/template-definition.ts';
import { validateTemplate } from './platform/messaging/templates/validate-template.ts';

// Every default text the platform sends, per type, channel and language, filled in with its samples.
const texts = MESSAGE_TYPES.flatMap((type) =>
  Object.entries(MESSAGE_TEMPLATES[type].defaults).flatMap(([channel, byLanguage]) =>
    Object.entries(byLanguage as Record<'nl' | 'en', TemplateText>).map(([language, text]) => {
      const lang = language as 'nl' | 'en';
      const values = Object.fromEntries(
        Object.entries(variablesOf(type)).map(([n, v]) => [
          n,
          typeof v.sample === 'string' ? v.sample : v.sample[lang],
        ]),
      );
      const message = composeMessage(text, {
        type,
        channel: channel as 'email',
        language: lang,
        brand: PLATFORM_BRAND,
        values: values as never,
      });
      return { where: `${type}/${channel}/${language}`, type, channel, language: lang, text, message };
    }),
  ),
);

describe('mail texts', () => {
  it('has Dutch and English for every message on every channel it has', () => {
    for (const type of MESSAGE_TYPES)
      for (const byLanguage of Object.values(MESSAGE_TEMPLATES[type].defaults)) {
        expect(Object.keys(byLanguage!).sort()).toEqual(['en', 'nl']);
      }
    expect(texts.length).toBeGreaterThanOrEqual(2 * MESSAGE_TYPES.length);
  });

  it('pass their own check: every default uses only its variables and all required ones', () => {
    for (const t of texts) expect(() => validateTemplate(t.type, t.channel as 'email', t.text), t.where).not.toThrow();
  });

  it('address customers and partners as "u", as the portals do, never "je"', () => {
    const informal = texts.filter(
      (t) => t.language === 'nl' && /\b(je|jij|jou|jouw|jullie)\b/i.test(`${t.message.subject}\n${t.message.bodyText}`),
    );
    expect(informal.map((t) => t.where)).toEqual([]);
  });

  it('start every subject with a capital', () => {
    const lower = texts.filter((t) => t.channel === 'email' && /^\p{Ll}/u.test(t.message.subject));
    expect(lower.map((t) => t.where)).toEqual([]);
  });

  it('write dates as Dutch readers do, not as ISO dates', () => {
    expect(formatDutchDate('2026-12-20')).toBe('20 december 2026');
    const iso = texts.filter((t) => t.language === 'nl' && /\d{4}-\d{2}-\d{2}/.test(t.message.bodyText));
    expect(iso.map((t) => t.where)).toEqual([]);
  });
});
