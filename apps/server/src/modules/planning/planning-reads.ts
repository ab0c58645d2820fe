import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { materialShortages } from '../../read-models/material-availability.ts';
import type { PlanningMemory, PlanningView, QueueFilter } from './planning-memory.ts';
import {
  planningTeams,
  unplannedVisits,
  visitCard,
  type WorldTeam,
  type WorldVisit,
} from '../../read-models/planning-world.ts';
import { regions } from './planning.schema.ts';
import { loadSlotWorld, slotWorldOf, type SlotWorld } from './slot-feasibility.ts';

/**
 * What the board, the drop check and the options read, from the planning memory or from the database:
 * the same answers either way (the memory test holds them to each other).
 */
export type PlanningReads = {
  slotWorld(from: string, to: string, teamIds?: string[]): Promise<SlotWorld>;
  teams(): Promise<WorldTeam[]>;
  regionPc2(code: string): Promise<string[] | undefined>;
  queue(filter: QueueFilter, limit: number): Promise<WorldVisit[]>;
  shortages(from: string, to: string, queued: string[]): Promise<Map<string, string[]>>;
  visit(id: string): Promise<WorldVisit | undefined>;
};

export type PlanningDeps = { db: DbOrTx; memory?: PlanningMemory | undefined };

export const databaseReads = (db: DbOrTx): PlanningReads => ({
  slotWorld: (from, to, teamIds) => loadSlotWorld(db, from, to, teamIds),
  teams: () => planningTeams(db),
  regionPc2: async (code) =>
    (await db.select({ pc2: regions.pc2 }).from(regions).where(eq(regions.code, code)))[0]?.pc2,
  queue: (filter, limit) => unplannedVisits(db, filter, limit),
  shortages: (from, to, queued) => materialShortages(db, { from, to, queued }),
  visit: (id) => visitCard(db, id),
});

/** The memory's answers; a visit it does not hold (done before its first day) comes from the database. */
const memoryReads = (view: PlanningView, db: DbOrTx): PlanningReads => ({
  slotWorld: async (from, to, teamIds) =>
    slotWorldOf(view.teams(teamIds), view.absences(from, to, teamIds), view.planned(from, to, teamIds)),
  teams: async () => view.teams(),
  regionPc2: async (code) => view.regionPc2(code),
  queue: async (filter, limit) => view.queue(filter, limit),
  shortages: async (from, to, queued) => view.shortages(from, to, queued),
  visit: async (id) => view.visit(id) ?? (await visitCard(db, id)),
});

/** The memory, brought up to date now, when it holds the days from `from` on; else the database. */
export async function readsFrom(deps: PlanningDeps, from: string): Promise<PlanningReads> {
  if (!deps.memory) return databaseReads(deps.db);
  const view = await deps.memory.current();
  return from >= view.since ? memoryReads(view, deps.db) : databaseReads(deps.db);
}
