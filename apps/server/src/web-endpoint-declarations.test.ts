import { describe, expect, it } from 'vitest';
import { webSources } from './test/web-endpoints.ts';

// What web-fetchers.integration.test.ts relies on: every call the web makes goes through an endpoint
// it can find, and every answer shape comes from packages/contract. Read from the source, no server.
describe('the web calls the API only through declared endpoints', () => {
  const files = webSources();

  it('declares every endpoint exported from a feature api file, where this test finds it', () => {
    const declaredElsewhere = files
      .filter(
        (f) =>
          /\bendpoint\(/.test(f.text) && !/^features\/[\w-]+\/api\//.test(f.file) && f.file !== 'lib/http/endpoint.ts',
      )
      .map((f) => f.file);
    expect(declaredElsewhere).toEqual([]);
    const unexported = files
      .filter((f) => /^features\/[\w-]+\/api\//.test(f.file))
      .flatMap((f) => f.text.match(/^(?!export const \w+ = endpoint\().*\bendpoint\('.*$/gm) ?? []);
    expect(unexported).toEqual([]);
  });

  // Besides the client: the OpenAPI document (no contract shape) and the partner's API tester, which shows
  // the raw answer of the Partner API to a key, whatever it is.
  it('fetches only in the HTTP client, the OpenAPI document and the API tester', () => {
    const fetching = files.filter((f) => /\bfetch\(/.test(f.text)).map((f) => f.file);
    expect(fetching.sort()).toEqual([
      'features/partner-integrations/api/openapi.ts',
      'features/partner-integrations/components/api-tester.tsx',
      'lib/http/http-client.ts',
    ]);
  });

  it('declares no response shapes of its own: they come from packages/contract', () => {
    // The live-update messages come over a WebSocket, not as an HTTP answer: typed events are another piece of work.
    const declaring = files
      .filter((f) => /\bz\.object\(/.test(f.text) && f.file !== 'lib/realtime/subscribe-updates.ts')
      .map((f) => f.file);
    expect(declaring).toEqual([]);
  });
});
