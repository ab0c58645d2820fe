import http from 'node:http';

/** A request the server did not answer within the client's timeout. */
export class ClientTimeout extends Error {}

/** A keep-alive HTTP client for load generation, without extra dependencies; `timeoutMs` gives up on a request (ClientTimeout). */
export function createHttpClient(base: string, maxSockets = 64, timeoutMs = 0) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const url = new URL(base);
  return {
    post(path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: string }> {
      return send('POST', path, JSON.stringify(body), headers);
    },
    get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
      return send('GET', path, null, headers);
    },
    close: () => agent.destroy(),
  };

  function send(
    method: 'GET' | 'POST',
    path: string,
    payload: string | null,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const body =
        payload === null
          ? {}
          : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
      const req = http.request(
        { host: url.hostname, port: url.port, path, method, agent, headers: { ...body, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      if (timeoutMs > 0)
        req.setTimeout(timeoutMs, () =>
          req.destroy(new ClientTimeout(`${method} ${path}: no answer in ${timeoutMs} ms`)),
        );
      req.on('error', reject);
      req.end(payload ?? undefined);
    });
  }
}
