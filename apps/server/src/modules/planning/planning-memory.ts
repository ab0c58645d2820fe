import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { addDaysToDate, monthBounds, todayInAmsterdam } from '../../platform/calendar.ts';
import { visits } from './planning.schema.ts';
import {
  absencesBetween,
  memoryVisits,
  planningTeams,
  regionPostcodes,
  type MemoryVisit,
  type WorldAbsence,
  type WorldTeam,
  type WorldVisit,
} from '../../read-models/planning-world.ts';
import {
  freeAtWarehouse,
  handOutStock,
  heldByVisits,
  openReceipts,
  shortagesByVisit,
  type ExpectedReceipt,
  type HeldUnits,
  type WarehouseStock,
} from '../../read-models/material-availability.ts';
import {
  HOLDING_VISIT_STATUSES,
  visitMaterials,
  visitMaterialsWhere,
  type VisitMaterial,
} from '../../read-models/visit-materials.ts';
import { changesSince, type Change, type ChangeKind, type Snapshot } from './planning-changes.ts';

/**
 * The planning memory: what the board, the drop check and the options read (teams, absences, the visits
 * from the first day of last month on and every visit waiting in the queue, with their cards, materials,
 * reservations, free stock and expected receipts), held by each server instance and brought up to date
 * before every read.
 *
 * Never stale: every read first asks the database, in one statement, for its snapshot now and for the
 * rows of `planning_changes` (written by triggers in every writing transaction) that the memory's own
 * snapshot did not see, and reads those visits, teams or products again. A change committed through any
 * instance, module or script before the read began is therefore in the answer, as it would be for a
 * query. When something changed, the changes and what they name are read in one repeatable-read
 * transaction, so the memory is always the database as it was at one moment. See docs/planning-board.md.
 */
export type PlanningMemory = {
  /** The memory with everything committed before this call: read it without awaiting in between. */
  current(): Promise<PlanningView>;
  /** A full read, as at start: for tests that compare it with what the changes made of the memory. */
  rebuilt(): Promise<PlanningView>;
  close(): void;
};

export type QueueFilter = {
  pc2?: string[] | undefined;
  type?: string | undefined;
  minAgeDays?: number | undefined;
  priority?: number | undefined;
};

export type PlanningView = {
  /** The first day whose planned visits the memory holds: a board starting earlier reads the database. */
  since: string;
  teams(ids?: string[]): WorldTeam[];
  regionPc2(code: string): string[] | undefined;
  absences(from: string, to: string, teamIds?: string[]): WorldAbsence[];
  /** The planned (not cancelled) visits of the teams on the days from..to, in the board's order. */
  planned(from: string, to: string, teamIds?: string[]): WorldVisit[];
  visit(id: string): WorldVisit | undefined;
  /** The unplanned visits of orders not cancelled or on hold, filtered: highest priority, then oldest, first. */
  queue(filter: QueueFilter, limit: number): WorldVisit[];
  /** As `materialShortages`: the short parts of the planned visits from..to and of the queued ones named. */
  shortages(from: string, to: string, queued: string[]): Map<string, string[]>;
  /** Everything held, in a stable order: what the rebuild test compares. */
  contents(): unknown;
};

const QUEUED: readonly string[] = ['to_schedule', 'rescheduled'];
const LAST_DAY = '9999-12-31';
/** More changes than this at once (an optimiser's week, a seed): reading everything again is quicker. */
const MANY_CHANGES = 2_000;

/** The visits held: those waiting to be planned, and every other not cancelled from `since` on (alias `v`). */
const keptSql = (v: SQL, since: string) =>
  sql`(${v}.status in ('to_schedule', 'rescheduled') or (${v}.status <> 'cancelled' and ${v}.scheduled_date >= ${since}))`;
const kept = (v: MemoryVisit, since: string) =>
  QUEUED.includes(v.status) || (v.status !== 'cancelled' && v.date !== null && v.date >= since);

/** Ids by the order, customer or address they belong to. */
class Index {
  private readonly map = new Map<string, Set<string>>();
  add(key: string, id: string) {
    const set = this.map.get(key);
    if (set) set.add(id);
    else this.map.set(key, new Set([id]));
  }
  remove(key: string, id: string) {
    const set = this.map.get(key);
    set?.delete(id);
    if (set?.size === 0) this.map.delete(key);
  }
  ids(key: string) {
    return this.map.get(key) ?? new Set<string>();
  }
}

