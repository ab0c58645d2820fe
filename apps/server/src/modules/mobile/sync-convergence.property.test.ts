import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, like } from 'drizzle-orm';
import type { CommandPayload, MobileCommand, SyncAnswer } from '@chargecars/contract';
import type { z } from 'zod';
import { createTestDatabase } from '../../test/test-database.ts';
import { loadFixtures } from '../../test/fixtures.ts';
import { addVisits, loadInventoryFixtures } from '../../test/inventory-fixtures.ts';
import * as s from '../../platform/db/schema.ts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/http/actor.ts';
import { createInventoryService } from '../inventory/index.ts';
import { createMobileService, type MobileService } from './index.ts';
import { CHECKLIST_TEMPLATES } from './checklist-templates.ts';

/**
 * Five phones of one team work the same visits with random offline periods, resends, reordered
 * batches, lost answers and ops cancelling visits in between. Afterwards nothing is lost or applied
 * twice, every phone holds what the server holds, and the server holds what a plain reference model
 * computes from the same commands in the order they first arrived. In-process against the service
 * functions on one embedded database. The size (5 x 200 x 50) runs with MOBILE_PROPERTY_FULL=1
 * (tens of minutes on a shared 2-core machine); by default 5 x 30 x 4.
 */
const FULL = process.env.MOBILE_PROPERTY_FULL === '1';
const SEEDS = FULL ? 50 : 4;
const PER_DEVICE = FULL ? 200 : 30;
const DEVICES = 5;
const VISITS = 3;

type Db = Awaited<ReturnType<typeof createTestDatabase>>;
let database: Db;
let fixtures: Awaited<ReturnType<typeof loadFixtures>>;
let stock: Awaited<ReturnType<typeof loadInventoryFixtures>>;
let mobile: MobileService;
let tech: Actor;
let photo: string;

