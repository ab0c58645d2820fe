import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { orderLines, orders } from '../orders/orders.schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('gapless invoice numbers', () => {
  it('stay consecutive when invoices are issued at the same time and some are refused', async () => {
    const year = new Date().getFullYear();
    const made = await t.database.db
      .insert(orders)
      .values(
        Array.from({ length: 8 }, (_, i) => ({
          number: `ORD-2026-8000${i}`,
          entityId: 'chargecars',
          customerId: t.fixtures.c1.id,
          stage: i % 4 === 3 ? ('new' as const) : ('completed' as const),
          customerTotalCents: 10000,
          partnerTotalCents: 0,
          totalCents: 10000,
          completedAt: new Date(),
        })),
      )
      .returning();
    await t.database.db.insert(orderLines).values(
      made.map((o) => ({
        orderId: o.id,
        position: 1,
        description: 'Extra uur arbeid',
        quantity: 1,
        unitPriceCents: 10000,
        vatRate: 21,
        vatCategory: 'standard' as const,
        billTo: 'customer' as const,
        totalCents: 10000,
      })),
    );
    const ops = await t.as('ops@chargecars.nl');
    const answers = await Promise.all(made.map((o) => ops.post(`/api/orders/${o.id}/invoices`, {})));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 201, 409, 409]);
    const numbers = answers
      .filter((a) => a.statusCode === 201)
      .map((a) => a.json()[0].number as string)
      .sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6].map((n) => `CC-${year}-${String(n).padStart(5, '0')}`));
  });
});
