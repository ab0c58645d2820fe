import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['as']>>;
let warehouse: Client;
const today = todayInAmsterdam();
type Readiness = {
  requirements: { installationType: string; toolType: string; quantity: number }[];
  toolTypes: string[];
  teams: {
    team: { name: string };
    types: {
      installationType: string;
      ready: boolean;
      missing: { toolType: string; needed: number; usable: number; overdue: number }[];
    }[];
  }[];
};

beforeAll(async () => {
  t = await createTestApp();
  await loadInventoryFixtures(t.database, t.fixtures);
  warehouse = await t.as('magazijn@chargecars.nl');
  const { team1, team2 } = t.fixtures;
  for (const tool of [
    { type: 'Installatietester', teamId: team1.id, inspectionDueOn: addDaysToDate(today, 30) },
    // Team 1 holds a torque wrench, but its calibration ran out yesterday: it may not use it.
    { type: 'Momentsleutel', teamId: team1.id, calibrationDueOn: addDaysToDate(today, -1) },
    { type: 'Installatietester', teamId: team2.id, inspectionDueOn: today },
    { type: 'Momentsleutel', teamId: team2.id },
    { type: 'Afstandsmeter laser' },
  ])
    expect((await warehouse.post('/api/inventory/tools', tool)).statusCode).toBe(201);
  for (const need of [
    { installationType: 'installation', toolType: 'Installatietester', quantity: 1 },
    { installationType: 'installation', toolType: 'Momentsleutel', quantity: 1 },
    { installationType: 'meter_replacement', toolType: 'Installatietester', quantity: 1 },
    { installationType: 'survey', toolType: 'Afstandsmeter laser', quantity: 1 },
  ])
    expect((await warehouse.put('/api/inventory/tool-requirements', need)).statusCode).toBe(200);
});
afterAll(() => t?.close());

const readiness = async () => (await warehouse.get('/api/inventory/tool-readiness')).json() as Readiness;
const typesOf = (r: Readiness, team: string) => r.teams.find((x) => x.team.name === team)!.types;

describe('tools per team and installation type', () => {
  it('shows per team, for the types it is sent on, the tools it lacks; one past its calibration does not count', async () => {
    const r = await readiness();
    expect(r.toolTypes).toEqual(['Afstandsmeter laser', 'Installatietester', 'Momentsleutel']);
    expect(typesOf(r, 'Team Midden')).toEqual([
      {
        installationType: 'survey',
        ready: false,
        missing: [{ toolType: 'Afstandsmeter laser', needed: 1, usable: 0, overdue: 0 }],
      },
      {
        installationType: 'installation',
        ready: false,
        missing: [{ toolType: 'Momentsleutel', needed: 1, usable: 0, overdue: 1 }],
      },
      { installationType: 'meter_replacement', ready: true, missing: [] },
    ]);
    // Team Noord-Holland installs chargers only; a tool due today is still in time.
    expect(typesOf(r, 'Team Noord-Holland')).toEqual([{ installationType: 'installation', ready: true, missing: [] }]);
  });

  it('follows a changed requirement, and takes one off at 0', async () => {
    const more = await warehouse.put('/api/inventory/tool-requirements', {
      installationType: 'installation',
      toolType: 'Installatietester',
      quantity: 2,
    });
    expect(more.json()).toEqual({ installationType: 'installation', toolType: 'Installatietester', quantity: 2 });
    expect(typesOf(await readiness(), 'Team Noord-Holland')[0]!.missing).toEqual([
      { toolType: 'Installatietester', needed: 2, usable: 1, overdue: 0 },
    ]);
    await warehouse.put('/api/inventory/tool-requirements', {
      installationType: 'installation',
      toolType: 'Installatietester',
      quantity: 0,
    });
    const r = await readiness();
    expect(r.requirements.filter((x) => x.installationType === 'installation').map((x) => x.toolType)).toEqual([
      'Momentsleutel',
    ]);
    expect(typesOf(r, 'Team Noord-Holland')[0]!.ready).toBe(true);
  });

  it('refuses a negative quantity and is not for technicians', async () => {
    const bad = await warehouse.put('/api/inventory/tool-requirements', {
      installationType: 'installation',
      toolType: 'Momentsleutel',
      quantity: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect((await (await t.as('tech1@chargecars.nl')).get('/api/inventory/tool-readiness')).statusCode).toBe(403);
  });
});
