import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../apps/server/src/test/test-database.ts';
import { verifyPassword } from '../../apps/server/src/platform/auth/passwords.ts';
import { seedDemoData, type SeedSummary } from './seed-demo.ts';
import { countsFor } from './seed-context.ts';
import { compareStockBalances } from '../../apps/server/src/modules/inventory/index.ts';
import { demandForecast } from '../../apps/server/src/read-models/demand-forecast.ts';
import { stockOutReport } from '../../apps/server/src/read-models/stock-out-report.ts';
import { addDaysToDate, todayInAmsterdam } from '../../apps/server/src/platform/calendar.ts';

const NOW = new Date('2026-11-18T10:00:00Z');
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let summary: SeedSummary;
beforeAll(async () => {
  db = await createTestDatabase();
  summary = await seedDemoData(db, { scale: 0.1, now: NOW });
});
afterAll(async () => {
  await db?.drop();
});

const one = async (sqlText: string) => (await db.execute(sqlText, [])).rows[0]!;

describe('demo data', () => {
  it('makes the PRD volumes times the scale, so the KPIs come out near the baseline', async () => {
    const c = countsFor(0.1);
    const row = await one(
      'select (select count(*)::int from customers) c, (select count(*)::int from orders) o, (select count(*)::int from quotes) q, (select count(*)::int from visits) v, (select count(*)::int from partners) p, (select count(*)::int from business_entities) e',
    );
    expect(row).toEqual({ c: c.customers, o: c.orders, q: c.quotes, v: c.visits, p: c.partners, e: 5 });
    expect(Number(row.v) / Number(row.o)).toBeCloseTo(0.932, 2);
    expect(Number(row.o) / Number(row.q)).toBeCloseTo(1.048, 2);
  });

  it('is consistent: totals add up, visits sit at their order’s customer, team-days stay within capacity', async () => {
    expect(
      await one(
        `select count(*)::int n from orders o where total_cents <> (select coalesce(sum(total_cents), 0) from order_lines l where l.order_id = o.id)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        'select count(*)::int n from visits v join orders o on o.id = v.order_id where o.customer_id <> v.customer_id',
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `select count(*)::int n from (select v.team_id, v.scheduled_date from visits v join teams t on t.id = v.team_id where v.status = 'scheduled' group by v.team_id, v.scheduled_date, t.max_visits_per_day having count(*) > t.max_visits_per_day) x`,
      ),
    ).toEqual({ n: 0 });
    // Stages agree with the visits, as the order lifecycle rules demand (webshop orders have no visits).
    expect(
      await one(
        `select count(*)::int n from orders o where o.stage in ('completed', 'invoiced', 'closed') and exists (select 1 from visits v where v.order_id = o.id and v.status not in ('completed', 'cancelled'))`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `select count(*)::int n from orders o where o.stage in ('scheduled', 'in_progress', 'completed', 'invoiced', 'closed') and o.entity_id not in ('zaptecshop', 'ratioshop') and not exists (select 1 from visits v where v.order_id = o.id and v.status <> 'to_schedule')`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `select count(*)::int n from orders o where o.stage = 'in_progress' and not exists (select 1 from visits v where v.order_id = o.id and v.status in ('in_progress', 'completed'))`,
      ),
    ).toEqual({ n: 0 });
    // Every visit given to a team is on one that serves the region of the visit's postcode.
    expect(
      await one(
        `select count(*)::int n from visits v join addresses a on a.id = v.address_id where v.team_id is not null and not exists (select 1 from team_regions tr join regions r on r.code = tr.region_code where tr.team_id = v.team_id and left(a.postcode, 2) = any(r.pc2))`,
      ),
    ).toEqual({ n: 0 });
    // Postcode letters as issued: no F, I, O, Q, U or Y, and no SA, SD or SS.
    expect(
      await one(
        `select (select count(*)::int from addresses where postcode ~ ' .*[FIOQUY]' or right(postcode, 2) in ('SA', 'SD', 'SS')) + (select count(*)::int from leads where postcode ~ ' .*[FIOQUY]') n`,
      ),
    ).toEqual({ n: 0 });
    // Lead numbers as the server makes them, and the server's next one continues after them.
    expect(await one(`select count(*)::int n from leads where number !~ '^LD-\\d{4}-\\d{6}$'`)).toEqual({ n: 0 });
    expect(
      await one(
        `select (select max(split_part(number, '-', 3)::int) from leads) <= (select last_value from lead_number_seq) ok`,
      ),
    ).toEqual({ ok: true });
    // A quote sent for signing has its signature rows: all signed when the quote is, none left out.
    expect(
      await one(
        `select count(*)::int n from quotes q where q.status = 'signed' and (not exists (select 1 from quote_signatures s where s.quote_id = q.id) or exists (select 1 from quote_signatures s where s.quote_id = q.id and s.status <> 'signed'))`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `select count(*)::int n from quotes q where q.status = 'partially_signed' and not exists (select 1 from quote_signatures s where s.quote_id = q.id and s.status = 'signed')`,
      ),
    ).toEqual({ n: 0 });
    expect(await one(`select count(*)::int n from invoices where total_cents <> subtotal_cents + vat_cents`)).toEqual({
      n: 0,
    });
    // Gapless invoice numbers per entity per year.
    const gaps = await one(
      `select count(*)::int n from (select entity_id, extract(year from issue_date) y, count(*) c, max(split_part(number, '-', 3)::int) m from invoices group by 1, 2) x where c <> m`,
    );
    expect(gaps).toEqual({ n: 0 });
    // Every completed installation has its charger's serial on the wall, with its warranty; the kept
    // balances agree with the ledger, and no physical place holds less than nothing of a serial.
    expect(
      await one(
        `select count(*)::int n from visits v where v.status = 'completed' and v.type = 'installation' and exists (select 1 from order_lines ol join products p on p.id = ol.product_id where ol.order_id = v.order_id and p.category_code = 'charging_station') and not exists (select 1 from stock_serials ss join stock_locations l on l.id = ss.location_id where ss.visit_id = v.id and l.kind = 'customer' and ss.warranty_until is not null)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      Number((await one('select count(*)::int n from stock_serials where installed_on is not null')).n),
    ).toBeGreaterThan(50);
    expect(await compareStockBalances(db.db)).toEqual([]);
    expect(
      await one(
        `select count(*)::int n from stock_balances b join stock_locations l on l.id = b.location_id where l.kind in ('warehouse', 'bin', 'staging') and b.on_hand < 0`,
      ),
    ).toEqual({ n: 0 });
    // Invoice VAT is the sum of its lines' VAT; invoiced order lines are marked, so none is billed twice.
    expect(
      await one(
        `select count(*)::int n from invoices i where vat_cents <> (select coalesce(sum(vat_cents), 0) from invoice_lines l where l.invoice_id = i.id)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `select count(*)::int n from order_lines ol where ol.invoiced_at is null and exists (select 1 from invoices i where i.order_id = ol.order_id and i.payer = ol.bill_to)`,
      ),
    ).toEqual({ n: 0 });
    expect(await one(`select count(*)::int n from quote_lines where category is null`)).toEqual({ n: 0 });
    // Installation companies have VAT numbers; their invoices carry reverse charge with that number, nobody else's.
    expect(
      await one(`select count(*)::int n from partners where (category = 'B2BContractor') <> (vat_number is not null)`),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `select count(*)::int n from invoices i left join partners p on p.id = i.partner_id where i.reverse_charge <> (i.payer = 'partner' and p.category = 'B2BContractor') or (i.reverse_charge and i.buyer_vat_number is distinct from p.vat_number)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      Number((await one(`select count(*)::int n from invoices where reverse_charge and vat_cents = 0`)).n),
    ).toBeGreaterThan(0);
  });

  it('gives the forecast, the stock-out warnings, transfers and van requests something to show: one charger model short', async () => {
    const today = todayInAmsterdam(NOW);
    const forecast = await demandForecast(db.db, { today, weeks: 6 });
    expect(forecast.plannedVisits).toBeGreaterThan(20);
    expect(forecast.conversion.rate).not.toBeNull();
    expect(forecast.conversion.leadDaysFromHistory).toBe(true);
    const short = forecast.products.filter((p) => p.plannedShortWeek);
    expect(short.map((p) => p.sku)).toHaveLength(1);
    expect(forecast.products.length).toBeGreaterThan(5);
    const report = await stockOutReport(db.db, { from: today, to: addDaysToDate(today, 41) });
    expect(report.delayedInstallations).toBeGreaterThan(0);
    expect(report.delayedInstallations).toBeLessThanOrEqual(2);
    expect(new Set(report.visits.flatMap((v) => v.missing.map((m) => m.sku)))).toEqual(new Set([short[0]!.sku]));
    // The transfers and van requests pages have this week's work: a top-up on its way, requests to answer.
    expect(await one(`select count(*)::int n from stock_transfers where status = 'in_transit'`)).toEqual({ n: 1 });
    expect(await one(`select count(*)::int n from van_requests where status = 'open'`)).toEqual({ n: 2 });
    expect(
      await one(
        `select count(*)::int n from stock_balances b join stock_locations l on l.id = b.location_id where l.kind = 'transit' and b.on_hand > 0`,
      ),
    ).toEqual({ n: 2 });
  });

  it('has quote templates whose lines the entity sells, and orders that carry their quote’s visits', async () => {
    expect(Number((await one('select count(*)::int n from quote_templates')).n)).toBeGreaterThanOrEqual(5);
    // Every kit has its package price at the entities that sell it.
    expect(
      await one(
        `select count(*)::int n from product_kits k where not exists (select 1 from product_kit_prices p where p.kit_id = k.id)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `select count(*)::int n from quote_template_lines tl join quote_templates t on t.id = tl.template_id left join product_prices p on p.product_id = tl.product_id and p.entity_id = t.entity_id where p.product_id is null`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `select count(*)::int n from orders o where o.quote_id is not null and not exists (select 1 from order_visit_requirements r where r.order_id = o.id)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `select count(*)::int n from orders o where not exists (select 1 from order_events e where e.order_id = o.id and e.kind = 'created')`,
      ),
    ).toEqual({ n: 0 });
  });

  it('gives every role a login that works', async () => {
    expect(summary.logins.map((l) => l.role)).toEqual([
      'admin',
      'operations',
      'planner',
      'warehouse',
      'technician',
      'partner',
      'customer',
    ]);
    for (const login of summary.logins.filter((l) => l.password)) {
      const row = await db.execute('select password_hash from users where lower(email) = lower($1)', [login.email]);
      expect(await verifyPassword(String(row.rows[0]!.password_hash), login.password!)).toBe(true);
    }
    const customer = await db.execute(
      "select count(*)::int n from users where role = 'customer' and lower(email) = lower($1)",
      [summary.logins.at(-1)!.email],
    );
    expect(customer.rows[0]).toEqual({ n: 1 });
  });

  it('is deterministic for a seed and a date', async () => {
    const again = await createTestDatabase();
    try {
      await seedDemoData(again, { scale: 0.1, now: NOW });
      const q = "select md5(string_agg(id::text || number || total_cents, ',' order by number)) h from orders";
      expect((await again.execute(q, [])).rows[0]).toEqual((await db.execute(q, [])).rows[0]);
    } finally {
      await again.drop();
    }
  });
});
