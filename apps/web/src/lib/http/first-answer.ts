/** The id of the data block the server writes a page's first answer into (apps/server/src/platform/http/portal-preloads.ts). */
const FIRST_ANSWER_DATA_ID = 'first-answer';

type FirstAnswer = { url: string; language: string; body: unknown };

// Undefined until the page is read; null once there is none left to give.
let pending: FirstAnswer | null | undefined;

function read(): FirstAnswer | null {
  const text = globalThis.document?.getElementById(FIRST_ANSWER_DATA_ID)?.textContent;
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<FirstAnswer>;
    return typeof parsed.url === 'string' && typeof parsed.language === 'string' && 'body' in parsed
      ? (parsed as FirstAnswer)
      : null;
  } catch {
    return null;
  }
}

/**
 * The answer the server wrote into the page for `url` (a signing link's quote part), once: the first
 * GET of that url in the language it was made in takes it instead of a round trip; every later one, a
 * refresh or a language switch, goes to the network.
 */
export function takeFirstAnswer(url: string, language: string): { body: unknown } | null {
  if (pending === undefined) pending = read();
  if (!pending || pending.url !== url || pending.language !== language) return null;
  const { body } = pending;
  pending = null;
  return { body };
}
