import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import * as s from '../../platform/db/schema.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import { createInventoryService } from '../inventory/index.ts';

// A 1x1 PNG, and another one (a different pixel) for the signature.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PNG2 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let t: TestApp;
let fx: Awaited<ReturnType<typeof loadInventoryFixtures>>;
type Client = Awaited<ReturnType<TestApp['as']>>;
let tech1: Client;
let tech2: Client;
let ops: Client;
let deviceA: string;
let deviceB: string;

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 8, minutes)).toISOString();
const cmd = (deviceId: string, visitId: string, payload: object, actedAt = at(0), baseVersion = '0') => ({
  id: randomUUID(),
  deviceId,
  visitId,
  actedAt,
  baseVersion,
  payload,
});
async function send(client: Client, deviceId: string, commands: object[]) {
  const res = await client.post('/api/mobile/commands', { deviceId, commands });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { answers: { id: string; result: string; code: string | null; winner?: unknown }[] }).answers;
}
async function upload(client: Client, bytes: Buffer, type = 'image/png') {
  return t.app.inject({
    method: 'POST',
    url: '/api/mobile/photos',
    headers: { cookie: `cc_session=${client.cookie}`, 'x-csrf-token': client.csrf, 'content-type': type },
    payload: bytes,
  });
}
const visitRow = async (id: string) => (await t.database.db.select().from(s.visits).where(eq(s.visits.id, id)))[0]!;
const serialAt = async (serial: string) =>
  (await t.database.db.select().from(s.stockSerials).where(eq(s.stockSerials.serialNumber, serial)))[0]!;

beforeAll(async () => {
  t = await createTestApp();
  fx = await loadInventoryFixtures(t.database, t.fixtures);
  const inv = createInventoryService({ db: t.database.db });
  const L = fx.locations;
  const serials = ['ZAP-M1', 'ZAP-M2', 'ZAP-M3'];
  await inv.post(SYSTEM_ACTOR, {
    idempotencyKey: 'mobile-receipt',
    documentType: 'purchase_receipt',
    documentRef: 'PAKBON-M',
    moves: serials.map((serialNumber) => ({
      productId: fx.products.charger.id,
      quantity: 1,
      serialNumber,
      fromLocationId: L.supplier.id,
      toLocationId: L.warehouse.id,
    })),
  });
  await inv.post(SYSTEM_ACTOR, {
    idempotencyKey: 'mobile-load',
    documentType: 'load',
    documentRef: 'LAAD-M',
    moves: [
      ...serials.slice(0, 2).map((serialNumber) => ({
        productId: fx.products.charger.id,
        quantity: 1,
        serialNumber,
        fromLocationId: L.warehouse.id,
        toLocationId: L.van1.id,
      })),
      {
        productId: fx.products.charger.id,
        quantity: 1,
        serialNumber: 'ZAP-M3',
        fromLocationId: L.warehouse.id,
        toLocationId: L.van2.id,
      },
    ],
  });
  tech1 = await t.as('tech1@chargecars.nl');
  tech2 = await t.as('tech2@chargecars.nl');
  ops = await t.as('ops@chargecars.nl');
  deviceA = (await tech1.post('/api/mobile/devices', { label: 'Pixel 8' })).json().deviceId;
  deviceB = (await tech1.post('/api/mobile/devices', { label: 'iPhone 15' })).json().deviceId;
});
afterAll(() => t?.close());

