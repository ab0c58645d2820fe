import type { QueryClient } from '@tanstack/react-query';
import { SessionResponse } from '@chargecars/contract';
import { setCsrfToken } from '../../../lib/http/http-client';
import { sessionQueryKey, type Session } from './session-schema';

/** The id of the data block the server writes the session into (apps/server/src/platform/http/portal-preloads.ts). */
const SESSION_DATA_ID = 'session-data';

const EmbeddedSession = SessionResponse.nullable();

/**
 * The session the server wrote into this page: GET /api/auth/me's answer, or null for nobody.
 * Undefined when the page has none (the service worker's offline copy, the dev server) or it does
 * not parse; then the session is fetched as before.
 */
export function embeddedSession(doc: Document = document): Session | null | undefined {
  const text = doc.getElementById(SESSION_DATA_ID)?.textContent;
  if (!text) return undefined;
  try {
    const parsed = EmbeddedSession.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the app with the page's session in the query cache, so no screen waits a round trip for it. */
export function primeEmbeddedSession(queryClient: QueryClient, doc: Document = document): void {
  const session = embeddedSession(doc);
  if (session === undefined) return;
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(sessionQueryKey, session);
}
