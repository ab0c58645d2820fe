import { isProblem } from '../../../lib/http/http-client';

/** The server's refusal in the user's language (it answers in the language the web sent), or null. */
export const problemText = (error: unknown): string | null =>
  error ? (isProblem(error) ? (error.detail ?? error.title) : String(error)) : null;
