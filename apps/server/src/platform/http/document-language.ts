import { requestLanguage } from '../errors.ts';

/**
 * The language a downloaded document (PDF) is written in: the `lang` its link names, since a link opens
 * without the app's Accept-Language, else the language the request prefers.
 */
export function documentLanguage(request: {
  query: unknown;
  headers: { 'accept-language'?: string | undefined };
}): 'nl' | 'en' {
  const named = (request.query as { lang?: 'nl' | 'en' } | undefined)?.lang;
  return named ?? requestLanguage(request.headers['accept-language']);
}

/** The language a page's data is worded in for its reader (a product's name): the one the request prefers. */
export function readerLanguage(request: { headers: { 'accept-language'?: string | undefined } }): 'nl' | 'en' {
  return requestLanguage(request.headers['accept-language']);
}
