import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import * as s from '../../platform/db/schema.ts';

// What ops and the technician see around the app: a visit's result, the open field cases ops close with
// a note, the phones per technician, and the technician's own quality list.
let t: TestApp;
type Client = Awaited<ReturnType<TestApp['as']>>;
let tech1: Client;
let tech2: Client;
let ops: Client;
let planner: Client;
let phoneA: string;
let phoneB: string;
let phone2: string;

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 8, minutes)).toISOString();
const cmd = (deviceId: string, visitId: string, payload: object, actedAt: string) => ({
  id: randomUUID(),
  deviceId,
  visitId,
  actedAt,
  baseVersion: '0',
  payload,
});
async function send(client: Client, deviceId: string, commands: object[]) {
  const res = await client.post('/api/mobile/commands', { deviceId, commands });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { answers: { result: string }[] }).answers.map((a) => a.result);
}
type OpenCase = { id: string; kind: string; visitId: string; teamName: string | null; customerName: string };
const openCases = async (query = '') => (await ops.get(`/api/mobile/cases${query}`)).json() as OpenCase[];

beforeAll(async () => {
  t = await createTestApp();
  tech1 = await t.as('tech1@chargecars.nl');
  tech2 = await t.as('tech2@chargecars.nl');
  ops = await t.as('ops@chargecars.nl');
  planner = await t.as('planner@chargecars.nl');
  phoneA = (await tech1.post('/api/mobile/devices', { label: 'Pixel 8' })).json().deviceId;
  phoneB = (await tech1.post('/api/mobile/devices', { label: 'iPhone 15' })).json().deviceId;
  phone2 = (await tech2.post('/api/mobile/devices', { label: 'Galaxy' })).json().deviceId;
  const v1 = t.fixtures.v1.id;
  const v2 = t.fixtures.v2.id;
  // Team 1's two phones disagree on the earth resistance; the later one (out of limits) wins.
  expect(
    await send(tech1, phoneA, [
      cmd(phoneA, v1, { kind: 'arrive' }, at(0)),
      cmd(phoneA, v1, { kind: 'answer', field: 'earth_resistance_ohm', value: 200 }, at(10)),
    ]),
  ).toEqual(['applied', 'applied']);
  expect(
    await send(tech1, phoneB, [cmd(phoneB, v1, { kind: 'answer', field: 'earth_resistance_ohm', value: 40 }, at(5))]),
  ).toEqual(['conflict']);
  // Team 2 leaves its visit partial: a follow-up case for ops.
  expect(
    await send(tech2, phone2, [
      cmd(phone2, v2, { kind: 'arrive' }, at(0)),
      cmd(phone2, v2, { kind: 'outcome', outcome: 'partial', reason: 'Meterkast te klein' }, at(30)),
    ]),
  ).toEqual(['applied', 'applied']);
});
afterAll(() => t?.close());

describe("a visit's result for ops", () => {
  it('names the visit, its order and customer, and the checklist it is held to', async () => {
    const res = await planner.get(`/api/visits/${t.fixtures.v1.id}/execution`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.visit).toMatchObject({
      number: t.fixtures.v1.number,
      type: 'installation',
      teamName: expect.any(String),
    });
    expect(view.visit.orderId).toBe(t.fixtures.v1.orderId);
    expect(view.checklist.find((i: { key: string }) => i.key === 'earth_resistance_ohm')).toMatchObject({
      mandatory: true,
      max: 166,
    });
    expect(view.execution.answers.earth_resistance_ohm.value).toBe(200);
    expect(view.cases).toEqual([expect.objectContaining({ kind: 'checklist_conflict', resolvedAt: null })]);
    // Steps carry their English label; a case names its step as people read it, not by its key (issue 16).
    expect(view.checklist.find((i: { key: string }) => i.key === 'earth_resistance_ohm')).toMatchObject({
      label: 'Aardverspreidingsweerstand',
      labelEn: 'Earth electrode resistance',
    });
    expect(view.cases[0].fieldLabel).toEqual({
      nl: 'Aardverspreidingsweerstand',
      en: 'Earth electrode resistance',
      unit: 'Ω',
    });
  });

  it("is not shown to another team's technician", async () => {
    expect((await tech2.get(`/api/visits/${t.fixtures.v1.id}/execution`)).statusCode).toBe(404);
  });
});

