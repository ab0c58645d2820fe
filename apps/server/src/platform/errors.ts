/** A field that was wrong, as a client can show it next to the input. */
export type FieldError = { field: string; message: string };

/** The English wording of an error whose Dutch wording is its message, for a caller who asks for English (`Accept-Language`). */
export type EnglishText = { message: string; errors?: Record<string, string> };

/**
 * A typed, expected failure. The HTTP layer turns it into RFC 9457 problem+json;
 * anything else becomes a 500 whose details stay in the log.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly errors?: FieldError[],
    /** The same in English; without it an English caller gets the Dutch text. */
    public readonly english?: EnglishText,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** Message and field errors in the caller's language (Dutch unless English was asked and exists). */
  in(language: 'nl' | 'en'): { message: string; errors: FieldError[] | undefined } {
    if (language === 'nl' || !this.english) return { message: this.message, errors: this.errors };
    const en = this.english;
    return {
      message: en.message,
      errors: this.errors?.map((e) => ({ field: e.field, message: en.errors?.[e.field] ?? e.message })),
    };
  }
}

/**
 * The language a request asks its answers in: English when `Accept-Language` prefers it to Dutch
 * (the web app sends the language its user chose), Dutch otherwise.
 */
export function requestLanguage(acceptLanguage: string | undefined): 'nl' | 'en' {
  if (!acceptLanguage) return 'nl';
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.lang === 'nl' || x.lang === 'en')
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'en' ? 'en' : 'nl';
}

/** Dutch first; `en` is what a caller who asks for English (Accept-Language: en) reads instead. */
export type Bilingual = { nl: string; en: string };

/** A refusal worded in both languages; the problem handler picks the one the request prefers. */
export class BilingualError extends AppError {
  constructor(status: number, code: string, messages: Bilingual) {
    super(status, code, messages.nl, undefined, { message: messages.en });
    this.name = 'BilingualError';
  }
}

export const notFound = (what: string, english?: string) =>
  new AppError(
    404,
    'not_found',
    `${what} niet gevonden`,
    undefined,
    english ? { message: `${english} not found` } : undefined,
  );
export const forbidden = (message = 'Geen toegang') => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'Niet ingelogd') => new AppError(401, 'unauthorized', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const invalid = (errors: FieldError[], message = 'Ongeldige invoer') =>
  new AppError(422, 'validation', message, errors);
