import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export type PostResult = {
  status: number | null;
  bodyExcerpt: string | null;
  error: string | null;
  durationMs: number;
};

export const POST_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 2048;
/** Connections kept open per partner endpoint origin: enough to keep up, few enough not to flood a partner. */
const SOCKETS_PER_ORIGIN = 16;

/**
 * One keep-alive agent per origin: a new TCP (and TLS) connection per delivery costs more than the
 * delivery itself. A reused connection was checked by the SSRF guard when it was opened, and the guard
 * runs again on every delivery's URL before it is sent.
 */
const agents = new Map<string, http.Agent>();
function agentFor(url: URL): http.Agent {
  let agent = agents.get(url.origin);
  if (!agent) {
    const options = {
      keepAlive: true,
      maxSockets: SOCKETS_PER_ORIGIN,
      maxFreeSockets: SOCKETS_PER_ORIGIN,
      timeout: POST_TIMEOUT_MS,
    };
    agent = url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
    agents.set(url.origin, agent);
  }
  return agent;
}

/**
 * One HTTP POST of a delivery: never throws, never follows redirects (a redirect could lead inside),
 * keeps the first 2 KB of the answer for the log.
 */
export function postWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  lookup: LookupFunction,
): Promise<PostResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        timeout: POST_TIMEOUT_MS,
        agent: agentFor(url),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(c);
          size += c.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? null,
            bodyExcerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'),
            error: null,
            durationMs: took(),
          }),
        );
        res.on('error', (err) =>
          resolve({ status: res.statusCode ?? null, bodyExcerpt: null, error: err.message, durationMs: took() }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`geen antwoord binnen ${POST_TIMEOUT_MS / 1000} s`)));
    req.on('error', (err) => resolve({ status: null, bodyExcerpt: null, error: err.message, durationMs: took() }));
    req.end(body);
  });
}
