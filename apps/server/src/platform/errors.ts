/** A field that was wrong, as a client can show it next to the input. */
export type FieldError = { field: string; message: string };

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
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Dutch first; `en` is what a caller who asks for English (Accept-Language: en) reads instead. */
export type Bilingual = { nl: string; en: string };

/** A refusal worded in both languages; the problem handler picks the one the request prefers. */
export class BilingualError extends AppError {
  constructor(
    status: number,
    code: string,
    public readonly messages: Bilingual,
  ) {
    super(status, code, messages.nl);
    this.name = 'BilingualError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} niet gevonden`);
export const forbidden = (message = 'Geen toegang') => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'Niet ingelogd') => new AppError(401, 'unauthorized', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const invalid = (errors: FieldError[], message = 'Ongeldige invoer') =>
  new AppError(422, 'validation', message, errors);
