import type * as s from '../../apps/server/src/platform/db/schema.ts';
import type { Rng } from '../demo/index.ts';
import type { Reference } from './generate-reference.ts';
import type { DemoOrder } from './generate-sales.ts';
import { addDays, localDate, pad, uuidFrom, type Counts } from './seed-context.ts';
import { judgeSlot, type SlotWorld } from '../../apps/server/src/modules/planning/slot-feasibility.ts';
import type { WorldVisit } from '../../apps/server/src/read-models/planning-world.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
export type DemoVisit = Insert<typeof s.visits> & { id: string; order: DemoOrder };

const DONE = new Set(['completed', 'invoiced', 'closed']);
const UPCOMING = new Set(['scheduled', 'in_progress']);
const CHECKLIST = [
  'Meterkast gecontroleerd',
  'Kabel getrokken',
  'Laadpaal gemonteerd',
  'Aardlek getest',
  'Laadtest uitgevoerd',
  'Klant uitleg gegeven',
];

/**
 * Exactly `counts.visits` visits (93.2% of orders at scale 1): done orders have visits in the past,
 * scheduled orders get slots from today on within each team's daily capacity.
 */
/** A few absences from next week on: a holiday, an illness, a training day (the board shows them). */
export function generateAbsences(rng: Rng, ref: Reference, now: Date): Insert<typeof s.teamAbsences>[] {
  const kinds = [
    ['holiday', 4, 'Zomervakantie'],
    ['illness', 1, null],
    ['training', 0, 'Training laadpleinen'],
  ] as const;
  return kinds.map(([kind, length, note], i) => {
    const from = addDays(now, 7 + rng.int(0, 14));
    return {
      id: uuidFrom(rng),
      teamId: ref.teams[(i * 2) % ref.teams.length]!.id,
      dateFrom: localDate(from),
      dateTo: localDate(addDays(from, length)),
      kind,
      note,
    };
  });
}