type State = {
  snapshot: Snapshot;
  since: string;
  teams: Map<string, WorldTeam>;
  regions: Map<string, string[]>;
  absences: Map<string, WorldAbsence[]>;
  visits: Map<string, MemoryVisit>;
  byOrder: Index;
  byCustomer: Index;
  byAddress: Index;
  byDate: Index;
  needs: Map<string, VisitMaterial[]>;
  held: HeldUnits;
  stock: Map<string, WarehouseStock>;
  receipts: ExpectedReceipt[];
  /** What the views derived from this state (the queue in its order, a week's visits and warnings), dropped at every change. */
  derived: Map<string, unknown>;
};

const bytewise = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The board's order (as `visitCards`): priority, then the oldest, then the number. */
const cardOrder = (a: MemoryVisit, b: MemoryVisit) =>
  b.priority - a.priority || a.createdAtUs - b.createdAtUs || bytewise(a.number, b.number);
/** The stock hand-out's order (as `stockOutWarnings`): by day, the morning first, then the number. */
const blockRank = (block: WorldVisit['block']) => (block === null ? 0 : block === 'morning' ? 1 : 2);
const dayOrder = (a: MemoryVisit, b: MemoryVisit) =>
  bytewise(a.date!, b.date!) || blockRank(a.block) - blockRank(b.block) || bytewise(a.number, b.number);

function addVisit(state: State, v: MemoryVisit) {
  state.visits.set(v.id, v);
  state.byOrder.add(v.orderId, v.id);
  state.byCustomer.add(v.customerId, v.id);
  state.byAddress.add(v.addressId, v.id);
  if (v.date) state.byDate.add(v.date, v.id);
}
function dropVisit(state: State, id: string) {
  const v = state.visits.get(id);
  if (!v) return;
  state.visits.delete(id);
  state.byOrder.remove(v.orderId, id);
  state.byCustomer.remove(v.customerId, id);
  state.byAddress.remove(v.addressId, id);
  if (v.date) state.byDate.remove(v.date, id);
  state.needs.delete(id);
  state.held.delete(id);
}
const byTeam = (absences: WorldAbsence[]) => {
  const map = new Map<string, WorldAbsence[]>();
  for (const a of absences) map.set(a.teamId, [...(map.get(a.teamId) ?? []), a]);
  return map;
};

/** Everything, read at `snapshot` or later. */
async function loadAll(db: DbOrTx, snapshot: Snapshot): Promise<State> {
  const today = todayInAmsterdam();
  const since = monthBounds(addDaysToDate(monthBounds(today.slice(0, 7)).from, -1).slice(0, 7)).from;
  // One after another: they share the transaction's connection.
  const teams = await planningTeams(db);
  const regions = await regionPostcodes(db);
  const absences = await absencesBetween(db, since, LAST_DAY);
  const rows = await memoryVisits(db, keptSql(sql.raw('"visits"'), since));
  const needs = await visitMaterialsWhere(db, keptSql(sql.raw('v'), since));
  const held = await heldByVisits(db, keptSql(sql.raw('v'), since));
  const stock = await freeAtWarehouse(db);
  const receipts = await openReceipts(db);
  const state: State = {
    snapshot,
    since,
    teams: new Map(teams.map((t) => [t.id, t])),
    regions: new Map(regions.map((r) => [r.code, r.pc2])),
    absences: byTeam(absences),
    visits: new Map(),
    byOrder: new Index(),
    byCustomer: new Index(),
    byAddress: new Index(),
    byDate: new Index(),
    needs,
    held,
    stock,
    receipts,
    derived: new Map(),
  };
  for (const v of rows) addVisit(state, v);
  return state;
}