/** mulberry32: a small seeded generator, so a failing seed can be run again. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]) => xs[int(xs.length)]!, chance: (p: number) => next() < p };
}

// ---- the reference model: the documented rules, written plainly ----
type Answer = { value: boolean | number | string; at: number; id: string };
type ModelVisit = {
  status: string;
  answers: Map<string, Answer>;
  photoSteps: string[];
  serials: string[];
  signature: Answer | null;
  satisfaction: { value: number; at: number } | null;
  outcome: string | null;
};
const later = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  a.at !== b.at ? a.at > b.at : a.id > b.id;
const MANDATORY = CHECKLIST_TEMPLATES.installation.filter((i) => i.mandatory);

function modelApply(v: ModelVisit, van: Set<string>, c: MobileCommand): 'applied' | 'conflict' | 'rejected' {
  const at = Date.parse(c.actedAt);
  const p = c.payload;
  switch (p.kind) {
    case 'arrive':
      if (v.status === 'scheduled') v.status = 'in_progress';
      return v.status === 'in_progress' ? 'applied' : 'conflict';
    case 'answer': {
      const now = v.answers.get(p.field);
      if (now && !later({ at, id: c.id }, now)) return 'conflict';
      v.answers.set(p.field, { value: p.value, at, id: c.id });
      return 'applied';
    }
    case 'photo':
      v.photoSteps.push(p.step);
      return 'applied';
    case 'part':
      if (!p.serialNumber || !van.has(p.serialNumber)) return 'rejected';
      van.delete(p.serialNumber);
      v.serials.push(p.serialNumber);
      return 'applied';
    case 'signature':
      if (v.signature && !later({ at, id: c.id }, v.signature)) return 'conflict';
      v.signature = { value: p.signerName, at, id: c.id };
      return 'applied';
    case 'satisfaction':
      if (v.satisfaction && v.satisfaction.at >= at) return 'conflict';
      v.satisfaction = { value: p.score, at };
      return 'applied';
    case 'outcome': {
      if (v.outcome) return 'conflict';
      if (v.status !== 'scheduled' && v.status !== 'in_progress') return 'conflict';
      if (p.outcome === 'completed') {
        const ok = MANDATORY.every((item) => {
          if (item.kind === 'photo') return v.photoSteps.includes(item.key);
          const a = v.answers.get(item.key)?.value;
          if (a === undefined || a === false || a === '') return false;
          return typeof a !== 'number' || ((item.min ?? -Infinity) <= a && a <= (item.max ?? Infinity));
        });
        if (!ok || !v.signature) return 'rejected';
        v.status = 'completed';
      }
      v.outcome = p.outcome;
      return 'applied';
    }
    default:
      return 'rejected';
  }
}

// ---- the random technician ----
function randomPayload(r: ReturnType<typeof rng>, serials: string[]): CommandPayload {
  const k = r.int(100);
  if (k < 8) return { kind: 'arrive' };
  if (k < 50) {
    const item = r.pick(CHECKLIST_TEMPLATES.installation.filter((i) => i.kind !== 'photo'));
    const value =
      item.kind === 'check'
        ? r.chance(0.85)
        : item.kind === 'number'
          ? r.pick([0, 12, 42, 150, 250, 400])
          : r.pick(['a', 'b', 'c']);
    return { kind: 'answer', field: item.key, value };
  }
  if (k < 60) return { kind: 'photo', sha256: photo, step: 'finished_installation_photo' };
  if (k < 72) return { kind: 'part', productId: stock.products.charger.id, quantity: 1, serialNumber: r.pick(serials) };
  if (k < 80) return { kind: 'signature', signerName: r.pick(['A', 'B']), imageSha256: photo, strokes: [[[1, 1, 0]]] };
  if (k < 90) return { kind: 'satisfaction', score: 1 + r.int(5) };
  return { kind: 'outcome', outcome: r.chance(0.8) ? 'completed' : 'partial', reason: null };
}

type Phone = {
  id: string;
  online: boolean;
  queue: MobileCommand[];
  cursor: string | undefined;
  visits: Map<string, z.infer<typeof SyncAnswer>['visits'][number]>;
};

async function pull(phone: Phone) {
  const answer = await mobile.sync(tech, { deviceId: phone.id, cursor: phone.cursor });
  for (const v of answer.visits) phone.visits.set(v.id, v);
  for (const id of answer.removed) phone.visits.delete(id);
  phone.cursor = answer.cursor;
}

beforeAll(async () => {
  database = await createTestDatabase();
  fixtures = await loadFixtures(database);
  stock = await loadInventoryFixtures(database, fixtures);
  mobile = createMobileService({ db: database.db, publicUrl: 'http://localhost' });
  const user = fixtures.users['tech1@chargecars.nl']!;
  tech = {
    userId: user.id,
    role: 'technician',
    name: user.name,
    partnerId: null,
    teamId: fixtures.team1.id,
    customerId: null,
  };
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  photo = (await mobile.storePhoto(tech, png, undefined)).sha256;
}, 120_000);
afterAll(() => database?.drop());

describe('five phones syncing one team’s visits', () => {
  for (let seed = 1; seed <= SEEDS; seed++)
    it(`converges without losing or doubling anything (seed ${seed})`, async () => {
      const r = rng(seed);
      // Fresh visits and serials per seed, so each seed's model starts from a known state.
      const visitIds = await addVisits(database, fixtures, VISITS);
      const inVan = Array.from({ length: 4 }, (_, i) => `S${seed}-${i}-${randomUUID().slice(0, 6)}`);
      await createInventoryService({ db: database.db }).post(SYSTEM_ACTOR, {
        idempotencyKey: `property-${seed}-${randomUUID()}`,
        documentType: 'purchase_receipt',
        documentRef: `PROP-${seed}`,
        moves: inVan.map((serialNumber) => ({
          productId: stock.products.charger.id,
          quantity: 1,
          serialNumber,
          fromLocationId: stock.locations.supplier.id,
          toLocationId: stock.locations.van1.id,
        })),
      });
      const serials = [...inVan, `NIET-IN-BUS-${seed}`];
      const phones: Phone[] = [];
      for (let d = 0; d < DEVICES; d++)
        phones.push({
          id: (await mobile.registerDevice(tech, `telefoon ${d}`)).deviceId,
          online: true,
          queue: [],
          cursor: undefined,
          visits: new Map(),
        });
      for (const phone of phones) await pull(phone);

      const made = new Map<string, MobileCommand>();
      // What the server saw first, in order: commands and ops edits on one timeline, for the model.
      const timeline: ({ command: MobileCommand } | { cancel: string })[] = [];
      const firstSeen = new Set<string>();
      const base = Date.UTC(2026, 0, 1, 8);
      let step = 0;

      const drain = async (phone: Phone, unreliable: boolean) => {
        if (!phone.queue.length) return;
        let batch = phone.queue.slice(0, 20);
        if (unreliable && r.chance(0.3)) batch = [...batch].sort(() => r.next() - 0.5);
        if (unreliable && r.chance(0.2)) batch = [...batch, ...batch.slice(0, 1 + r.int(batch.length))];
        for (const c of batch)
          if (!firstSeen.has(c.id)) {
            firstSeen.add(c.id);
            timeline.push({ command: c });
          }
        const { answers } = await mobile.applyCommands(tech, { deviceId: phone.id, commands: batch });
        expect(answers.map((a) => a.id)).toEqual(batch.map((c) => c.id));
        // A lost answer: the server applied, the phone never heard, and sends again later.
        if (unreliable && r.chance(0.2)) return;
        const answered = new Set(answers.map((a) => a.id));
        phone.queue = phone.queue.filter((c) => !answered.has(c.id));
      };

      let remaining = DEVICES * PER_DEVICE;
      while (remaining > 0) {
        const phone = r.pick(phones);
        const roll = r.int(100);
        if (roll < 60) {
          const visitId = r.pick(visitIds);
          const command: MobileCommand = {
            id: randomUUID(),
            deviceId: phone.id,
            visitId,
            // Phones' clocks and offline periods put acted-at times out of order.
            actedAt: new Date(base + step++ * 1000 + (r.int(20) - 10) * 1000).toISOString(),
            baseVersion: phone.visits.get(visitId)?.version ?? '0',
            payload: randomPayload(r, serials),
          };
          made.set(command.id, command);
          phone.queue.push(command);
          remaining--;
        } else if (roll < 72) phone.online = !phone.online;
        else if (roll < 90 && phone.online) await drain(phone, true);
        else if (roll < 98 && phone.online) await pull(phone);
        else if (roll >= 98) {
          // Ops cancel a visit that is not finished yet.
          const visitId = r.pick(visitIds);
          const [row] = await database.db.select().from(s.visits).where(eq(s.visits.id, visitId));
          if (row!.status === 'scheduled' || row!.status === 'in_progress') {
            await database.db.update(s.visits).set({ status: 'cancelled' }).where(eq(s.visits.id, visitId));
            timeline.push({ cancel: visitId });
          }
        }
      }
      for (const phone of phones) {
        phone.online = true;
        while (phone.queue.length) await drain(phone, false);
      }
      for (const phone of phones) await pull(phone);

      // Nothing lost, nothing twice: every command has exactly one record.
      const records = await database.db
        .select()
        .from(s.mobileCommands)
        .where(inArray(s.mobileCommands.id, [...made.keys()]));
      expect(records).toHaveLength(made.size);

      // The reference model, run over the same timeline.
      const model = new Map<string, ModelVisit>(
        visitIds.map((id) => [
          id,
          {
            status: 'scheduled',
            answers: new Map(),
            photoSteps: [],
            serials: [],
            signature: null,
            satisfaction: null,
            outcome: null,
          },
        ]),
      );
      const van = new Set(inVan);
      const expectedResult = new Map<string, string>();
      for (const event of timeline) {
        if ('cancel' in event) model.get(event.cancel)!.status = 'cancelled';
        else expectedResult.set(event.command.id, modelApply(model.get(event.command.visitId)!, van, event.command));
      }
      expect(new Map(records.map((c) => [c.id, c.result]))).toEqual(expectedResult);

      const server = await mobile.sync(tech, { deviceId: (await mobile.registerDevice(tech, 'controle')).deviceId });
      const postings = await database.db
        .select({ key: s.stockPostings.idempotencyKey })
        .from(s.stockPostings)
        .where(like(s.stockPostings.idempotencyKey, 'mobile:%'));
      const appliedParts = records
        .filter((c) => c.kind === 'part' && c.result === 'applied')
        .map((c) => `mobile:${c.id}`);
      expect(postings.map((p) => p.key).filter((k) => appliedParts.includes(k))).toHaveLength(appliedParts.length);
      const vanNow = new Set(server.vanStock.filter((x) => inVan.includes(x.lot) && x.onHand > 0).map((x) => x.lot));
      expect(vanNow).toEqual(van);

      for (const id of visitIds) {
        const want = model.get(id)!;
        const got = server.visits.find((v) => v.id === id)!;
        expect(got.status).toBe(want.status);
        expect(Object.fromEntries(Object.entries(got.execution.answers).map(([k, a]) => [k, a.value]))).toEqual(
          Object.fromEntries([...want.answers].map(([k, a]) => [k, a.value])),
        );
        expect(got.execution.photos).toHaveLength(want.photoSteps.length);
        expect(got.execution.parts.map((p) => p.serialNumber).sort()).toEqual([...want.serials].sort());
        expect(got.execution.signature?.signerName ?? null).toBe(want.signature?.value ?? null);
        expect(got.execution.satisfaction).toBe(want.satisfaction?.value ?? null);
        expect(got.execution.outcome).toBe(want.outcome);
        // Every phone converged to the server.
        for (const phone of phones) expect(phone.visits.get(id)).toEqual(got);
      }
    }, 600_000);
});
