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