describe('field cases', () => {
  it('lists the open ones with day, team and customer, filtered by kind and by team', async () => {
    const all = await openCases();
    expect(all.map((c) => c.kind).sort()).toEqual(['checklist_conflict', 'outcome_follow_up']);
    expect(all.every((c) => c.customerName && c.teamName)).toBe(true);
    expect(all.find((c) => c.kind === 'outcome_follow_up')).toMatchObject({ field: 'outcome', fieldLabel: null });
    expect((await openCases('?kind=outcome_follow_up')).map((c) => c.visitId)).toEqual([t.fixtures.v2.id]);
    expect((await openCases(`?teamId=${t.fixtures.team1.id}`)).map((c) => c.kind)).toEqual(['checklist_conflict']);
    expect((await ops.get('/api/mobile/cases?kind=lost')).statusCode).toBe(400);
    expect((await tech1.get('/api/mobile/cases')).statusCode).toBe(403);
  });

  it('is closed with a note: it leaves the list, stays on the visit, and the audit says who', async () => {
    const [follow] = await openCases('?kind=outcome_follow_up');
    expect((await ops.post(`/api/mobile/cases/${follow!.id}/resolve`, { note: '  ' })).statusCode).toBe(400);
    expect((await tech2.post(`/api/mobile/cases/${follow!.id}/resolve`, { note: 'zelf' })).statusCode).toBe(403);
    const res = await ops.post(`/api/mobile/cases/${follow!.id}/resolve`, { note: 'Opnieuw ingepland op vrijdag' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await openCases()).map((c) => c.id)).not.toContain(follow!.id);
    const view = (await ops.get(`/api/visits/${t.fixtures.v2.id}/execution`)).json();
    expect(view.cases[0]).toMatchObject({
      resolutionNote: 'Opnieuw ingepland op vrijdag',
      resolvedAt: expect.any(String),
    });
    const audit = await t.database.db
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.action, 'field_case.resolved'), eq(s.auditLog.subjectId, follow!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ note: 'Opnieuw ingepland op vrijdag' });

    const twice = await ops.post(`/api/mobile/cases/${follow!.id}/resolve`, { note: 'nog eens' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('case_resolved');
    expect((await ops.post(`/api/mobile/cases/${randomUUID()}/resolve`, { note: 'x' })).statusCode).toBe(404);
  });
});

describe('phones per technician', () => {
  it("names each phone's technician and team", async () => {
    const devices = (await ops.get('/api/mobile/devices')).json() as {
      id: string;
      userName: string;
      teamName: string;
    }[];
    expect(devices.find((d) => d.id === phone2)).toMatchObject({
      userName: 'Tess Technicus',
      teamName: t.fixtures.team2.name,
    });
  });
});

describe("the technician's quality list", () => {
  it("holds the team's open cases, unfinished visits and failed checkpoints, and nothing of another team", async () => {
    const mine = (await tech1.get('/api/mobile/quality')).json().items as {
      kind: string;
      visitId: string;
      checkpoint: unknown;
    }[];
    expect(mine.map((i) => i.kind).sort()).toEqual(['failed_checkpoint', 'open_case']);
    expect(mine.every((i) => i.visitId === t.fixtures.v1.id)).toBe(true);
    expect(mine.find((i) => i.kind === 'failed_checkpoint')!.checkpoint).toMatchObject({
      value: 200,
      max: 166,
      unit: 'Ω',
    });

    // Team 2's case was closed by ops; the partial visit itself stays until it is planned again.
    const theirs = (await tech2.get('/api/mobile/quality')).json().items as {
      kind: string;
      outcome: string;
      reason: string;
    }[];
    expect(theirs).toEqual([
      expect.objectContaining({ kind: 'unfinished_visit', outcome: 'partial', reason: 'Meterkast te klein' }),
    ]);
    expect((await ops.get('/api/mobile/quality')).statusCode).toBe(403);
  });
});