/** Reads what the changes name and applies it at once (no await in between), so no reader sees half of it. */
async function applyChanges(db: DbOrTx, state: State, changes: Change[], now: Snapshot) {
  const keys = (kind: ChangeKind) => new Set(changes.filter((c) => c.kind === kind).map((c) => c.key));
  const whole = (kind: ChangeKind) => changes.some((c) => c.kind === kind);
  const orderKeys = keys('order');
  const visitIds = new Set(keys('visit'));
  for (const o of orderKeys) for (const id of state.byOrder.ids(o)) visitIds.add(id);
  for (const c of keys('customer')) for (const id of state.byCustomer.ids(c)) visitIds.add(id);
  for (const a of keys('address')) for (const id of state.byAddress.ids(a)) visitIds.add(id);
  // Read whatever their state now, so that a visit leaving the memory still names its order.
  const rows = visitIds.size ? await memoryVisits(db, inArray(visits.id, [...visitIds])) : [];
  const arriving = rows.filter((v) => kept(v, state.since));
  // An order's materials go with its first visit that is not a survey: a change to any visit of the order, or
  // to its lines or stage, may move them.
  const orders = new Set(orderKeys);
  for (const id of visitIds) if (state.visits.has(id)) orders.add(state.visits.get(id)!.orderId);
  for (const v of rows) orders.add(v.orderId);
  const needIds = new Set(arriving.filter((v) => orders.has(v.orderId)).map((v) => v.id));
  for (const o of orders) for (const id of state.byOrder.ids(o)) if (!visitIds.has(id)) needIds.add(id);
  const catalog = whole('catalog');
  const heldIds = new Set([...keys('held'), ...arriving.map((v) => v.id)]);
  const allTeams = whole('teams');
  const teamIds = [...keys('team')];
  const stockIds = [...keys('stock')];
  const needs = catalog
    ? await visitMaterialsWhere(db, keptSql(sql.raw('v'), state.since))
    : await visitMaterials(db, [...needIds]);
  const held = await heldByVisits(db, [...heldIds]);
  const teams = allTeams ? await planningTeams(db) : await planningTeams(db, teamIds);
  const absences = await absencesBetween(db, state.since, LAST_DAY, allTeams ? undefined : teamIds);
  const regions = allTeams ? await regionPostcodes(db) : null;
  const stock =
    catalog || whole('stock_all')
      ? await freeAtWarehouse(db)
      : stockIds.length
        ? await freeAtWarehouse(db, stockIds)
        : null;
  const receipts = whole('receipts') ? await openReceipts(db) : null;

  for (const id of visitIds) dropVisit(state, id);
  for (const v of arriving) addVisit(state, v);
  if (catalog) state.needs = needs;
  else for (const [id, list] of needs) if (state.visits.has(id)) state.needs.set(id, list);
  for (const id of heldIds) {
    const of = held.get(id);
    if (of && state.visits.has(id)) state.held.set(id, of);
    else state.held.delete(id);
  }
  if (allTeams) {
    state.teams = new Map(teams.map((t) => [t.id, t]));
    state.absences = byTeam(absences);
  } else {
    for (const id of teamIds) {
      state.teams.delete(id);
      state.absences.delete(id);
    }
    for (const t of teams) state.teams.set(t.id, t);
    for (const [id, list] of byTeam(absences)) state.absences.set(id, list);
  }
  if (regions) state.regions = new Map(regions.map((r) => [r.code, r.pc2]));
  if (stock && (catalog || whole('stock_all'))) state.stock = stock;
  else if (stock) for (const [id, s] of stock) state.stock.set(id, s);
  if (receipts) state.receipts = receipts;
  state.derived.clear();
  state.snapshot = now;
}

