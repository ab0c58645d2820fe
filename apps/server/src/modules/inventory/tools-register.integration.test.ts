import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { createInventoryService } from './index.ts';

let t: TestApp;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
type Client = Awaited<ReturnType<TestApp['as']>>;
let warehouse: Client;
const today = todayInAmsterdam();

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  warehouse = await t.as('magazijn@chargecars.nl');
});
afterAll(() => t?.close());

describe('the tool register', () => {
  it('allocates a tool to a team, keeps its history, and sets the next inspection from a passed one', async () => {
    const made = await warehouse.post('/api/inventory/tools', {
      type: 'Installatietester',
      serialNumber: 'FLUKE-1664-001',
      teamId: t.fixtures.team1.id,
      inspectionIntervalMonths: 12,
      inspectionDueOn: addDaysToDate(today, -3),
    });
    expect(made.statusCode, made.body).toBe(201);
    const { id, code } = made.json();
    expect(code).toMatch(/^GER-\d{6}$/);
    const tool = (await warehouse.get(`/api/inventory/tools/${id}`)).json();
    expect(tool).toMatchObject({
      team: { id: t.fixtures.team1.id },
      locationCode: fx.locations.van1.code,
      inspectionState: 'overdue',
      events: [{ kind: 'allocated' }],
    });
    expect((await warehouse.get('/api/inventory/tools?due=true')).json().map((x: { id: string }) => x.id)).toContain(
      id,
    );

    const event = (body: object) => warehouse.post(`/api/inventory/tools/${id}/events`, body);
    expect((await event({ kind: 'inspection', happenedOn: today, result: 'passed' })).statusCode).toBe(201);
    expect((await event({ kind: 'allocated', happenedOn: today, teamId: t.fixtures.team2.id })).statusCode).toBe(201);
    expect((await event({ kind: 'usage', happenedOn: today, note: 'Meting groep 3' })).statusCode).toBe(201);
    const after = (await warehouse.get(`/api/inventory/tools/${id}`)).json();
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    expect(after.inspectionDueOn).toBe(
      `${y + 1}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`,
    );
    expect(after).toMatchObject({
      inspectionState: 'ok',
      team: { id: t.fixtures.team2.id },
      locationCode: fx.locations.van2.code,
    });
    expect(after.events.map((e: { kind: string }) => e.kind).sort()).toEqual([
      'allocated',
      'allocated',
      'inspection',
      'usage',
    ]);
    expect(
      (await warehouse.get('/api/inventory/tools?due=true')).json().map((x: { id: string }) => x.id),
    ).not.toContain(id);
  });

  it('takes a tool that fails its calibration out of use until maintenance, and refuses bad input', async () => {
    const { id } = (
      await warehouse.post('/api/inventory/tools', {
        type: 'Momentsleutel',
        calibrationIntervalMonths: 6,
        calibrationDueOn: addDaysToDate(today, 5),
      })
    ).json();
    const event = (body: object) => warehouse.post(`/api/inventory/tools/${id}/events`, body);
    const refused = async (body: object, status = 422) => {
      const res = await event(body);
      expect(res.statusCode, res.body).toBe(status);
      return res.json();
    };
    expect((await refused({ kind: 'calibration', happenedOn: today })).errors[0].field).toBe('result');
    expect((await refused({ kind: 'usage', happenedOn: today, result: 'passed' })).errors[0].field).toBe('result');
    expect((await refused({ kind: 'usage', happenedOn: addDaysToDate(today, 1) })).errors[0].field).toBe('happenedOn');
    expect((await refused({ kind: 'maintenance', happenedOn: today })).errors[0].field).toBe('note');
    expect(
      (await refused({ kind: 'allocated', happenedOn: today, teamId: '00000000-0000-4000-8000-000000000000' }))
        .errors[0].field,
    ).toBe('teamId');
    await refused({ kind: 'repair', happenedOn: today }, 400);
    await refused({ kind: 'usage', happenedOn: '2026-02-30' }, 400);
    expect((await warehouse.post('/api/inventory/tools', { type: 'X' })).statusCode).toBe(400);
    expect(
      (await warehouse.post('/api/inventory/tools', { type: 'Boor', inspectionIntervalMonths: 0 })).statusCode,
    ).toBe(400);

    expect((await event({ kind: 'calibration', happenedOn: today, result: 'failed' })).statusCode).toBe(201);
    let tool = (await warehouse.get(`/api/inventory/tools/${id}`)).json();
    expect(tool).toMatchObject({ status: 'in_repair', calibrationState: 'due_soon' });
    expect((await event({ kind: 'maintenance', happenedOn: today, note: 'Veer vervangen' })).statusCode).toBe(201);
    tool = (await warehouse.get(`/api/inventory/tools/${id}`)).json();
    expect(tool.status).toBe('in_use');
    expect((await warehouse.get('/api/inventory/tools/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const planner = await t.as('planner@chargecars.nl');
    expect((await planner.get('/api/inventory/tools')).statusCode).toBe(403);
  });

  it('reminds operations once a day of inspections and calibrations due within two weeks or overdue', async () => {
    const inventory = createInventoryService({ db: t.database.db });
    const first = await inventory.remindToolsDue(today);
    expect(first.tools).toBeGreaterThanOrEqual(1);
    expect(first.mails).toBeGreaterThanOrEqual(1);
    const mails = await t.database.execute(
      `select o.subject, o.body_text, o."to" from email_outbox o where o.dedupe_key like 'tool_due:%'`,
    );
    expect(mails.rows.map((r) => r.to)).toContain('ops@chargecars.nl');
    expect(mails.rows[0]!.body_text).toContain('Momentsleutel');
    expect(mails.rows[0]!.body_text).toContain('kalibratie uiterlijk');
    expect((await inventory.remindToolsDue(today)).mails).toBe(0);
    expect((await inventory.remindToolsDue(addDaysToDate(today, 1))).mails).toBe(first.mails);
  });
});