export function generateVisits(
  rng: Rng,
  counts: Counts,
  ref: Reference,
  orders: DemoOrder[],
  now: Date,
  absences: Insert<typeof s.teamAbsences>[] = [],
) {
  const teamsByRegion = new Map<string, Reference['teams']>();
  for (const t of ref.teams) teamsByRegion.set(t.regionCode, [...(teamsByRegion.get(t.regionCode) ?? []), t]);
  const teamFor = (region: string) => {
    const serving = teamsByRegion.get(region);
    if (!serving) throw new Error(`no team serves region ${region}`);
    return rng.pick(serving);
  };

  type Candidate = { order: DemoOrder; type: (typeof s.VISIT_TYPES)[number]; primary: boolean; duration: number };
  const candidates: Candidate[] = [];
  for (const o of orders) {
    if (o.entityId === 'zaptecshop' || o.entityId === 'ratioshop' || o.stage === 'cancelled') continue;
    const labour = o.lines.reduce((a, l) => a + l.labourMinutes, 0);
    // A visit fits one day part (the afternoon is five hours, travel included).
    const duration = Math.min(240, Math.max(60, Math.round(labour / 30) * 30));
    candidates.push({
      order: o,
      type: o.entityId === 'meterkastthuis' ? 'meter_replacement' : 'installation',
      primary: true,
      duration,
    });
    if (o.entityId !== 'meterkastthuis' && rng.chance(0.12))
      candidates.push({ order: o, type: 'survey', primary: false, duration: 60 });
  }
  // Primary visits first (an order never has only its survey), and of those first the orders whose stage
  // says a visit was planned or done: an order left without one is new, waiting for materials or on hold,
  // as the lifecycle rules allow (ops add its visit from the order page).
  const needsVisit = (c: Candidate) => DONE.has(c.order.stage) || UPCOMING.has(c.order.stage);
  const primaries = candidates.filter((c) => c.primary);
  const chosen = [
    ...primaries.filter(needsVisit),
    ...primaries.filter((c) => !needsVisit(c)),
    ...candidates.filter((c) => !c.primary),
  ].slice(0, counts.visits);

  // Future slots: the first day and block the product's own check accepts (slot-feasibility.ts), so the
  // demo plan is within every team's day and block capacity, working days and absences.
  const pc2Of = new Map(ref.regions.map((r) => [r.code, r.pc2]));
  const world: SlotWorld = {
    teams: new Map(
      ref.teams.map((t) => [
        t.id,
        {
          id: t.id,
          code: t.code,
          name: t.name,
          homeBaseLabel: t.homeBaseLabel,
          lat: t.lat,
          lon: t.lon,
          maxVisitsPerDay: t.maxVisitsPerDay ?? 3,
          skills: t.skills ?? [],
          workingDays: t.workingDays ?? [1, 2, 3, 4, 5],
          regions: [t.regionCode],
          pc2: pc2Of.get(t.regionCode) ?? [],
          members: 2,
        },
      ]),
    ),
    absences: absences.map((a) => ({ ...a, id: a.id!, note: a.note ?? null })),
    planned: new Map(),
    today: localDate(now),
  };
  const nextSlot = (stop: WorldVisit, teamId: string, from: Date) => {
    for (let d = 0; d < 400; d++) {
      const date = localDate(addDays(from, d));
      for (const block of ['morning', 'afternoon'] as const) {
        if (!judgeSlot(world, { ...stop, links: [] }, { teamId, date, block }).ok) continue;
        const key = `${teamId}|${date}`;
        world.planned.set(key, [...(world.planned.get(key) ?? []), { ...stop, teamId, date, block }]);
        return { date, block };
      }
    }
    throw new Error('no capacity in 400 days');
  };
  const stopOf = (c: Candidate, id: string): WorldVisit => ({
    id,
    number: id,
    orderId: c.order.id,
    orderNumber: '',
    type: c.type,
    status: 'to_schedule',
    priority: 0,
    teamId: null,
    date: null,
    block: null,
    durationMinutes: c.duration,
    requiredSkills: [],
    windowStart: null,
    windowEnd: null,
    confirmed: false,
    lockVersion: 0,
    afterVisitId: null,
    customerName: '',
    postcode: c.order.customer.address.postcode,
    city: '',
    lat: c.order.customer.address.lat,
    lon: c.order.customer.address.lon,
    createdAt: '',
  });

  const visits: DemoVisit[] = [];
  chosen.sort((a, b) => a.order.createdAt.getTime() - b.order.createdAt.getTime());
  for (const c of chosen) {
    const o = c.order;
    const team = teamFor(o.customer.region);
    const base = {
      id: uuidFrom(rng),
      number: '',
      orderId: o.id,
      entityId: o.entityId,
      customerId: o.customerId,
      addressId: o.customer.address.id,
      type: c.type,
      durationMinutes: c.duration,
      order: o,
      createdAt: o.createdAt,
    };
    if (DONE.has(o.stage)) {
      const day = addDays(o.completedAt!, c.primary ? 0 : -rng.int(3, 8));
      // A completed order has all its visits done (order-lifecycle.ts): a partly done visit got its follow-up.
      const drawn = rng.weighted([
        ['completed', 96],
        ['partial', 4],
      ] as const);
      const outcome = 'completed' as const;
      visits.push({
        ...base,
        status: outcome,
        teamId: team.id,
        scheduledDate: localDate(day),
        block: rng.chance(0.5) ? 'morning' : 'afternoon',
        completedAt: day,
        result: {
          checklist: CHECKLIST.map((item) => ({ item, done: true })),
          issues: drawn === 'partial' ? ['Extra groep nodig, vervolgafspraak gemaakt en uitgevoerd'] : [],
          satisfaction: rng.weighted([
            [5, 60],
            [4, 30],
            [3, 8],
            [2, 2],
          ] as const),
        },
      });
    } else if (UPCOMING.has(o.stage)) {
      // An order in progress has a visit the technician started: today's, on its primary visit.
      const started = o.stage === 'in_progress' && c.primary;
      // Started today, or the first slot from tomorrow on (today's started visits already take today).
      const slot = started
        ? { date: localDate(now), block: 'morning' as const }
        : nextSlot(stopOf(c, base.id), team.id, addDays(now, 1));
      if (started) {
        const key = `${team.id}|${localDate(now)}`;
        world.planned.set(key, [
          ...(world.planned.get(key) ?? []),
          { ...stopOf(c, base.id), teamId: team.id, ...slot },
        ]);
      }
      visits.push({
        ...base,
        status: started ? 'in_progress' : 'scheduled',
        // About half of the planned visits are confirmed with the customer (fixed on the board).
        confirmedAt: rng.chance(0.5) ? now : null,
        teamId: team.id,
        scheduledDate: slot.date,
        block: slot.block,
        instructions: rng.chance(0.3)
          ? rng.pick([
              'Hond aanwezig, bel even aan',
              'Parkeren op de oprit',
              'Meterkast in de garage',
              'Klant is na 13:00 thuis',
            ])
          : null,
      });
    } else {
      visits.push({
        ...base,
        status: 'to_schedule',
        priority: rng.weighted([
          [0, 80],
          [1, 15],
          [2, 5],
        ] as const),
      });
    }
  }
  visits.sort((a, b) => (a.scheduledDate ?? '9999').localeCompare(b.scheduledDate ?? '9999'));
  visits.forEach((v, i) => {
    v.number = `BZ-${pad(i + 1, 7)}`;
  });
  return visits;
}

export const visitRows = (visits: DemoVisit[]): Insert<typeof s.visits>[] => visits.map(({ order: _o, ...v }) => v);