function viewOf(state: State): PlanningView {
  /** Worked out once per state: every change clears them. */
  const derived = <T>(key: string, make: () => T): T => {
    // Bounded: a long quiet spell of boards of many weeks must not keep every one.
    if (state.derived.size > 64) state.derived.clear();
    if (!state.derived.has(key)) state.derived.set(key, make());
    return state.derived.get(key) as T;
  };
  const queued = () =>
    derived('queue', () =>
      [...state.visits.values()]
        .filter((v) => QUEUED.includes(v.status) && v.orderStage !== 'cancelled' && v.orderStage !== 'on_hold')
        .sort(cardOrder),
    );
  /** The visits on the days from..to (a board's week or month: its days, not every visit held). */
  const onDays = (from: string, to: string) => {
    const found: MemoryVisit[] = [];
    for (let day = from; day <= to; day = addDaysToDate(day, 1))
      for (const id of state.byDate.ids(day)) found.push(state.visits.get(id)!);
    return found;
  };
  return {
    since: state.since,
    teams: (ids) =>
      (ids ? ids.flatMap((id) => state.teams.get(id) ?? []) : [...state.teams.values()]).sort((a, b) =>
        bytewise(a.code, b.code),
      ),
    regionPc2: (code) => state.regions.get(code),
    absences: (from, to, teamIds) =>
      (teamIds ? teamIds.flatMap((id) => state.absences.get(id) ?? []) : [...state.absences.values()].flat())
        .filter((a) => a.dateFrom <= to && a.dateTo >= from)
        .sort((a, b) => bytewise(a.dateFrom, b.dateFrom) || bytewise(a.id, b.id)),
    planned: (from, to, teamIds) => {
      const teams = teamIds && new Set(teamIds);
      const all = derived(`planned ${from} ${to}`, () =>
        onDays(from, to)
          .filter((v) => v.status !== 'cancelled' && v.teamId !== null)
          .sort(cardOrder),
      );
      return teams ? all.filter((v) => teams.has(v.teamId!)) : all;
    },
    visit: (id) => state.visits.get(id),
    queue: (filter, limit) => {
      const pc2 = filter.pc2 && new Set(filter.pc2);
      const bornBefore = filter.minAgeDays === undefined ? null : (Date.now() - filter.minAgeDays * 86_400_000) * 1000;
      const found: WorldVisit[] = [];
      for (const v of queued()) {
        if (found.length >= limit) break;
        if (pc2 && !pc2.has(v.postcode.slice(0, 2))) continue;
        if (filter.type && v.type !== filter.type) continue;
        if (bornBefore !== null && v.createdAtUs > bornBefore) continue;
        if (filter.priority !== undefined && v.priority < filter.priority) continue;
        found.push(v);
      }
      return found;
    },
    shortages: (from, to, queuedIds) => {
      const warnings = derived(`warnings ${from} ${to}`, () => {
        const planned = onDays(from, to)
          .filter((v) => (HOLDING_VISIT_STATUSES as readonly string[]).includes(v.status))
          .sort(dayOrder);
        const products = new Set(planned.flatMap((v) => (state.needs.get(v.id) ?? []).map((m) => m.productId)));
        if (!products.size) return [];
        return handOutStock(
          planned.map((v) => ({ id: v.id, number: v.number, date: v.date!, teamId: v.teamId })),
          state.needs,
          state.held,
          state.stock,
          state.receipts.filter((r) => products.has(r.productId) && r.expectedOn <= to),
        );
      });
      return shortagesByVisit(warnings, new Map(queuedIds.map((id) => [id, state.needs.get(id) ?? []])), state.stock);
    },
    contents: () => {
      const sorted = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => bytewise(a, b));
      return {
        since: state.since,
        teams: sorted(state.teams),
        regions: sorted(state.regions),
        absences: sorted(state.absences),
        visits: sorted(state.visits),
        needs: sorted(state.needs).filter(([, list]) => list.length),
        held: sorted(state.held).map(([id, of]) => [id, sorted(of)]),
        stock: sorted(state.stock),
        receipts: state.receipts,
      };
    },
  };
}

/** How often a memory in use catches up while nobody asks: it stays small to apply, and inside the pruned log. */
const KEEP_UP_MS = 60_000;

export function createPlanningMemory(db: Db, opts: { onError?: (err: unknown) => void } = {}): PlanningMemory {
  let state: State | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  // Tickets: a read is served by a check that began after the read was asked for.
  let asked = 0;
  let served = 0;
  let running: Promise<void> | null = null;
  async function refresh() {
    const upTo = asked;
    const quick = state && (await changesSince(db, state.snapshot));
    if (state && quick && !quick.stale && !quick.changes.length) state.snapshot = quick.now;
    // What changed is read in one snapshot, the one the changes were asked in: the memory is always the
    // database as it was at one moment, never half of a change.
    else
      await db.transaction(
        async (tx) => {
          const { now, changes, stale } = await changesSince(tx, state?.snapshot ?? null);
          if (!state || stale || changes.length > MANY_CHANGES || changes.some((c) => c.kind === 'all'))
            state = await loadAll(tx, now);
          else await applyChanges(tx, state, changes, now);
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    served = upTo;
    if (!closed) timer ??= setInterval(() => memory.current().catch((err) => opts.onError?.(err)), KEEP_UP_MS).unref();
  }
  const memory: PlanningMemory = {
    async current() {
      const ticket = ++asked;
      while (served < ticket) {
        running ??= refresh().finally(() => {
          running = null;
        });
        await running;
      }
      return viewOf(state!);
    },
    async rebuilt() {
      return db.transaction(async (tx) => viewOf(await loadAll(tx, (await changesSince(tx, null)).now)), {
        isolationLevel: 'repeatable read',
        accessMode: 'read only',
      });
    },
    close() {
      closed = true;
      if (timer) clearInterval(timer);
    },
  };
  return memory;
}
