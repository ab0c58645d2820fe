import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadCatalogFixtures } from '../../test/catalog-fixtures.ts';
import { quotes, quoteSignatures, quoteVersions } from './quotes.schema.ts';
import { latestSigningToken, signer } from './signing-test-helpers.ts';

let t: TestApp;
let cat: Awaited<ReturnType<typeof loadCatalogFixtures>>;
let ops: Awaited<ReturnType<TestApp['as']>>;

beforeAll(async () => {
  t = await createTestApp();
  cat = await loadCatalogFixtures(t.database, t.fixtures);
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t.close());

const rows = async () => ({
  quotes: (await t.database.db.select({ n: count() }).from(quotes))[0]!.n,
  versions: (await t.database.db.select({ n: count() }).from(quoteVersions))[0]!.n,
});
const create = (lines: unknown[]) =>
  ops.post('/api/quotes', {
    entityId: 'chargecars',
    customerId: t.fixtures.c1.id,
    partnerId: t.fixtures.partnerA.id,
    lines,
  });
const put = (id: string, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/quotes/${id}`,
    headers: { cookie: `cc_session=${ops.cookie}`, 'x-csrf-token': ops.csrf },
    payload: payload as object,
  });

describe('bad input changes nothing and says what is wrong', () => {
  it('a negative quantity', async () => {
    const before = await rows();
    const res = await create([{ productId: cat.products.charger.id, quantity: -1 }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.lines.0.quantity' })]);
    expect(await rows()).toEqual(before);
  });

  it('a VAT rate that does not exist', async () => {
    const before = await rows();
    const res = await create([{ description: 'Vrije regel', quantity: 1, unitPriceCents: 1000, vatRate: 19 }]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'invalid_quote_lines',
      errors: [{ field: 'lines.0.vatRate', message: expect.stringContaining('19%') }],
    });
    expect(await rows()).toEqual(before);
  });

  it('amounts that do not add up', async () => {
    const before = await rows();
    const res = await create([
      { productId: cat.products.hour.id, quantity: 2.5, unitPriceCents: 7500, totalCents: 18000 },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'lines.0.totalCents', message: expect.stringContaining('18750') }]);
    expect(await rows()).toEqual(before);
  });

  it('an unknown product, customer or partner', async () => {
    const before = await rows();
    expect(
      (await create([{ productId: '00000000-0000-4000-8000-000000000001', quantity: 1 }])).json().errors[0].field,
    ).toBe('lines.0.productId');
    const res = await ops.post('/api/quotes', {
      entityId: 'chargecars',
      customerId: '00000000-0000-4000-8000-000000000001',
      lines: [{ productId: cat.products.charger.id, quantity: 1 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('customerId');
    expect(await rows()).toEqual(before);
  });

  it('more than two visits', async () => {
    const res = await create([{ productId: cat.products.charger.id, quantity: 1 }]);
    const id = res.json().id;
    const q = (await ops.get(`/api/quotes/${id}`)).json();
    const three = await put(id, {
      lockVersion: q.lockVersion,
      lines: [{ productId: cat.products.charger.id, quantity: 1 }],
      visits: [1, 2, 3].map(() => ({ type: 'installation', durationMinutes: 60 })),
    });
    expect(three.statusCode).toBe(400);
    expect(three.json().errors[0].field).toBe('body.visits');
  });

  it('two people editing at once: the second gets a conflict, the first keeps their change', async () => {
    const id = (await create([{ productId: cat.products.charger.id, quantity: 1 }])).json().id;
    const { lockVersion } = (await ops.get(`/api/quotes/${id}`)).json();
    const first = await put(id, { lockVersion, lines: [{ productId: cat.products.charger.id, quantity: 2 }] });
    const second = await put(id, { lockVersion, lines: [{ productId: cat.products.charger.id, quantity: 3 }] });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'quote_changed', detail: expect.stringContaining('niet opgeslagen') });
    const after = (await ops.get(`/api/quotes/${id}`)).json();
    expect(after.lines[0].quantity).toBe(2);
    expect(after.lockVersion).toBe(lockVersion + 1);
  });

  it('a signing link that is tampered with, used twice or expired', async () => {
    const id = (
      await ops.post('/api/quotes/from-template', {
        templateId: cat.template.id,
        customerId: t.fixtures.c1.id,
        partnerId: t.fixtures.partnerA.id,
        answers: { cableMeters: 12 },
      })
    ).json().id;
    await ops.post(`/api/quotes/${id}/send`, { lockVersion: (await ops.get(`/api/quotes/${id}`)).json().lockVersion });
    const token = await latestSigningToken(t, 'anna@example.nl');
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const url of [`/api/sign/${tampered}`, `/api/sign/${'x'.repeat(43)}`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('signing_link_invalid');
    }
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/sign/${tampered}`,
          headers: signer,
          payload: { name: 'Anna', method: 'typed' },
        })
      ).statusCode,
    ).toBe(404);
    const drawnWithoutImage = await t.app.inject({
      method: 'POST',
      url: `/api/sign/${token}`,
      headers: signer,
      payload: { name: 'Anna de Vries', method: 'drawn' },
    });
    expect(drawnWithoutImage.statusCode).toBe(400);

    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/sign/${token}`,
      headers: signer,
      payload: { name: 'Anna de Vries', method: 'typed' },
    });
    expect(ok.statusCode).toBe(200);
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/sign/${token}/decline`,
      headers: signer,
      payload: { reason: 'toch niet' },
    });
    expect(twice.json().code).toBe('signing_link_used');

    const partnerToken = await latestSigningToken(t, 'info@alfa.example.nl');
    await t.database.db
      .update(quoteSignatures)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(quoteSignatures.quoteId, id));
    const expired = await t.app.inject({
      method: 'POST',
      url: `/api/sign/${partnerToken}`,
      headers: signer,
      payload: { name: 'Paul Alfa', method: 'typed' },
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('signing_link_expired');
    expect((await ops.get(`/api/quotes/${id}`)).json().status).toBe('partially_signed');
  });

  it('sending twice, and editing a signed quote', async () => {
    const id = (await create([{ productId: cat.products.hour.id, quantity: 1, billTo: 'customer' }])).json().id;
    const { lockVersion } = (await ops.get(`/api/quotes/${id}`)).json();
    expect((await ops.post(`/api/quotes/${id}/send`, { lockVersion })).statusCode).toBe(200);
    const again = await ops.post(`/api/quotes/${id}/send`, { lockVersion: lockVersion + 1 });
    expect(again.json().code).toBe('quote_not_sendable');
    const token = await latestSigningToken(t, 'anna@example.nl');
    const signed = await t.app.inject({
      method: 'POST',
      url: `/api/sign/${token}`,
      headers: signer,
      payload: { name: 'Anna de Vries', method: 'typed' },
    });
    // Only the customer pays a line here, so one signature completes the quote.
    expect(signed.json()).toMatchObject({ quoteStatus: 'signed', orderId: expect.any(String) });
    const edit = await put(id, {
      lockVersion: lockVersion + 1,
      lines: [{ productId: cat.products.hour.id, quantity: 2 }],
    });
    expect(edit.json().code).toBe('quote_not_editable');
  });
});