describe('registering and syncing a phone', () => {
  it("sends only the team's own visits, with the checklist and the van's stock, and then only what changed", async () => {
    const first = await tech1.get(`/api/mobile/sync?deviceId=${deviceA}`);
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.visits.map((v: { id: string }) => v.id)).toEqual([t.fixtures.v1.id]);
    expect(body.visits[0]).toMatchObject({ customer: { name: expect.any(String) }, lines: expect.any(Array) });
    expect(body.templates.installation.some((i: { key: string }) => i.key === 'earth_resistance_ohm')).toBe(true);
    expect(body.vanStock.map((v: { lot: string }) => v.lot).sort()).toEqual(['ZAP-M1', 'ZAP-M2']);

    const again = (await tech1.get(`/api/mobile/sync?deviceId=${deviceA}&cursor=${body.cursor}`)).json();
    expect(again.visits).toEqual([]);
    expect(again.removed).toEqual([]);
  });

  it("brings a new phone's week with its registration, as a first sync answers it", async () => {
    const registered = await tech1.post('/api/mobile/devices', { label: 'Fairphone 5' });
    expect(registered.statusCode).toBe(201);
    const { deviceId, firstSync } = registered.json();
    const sync = (await tech1.get(`/api/mobile/sync?deviceId=${deviceId}`)).json();
    expect(firstSync).toEqual(sync);
    expect(firstSync.visits.map((v: { id: string }) => v.id)).toEqual([t.fixtures.v1.id]);
    // The app's first page carries the same week before the phone registers.
    expect((await tech1.get('/api/mobile/week')).json()).toEqual(firstSync);
    expect((await ops.get('/api/mobile/week')).statusCode).toBe(403);
  });

  it('writes nothing for a sync that brings nothing new, keeping the last sync to the minute', async () => {
    const device = async () =>
      (await t.database.db.select().from(s.mobileDevices).where(eq(s.mobileDevices.id, deviceA)))[0]!;
    const { lastSyncAt } = await device();
    expect(lastSyncAt).not.toBeNull();
    const cursor = (await tech1.get(`/api/mobile/sync?deviceId=${deviceA}`)).json().cursor;
    await tech1.get(`/api/mobile/sync?deviceId=${deviceA}&cursor=${cursor}`);
    expect((await device()).lastSyncAt).toEqual(lastSyncAt);

    const aWhileAgo = new Date(Date.now() - 2 * 60_000);
    await t.database.db.update(s.mobileDevices).set({ lastSyncAt: aWhileAgo }).where(eq(s.mobileDevices.id, deviceA));
    await tech1.get(`/api/mobile/sync?deviceId=${deviceA}&cursor=${cursor}`);
    expect((await device()).lastSyncAt!.getTime()).toBeGreaterThan(aWhileAgo.getTime() + 60_000);
  });

  it("refuses another technician's device, and a device ops revoked answers 410 so the app wipes", async () => {
    expect((await tech2.get(`/api/mobile/sync?deviceId=${deviceA}`)).statusCode).toBe(404);
    const spare = (await tech1.post('/api/mobile/devices', { label: 'Oude telefoon' })).json().deviceId;
    expect((await ops.post(`/api/mobile/devices/${spare}/revoke`)).statusCode).toBe(200);
    const revoked = await tech1.get(`/api/mobile/sync?deviceId=${spare}`);
    expect(revoked.statusCode).toBe(410);
    expect(revoked.json().code).toBe('device_revoked');
    const batch = await tech1.post('/api/mobile/commands', {
      deviceId: spare,
      commands: [cmd(spare, t.fixtures.v1.id, { kind: 'arrive' })],
    });
    expect(batch.statusCode).toBe(410);
    expect((await tech1.get('/api/mobile/devices')).statusCode).toBe(403);
  });
});

describe('photos', () => {
  it('stores by content, idempotently, and refuses what is not an image or too large', async () => {
    const first = await upload(tech1, PNG);
    expect(first.statusCode, first.body).toBe(201);
    const again = await upload(tech1, PNG);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ sha256: first.json().sha256, created: false });
    expect((await upload(tech1, Buffer.from('hallo, geen foto'), 'application/octet-stream')).statusCode).toBe(415);
    expect((await upload(tech1, Buffer.alloc(11 * 1024 * 1024, 0xff), 'image/jpeg')).statusCode).toBe(413);
    const photos = await t.database.db.select({ sha: s.mobilePhotos.sha256 }).from(s.mobilePhotos);
    expect(photos).toHaveLength(1);
  });
});

