import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadContractorFixtures } from '../../test/contractor-fixtures.ts';
import { auditLog } from '../../platform/events/events.schema.ts';

let t: TestApp;
let contractors: Awaited<ReturnType<typeof loadContractorFixtures>>;
beforeAll(async () => {
  t = await createTestApp();
  contractors = await loadContractorFixtures(t.database, t.fixtures);
});
afterAll(async () => {
  await t?.close();
});

describe("a partner's VAT number", () => {
  it('is shown on the partner, with whether its invoices carry reverse charge', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const charlie = (await ops.get(`/api/partners/${contractors.charlie.id}`)).json();
    expect(charlie).toMatchObject({
      name: 'Installatiebedrijf Charlie',
      category: 'B2BContractor',
      kvkNumber: '20000003',
      vatNumber: 'NL123456789B01',
      reverseCharge: true,
    });
    expect((await ops.get(`/api/partners/${contractors.delta.id}`)).json()).toMatchObject({
      vatNumber: null,
      reverseCharge: false,
    });
  });

  it('is set by ops, tidied to the standard form and audited; a contractor with one gets reverse charge', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const res = await ops.patch(`/api/partners/${contractors.delta.id}`, { vatNumber: 'nl 8584.12345 b02' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ vatNumber: 'NL858412345B02', reverseCharge: true });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'partner.updated'), eq(auditLog.subjectId, contractors.delta.id)));
    expect(audit).toMatchObject({
      before: { vatNumber: null },
      after: { vatNumber: 'NL858412345B02', reverseCharge: true },
    });
    const cleared = await ops.patch(`/api/partners/${contractors.delta.id}`, { vatNumber: null });
    expect(cleared.json()).toMatchObject({ vatNumber: null, reverseCharge: false });
  });

  it('gives no reverse charge to a partner that is not an installation company, VAT number or not', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const res = await ops.patch(`/api/partners/${t.fixtures.partnerA.id}`, { vatNumber: 'DE123456789' });
    expect(res.json()).toMatchObject({ category: 'Automotive', vatNumber: 'DE123456789', reverseCharge: false });
  });

  it('refuses a malformed number with a 400 naming the field, and changes nothing', async () => {
    const ops = await t.as('ops@chargecars.nl');
    for (const vatNumber of ['NL12345678B01', 'NL123456789X01', '123456789B01', 'XX123456789']) {
      const res = await ops.patch(`/api/partners/${contractors.charlie.id}`, { vatNumber });
      expect(res.statusCode, vatNumber).toBe(400);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ field: 'body.vatNumber', message: expect.stringContaining('NL123456789B01') }),
      ]);
    }
    expect((await ops.patch(`/api/partners/${contractors.charlie.id}`, { name: 'Nieuwe naam' })).statusCode).toBe(400);
    expect((await ops.get(`/api/partners/${contractors.charlie.id}`)).json().vatNumber).toBe('NL123456789B01');
  });

  it('is read by the partner itself but changed only by ops', async () => {
    const charlie = await t.as('partner-c@charlie.example.nl');
    expect((await charlie.get(`/api/partners/${contractors.charlie.id}`)).json().vatNumber).toBe('NL123456789B01');
    expect((await charlie.patch(`/api/partners/${contractors.charlie.id}`, { vatNumber: null })).statusCode).toBe(403);
    expect((await charlie.get(`/api/partners/${t.fixtures.partnerA.id}`)).statusCode).toBe(404);
    expect((await (await t.as('tech1@chargecars.nl')).get(`/api/partners/${contractors.charlie.id}`)).statusCode).toBe(
      403,
    );
  });
});
