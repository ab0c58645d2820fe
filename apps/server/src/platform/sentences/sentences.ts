import { CONTACT_SENTENCES } from './contact-sentences.ts';
import { LEAD_SENTENCES } from './lead-sentences.ts';
import { ORDER_SENTENCES } from './order-sentences.ts';
import type { Language } from './reader-locale.ts';
import { formatsFor, type Wording } from './wording.ts';

/**
 * Texts the platform writes for people (timeline steps, order reasons, contact history) are stored as a
 * code with parameters and worded when read, in the reader's language with their dates and numbers
 * (issue 16): a reader who switches language reads every entry again in it, old ones included.
 */
const SENTENCES = { ...LEAD_SENTENCES, ...ORDER_SENTENCES, ...CONTACT_SENTENCES };
type Catalogue = typeof SENTENCES;
export type SentenceCode = keyof Catalogue;
type ParamsOf<C extends SentenceCode> = Catalogue[C] extends Wording<infer P> ? P : never;

/** A sentence as it is stored: its code and what it names. */
export type Sentence = { [C in SentenceCode]: { code: C; params: ParamsOf<C> } }[SentenceCode];

/** @example sentence('order.invoice_paid', { invoice: 'F-2026-000123' }) */
export const sentence = <C extends SentenceCode>(code: C, params: ParamsOf<C>) => ({ code, params }) as Sentence;

/** The sentence in the reader's language. */
export function say(s: Sentence, language: Language): string {
  const w = SENTENCES[s.code] as Wording<typeof s.params>;
  return w[language](s.params, formatsFor(language));
}

/**
 * What a stored entry reads: the sentence its code names, else the text as a person typed it or as a row
 * from before the codes was written (in Dutch, and in English where that row kept it).
 */
export function readStored(
  row: { code: string | null; params: unknown; text: string | null; textEn?: string | null },
  language: Language,
): string | null {
  if (row.code && row.code in SENTENCES) return say({ code: row.code, params: row.params ?? {} } as Sentence, language);
  return language === 'en' ? (row.textEn ?? row.text) : row.text;
}

/** The columns a sentence is stored in (`code`, `params`). */
export const stored = (s: Sentence) => ({ code: s.code, params: s.params as Record<string, unknown> });

/** The columns an order's reason is stored in, when the platform gave one (`reason_code`, `reason_params`). */
export const storedReason = (s: Sentence | null) => ({
  reasonCode: s?.code ?? null,
  reasonParams: (s?.params ?? null) as Record<string, unknown> | null,
});
