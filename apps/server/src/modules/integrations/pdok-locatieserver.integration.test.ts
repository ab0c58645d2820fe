import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createPdokAddressValidator } from './pdok-locatieserver.ts';
import { leads } from '../leads/leads.schema.ts';

/** Answers like PDOK Locatieserver v3.1 /free for two addresses in Nijkerk; 500 for postcode 9999. */
function startFakePdok() {
  const seen: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url.searchParams);
    const fq = url.searchParams.getAll('fq');
    if (!url.pathname.endsWith('/free')) return void res.writeHead(404).end();
    if (fq.includes('postcode:9999ZZ')) return void res.writeHead(500).end('storing');
    const docs =
      fq.includes('postcode:3861AB') && fq.includes('huisnummer:7')
        ? [
            {
              type: 'adres',
              weergavenaam: 'Kerkstraat 7, 3861AB Nijkerk',
              straatnaam: 'Kerkstraat',
              huisnummer: 7,
              postcode: '3861AB',
              woonplaatsnaam: 'Nijkerk',
              gemeentenaam: 'Nijkerk',
              provincienaam: 'Gelderland',
              centroide_ll: 'POINT(5.48123 52.22045)',
            },
            {
              type: 'adres',
              weergavenaam: 'Kerkstraat 7A, 3861AB Nijkerk',
              straatnaam: 'Kerkstraat',
              huisnummer: 7,
              huisletter: 'A',
              postcode: '3861AB',
              woonplaatsnaam: 'Nijkerk',
              gemeentenaam: 'Nijkerk',
              provincienaam: 'Gelderland',
              centroide_ll: 'POINT(5.48125 52.22047)',
            },
          ]
        : [];
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ response: { numFound: docs.length, start: 0, maxScore: 1, numFoundExact: true, docs } }));
  });
  return new Promise<{ url: string; seen: URLSearchParams[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        url: `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1`,
        seen,
        close: () => new Promise((r) => server.close(() => r())),
      });
    }),
  );
}

let pdok: Awaited<ReturnType<typeof startFakePdok>>;
let t: TestApp;
beforeAll(async () => {
  pdok = await startFakePdok();
  t = await createTestApp({ PDOK_LOCATIESERVER_URL: pdok.url });
});
afterAll(async () => {
  await t?.close();
  await pdok?.close();
});

describe('PDOK Locatieserver address validation', () => {
  it('finds street and city from postcode and house number, addition included', async () => {
    const pdokValidator = createPdokAddressValidator(pdok.url);
    expect(await pdokValidator.lookup('3861 AB', 7, null)).toEqual({
      street: 'Kerkstraat',
      city: 'Nijkerk',
      municipality: 'Nijkerk',
      province: 'Gelderland',
      lat: 52.22045,
      lon: 5.48123,
    });
    expect((await pdokValidator.lookup('3861 AB', 7, 'a'))?.lat).toBe(52.22047);
    expect(await pdokValidator.lookup('3861 AB', 7, 'Z')).toBeNull();
    expect(await pdokValidator.lookup('3861 AB', 8, null)).toBeNull();
    await expect(pdokValidator.lookup('9999 ZZ', 1, null)).rejects.toThrow(/500/);
    expect(pdok.seen.at(-1)!.getAll('fq')).toContain('type:adres');
  });

  it("fills a lead's street and city in the pipeline, and a lead still arrives when PDOK is down", async () => {
    const ops = await t.as('ops@chargecars.nl');
    const filled = (
      await ops.post('/api/leads', {
        email: 'pdok@example.nl',
        name: 'P Dok',
        phone: '0612000111',
        address: { postcode: '3861 AB', houseNumber: 7 },
        productInterest: 'Thuislader',
      })
    ).json();
    const [row] = await t.database.db.select().from(leads).where(eq(leads.id, filled.id));
    expect(row).toMatchObject({ street: 'Kerkstraat', city: 'Nijkerk', province: 'Gelderland', status: 'qualified' });
    const down = await ops.post('/api/leads', {
      email: 'storing@example.nl',
      name: 'Storing',
      address: { postcode: '9999 ZZ', houseNumber: 1 },
    });
    expect(down.statusCode).toBe(201);
    const detail = (await ops.get(`/api/leads/${down.json().id}`)).json();
    expect(JSON.stringify(detail.timeline)).toContain('niet bereikbaar');
  });
});
