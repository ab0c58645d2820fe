import http from 'node:http';

export type ProviderRequest = { path: string; headers: http.IncomingHttpHeaders; body: Record<string, unknown> };

/**
 * A loopback HTTP server answering like an SMS gateway (MessageBird: POST /messages, 201 with an id) and the
 * WhatsApp Cloud API (POST /{phone-number-id}/messages, 200 with messages[0].id). `script` holds the answers
 * to give next (status, body, headers), in order; when it is empty the provider accepts. It keeps one message
 * per idempotency key, as a provider that honours the header does.
 */
export async function startLoopbackMessageProvider() {
  const requests: ProviderRequest[] = [];
  const accepted = new Map<string, string>();
  const script: { status: number; body: unknown; headers?: Record<string, string> }[] = [];
  let next = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      const answer = script.shift();
      if (answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        return res.end(JSON.stringify(answer.body));
      }
      const whatsapp = body.messaging_product === 'whatsapp';
      const key = String(req.headers['idempotency-key'] ?? body.biz_opaque_callback_data ?? `anon-${next}`);
      const id = accepted.get(key) ?? `${whatsapp ? 'wamid.' : 'mb-'}${next++}`;
      accepted.set(key, id);
      res.writeHead(whatsapp ? 200 : 201, { 'content-type': 'application/json' });
      res.end(JSON.stringify(whatsapp ? { messaging_product: 'whatsapp', messages: [{ id }] } : { id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    script,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