describe('working a visit offline and syncing it', () => {
  const v1 = () => t.fixtures.v1.id;

  it('applies a batch in one go, reading the visit again after an arrival and a command repeated in it once', async () => {
    const second = cmd(deviceA, v1(), { kind: 'arrive' }, at(1));
    const first = cmd(deviceA, v1(), { kind: 'arrive' }, at(0));
    const answers = await send(tech1, deviceA, [second, first, second]);
    // The second arrival finds the visit under way (the first started it), so the earliest time counts.
    expect(answers.map((a) => a.result)).toEqual(['applied', 'applied', 'duplicate']);
    const view = (await ops.get(`/api/visits/${v1()}/execution`)).json();
    expect(view.execution.arrivedAt).toBe(at(0));
    const recorded = await t.database.db
      .select()
      .from(s.mobileCommands)
      .where(inArray(s.mobileCommands.id, [first.id, second.id]));
    expect(recorded).toHaveLength(2);
  });

  it('answers two copies of a batch sent at once: one applied, the other duplicate, each issue stored once', async () => {
    const batch = ['access', 'material'].map((category, i) =>
      cmd(deviceA, v1(), { kind: 'issue', category, note: 'Meterkast op slot', photoSha256: null }, at(2 + i)),
    );
    const [a, b] = await Promise.all([send(tech1, deviceA, batch), send(tech1, deviceA, batch)]);
    expect([a!.map((x) => x.result), b!.map((x) => x.result)].sort()).toEqual([
      ['applied', 'applied'],
      ['duplicate', 'duplicate'],
    ]);
    const issues = await t.database.db
      .select()
      .from(s.visitIssueReports)
      .where(
        inArray(
          s.visitIssueReports.commandId,
          batch.map((c) => c.id),
        ),
      );
    expect(issues).toHaveLength(2);
  });

  it('arrives once however often the command is resent', async () => {
    const arrive = cmd(deviceA, v1(), { kind: 'arrive' }, at(1));
    expect((await send(tech1, deviceA, [arrive]))[0]).toMatchObject({ result: 'applied' });
    expect((await send(tech1, deviceA, [arrive]))[0]).toMatchObject({ result: 'duplicate' });
    expect((await visitRow(v1())).status).toBe('in_progress');
    const reused = { ...arrive, actedAt: at(2) };
    expect((await send(tech1, deviceA, [reused]))[0]).toMatchObject({ result: 'rejected', code: 'command_id_reused' });
  });

  it("refuses another team's visit, an unknown step, and a measurement of the wrong kind, changing nothing", async () => {
    const before = await t.database.db.select().from(s.visitChecklistAnswers);
    const answers = await send(tech1, deviceA, [
      cmd(deviceA, t.fixtures.v2.id, { kind: 'answer', field: 'notes', value: 'x' }),
      cmd(deviceA, v1(), { kind: 'answer', field: 'kleur', value: 'rood' }),
      cmd(deviceA, v1(), { kind: 'answer', field: 'earth_resistance_ohm', value: 'laag' }),
    ]);
    expect(answers.map((a) => a.code)).toEqual(['visit_not_found', 'unknown_checkpoint', 'answer_invalid']);
    expect(await t.database.db.select().from(s.visitChecklistAnswers)).toEqual(before);
  });

  it('keeps the later answer of two phones and records the clash for ops', async () => {
    const late = cmd(deviceB, v1(), { kind: 'answer', field: 'earth_resistance_ohm', value: 40 }, at(10));
    const early = cmd(deviceA, v1(), { kind: 'answer', field: 'earth_resistance_ohm', value: 55 }, at(5));
    expect((await send(tech1, deviceB, [late]))[0]!.result).toBe('applied');
    const lost = (await send(tech1, deviceA, [early]))[0]!;
    expect(lost).toMatchObject({ result: 'conflict', winner: { value: 40 } });
    const view = (await ops.get(`/api/visits/${v1()}/execution`)).json();
    expect(view.execution.answers.earth_resistance_ohm.value).toBe(40);
    expect(view.cases).toEqual([
      expect.objectContaining({ kind: 'checklist_conflict', field: 'earth_resistance_ohm' }),
    ]);
  });

  it('moves a part with its serial from the van to the customer, refuses one not in the van, and a second wall', async () => {
    const charger = fx.products.charger.id;
    const answers = await send(tech1, deviceA, [
      cmd(deviceA, v1(), { kind: 'part', productId: charger, quantity: 1, serialNumber: 'ZAP-M1' }),
      cmd(deviceA, v1(), { kind: 'part', productId: charger, quantity: 1, serialNumber: 'ZAP-M3' }),
      cmd(deviceA, v1(), { kind: 'part', productId: charger, quantity: 1, serialNumber: 'ZAP-M1' }),
    ]);
    expect(answers.map((a) => a.code ?? a.result)).toEqual([
      'applied',
      'serial_not_at_location',
      'serial_already_installed',
    ]);
    const installed = await serialAt('ZAP-M1');
    expect(installed).toMatchObject({ locationId: fx.locations.customer.id, visitId: v1() });
    expect((await serialAt('ZAP-M3')).locationId).toBe(fx.locations.van2.id);
    const cases = (await ops.get('/api/mobile/cases')).json();
    expect(cases.some((c: { kind: string; field: string }) => c.kind === 'serial_twice' && c.field === 'ZAP-M1')).toBe(
      true,
    );
  });

  it('refuses completion until the mandatory checkpoints are in, then completes, reports and mails', async () => {
    const early = await send(tech1, deviceA, [
      cmd(deviceA, v1(), { kind: 'outcome', outcome: 'completed', reason: null }),
    ]);
    expect(early[0]).toMatchObject({ result: 'rejected', code: 'checkpoints_missing' });
    expect((await visitRow(v1())).status).toBe('in_progress');

    const photo = (await upload(tech1, PNG)).json().sha256;
    const signature = (await upload(tech1, PNG2)).json().sha256;
    const work = [
      { kind: 'answer', field: 'power_off_checked', value: true },
      { kind: 'answer', field: 'cable_routed', value: true },
      { kind: 'answer', field: 'rcd_trip_ms', value: 25 },
      { kind: 'answer', field: 'test_charge', value: true },
      { kind: 'photo', sha256: photo, step: 'finished_installation_photo' },
      {
        kind: 'signature',
        signerName: 'Anna de Vries',
        imageSha256: signature,
        strokes: [
          [
            [1, 2, 0],
            [3, 4, 16],
          ],
        ],
      },
      { kind: 'satisfaction', score: 5 },
      { kind: 'outcome', outcome: 'completed', reason: null },
    ].map((p, i) => cmd(deviceA, v1(), p, at(20 + i)));
    // The report is written for the customer, in the language they chose for their messages (issue 16).
    await t.database.db
      .insert(s.messagePreferences)
      .values({ customerId: t.fixtures.c1.id, channels: ['email'], language: 'en' });
    const answers = await send(tech1, deviceA, work);
    expect(answers.map((a) => a.code ?? a.result)).toEqual(work.map(() => 'applied'));
    expect((await visitRow(v1())).status).toBe('completed');
    await t.database.db.delete(s.messagePreferences).where(eq(s.messagePreferences.customerId, t.fixtures.c1.id));

    const report = await ops.get(`/api/visits/${v1()}/installation-report`);
    expect(report.statusCode).toBe(200);
    expect(report.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const words = pdfText(report.rawPayload).join(' ');
    expect(words).toContain(`Installation report ${t.fixtures.v1.number}`);
    expect(words).toContain('Checks and measurements');
    expect(words).toContain('Customer satisfaction: 5 out of 5');
    expect(words).not.toContain('Controles en metingen');
    expect((await tech2.get(`/api/visits/${v1()}/installation-report`)).statusCode).toBe(404);
    const mails = await t.database.db.select().from(s.emailOutbox);
    // The mail that brings the report speaks the customer's language too.
    expect(mails.some((m) => m.subject === `Installation report ${t.fixtures.v1.number}`)).toBe(true);
    const view = (await ops.get(`/api/visits/${v1()}/execution`)).json();
    expect(view).toMatchObject({
      reportAvailable: true,
      execution: { outcome: 'completed', satisfaction: 5, signature: { signerName: 'Anna de Vries' } },
    });
    expect(view.execution.photos).toEqual([{ sha256: photo, step: 'finished_installation_photo' }]);
    expect((await ops.get(`/api/mobile/photos/${photo}`)).statusCode).toBe(200);
    expect((await tech2.get(`/api/mobile/photos/${photo}`)).statusCode).toBe(404);

    // The other phone sees it all on its next sync.
    const synced = (await tech1.get(`/api/mobile/sync?deviceId=${deviceB}`)).json();
    expect(synced.visits[0]).toMatchObject({ status: 'completed', execution: { outcome: 'completed' } });
  });

  it('turns a completion of a visit ops cancelled meanwhile into a case, and sends tombstones for visits that left', async () => {
    const { v2 } = t.fixtures;
    const tech2Device = (await tech2.post('/api/mobile/devices', { label: 'Galaxy' })).json().deviceId;
    const first = (await tech2.get(`/api/mobile/sync?deviceId=${tech2Device}`)).json();
    expect(first.visits.map((v: { id: string }) => v.id)).toEqual([v2.id]);
    await t.database.db.update(s.visits).set({ status: 'cancelled' }).where(eq(s.visits.id, v2.id));
    const answer = await send(tech2, tech2Device, [
      cmd(tech2Device, v2.id, { kind: 'outcome', outcome: 'completed', reason: null }, at(30), first.visits[0].version),
    ]);
    expect(answer[0]).toMatchObject({ result: 'conflict', winner: { status: 'cancelled' } });
    const cases = (await ops.get('/api/mobile/cases')).json();
    expect(
      cases.some((c: { kind: string; visitId: string }) => c.kind === 'status_conflict' && c.visitId === v2.id),
    ).toBe(true);

    // Moved to another team: the phone that held it gets a tombstone.
    await t.database.db
      .update(s.visits)
      .set({ status: 'scheduled', teamId: t.fixtures.team1.id })
      .where(eq(s.visits.id, v2.id));
    const later = (await tech2.get(`/api/mobile/sync?deviceId=${tech2Device}&cursor=${first.cursor}`)).json();
    expect(later.removed).toEqual([v2.id]);
    expect(later.visits).toEqual([]);
  });
});
