import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions, teams } from './planning.schema.ts';
import type { StoredProposal } from './optimiser/stored-proposal.ts';

export const PROPOSAL_KINDS = ['optimise', 'repair'] as const;
export const PROPOSAL_STATUSES = ['queued', 'running', 'ready', 'failed', 'applied'] as const;

/**
 * A plan the optimiser proposes for a horizon (or a repair after an absence), made in the background.
 * `fingerprint` is the hash of the input it was computed from: applying it on changed data is refused.
 */
export const planningProposals = pgTable(
  'planning_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: PROPOSAL_KINDS }).notNull(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('queued'),
    dateFrom: date('date_from').notNull(),
    dateTo: date('date_to').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    absentTeamId: uuid('absent_team_id').references(() => teams.id, { onDelete: 'cascade' }),
    absentDate: date('absent_date'),
    requestedBy: uuid('requested_by'),
    fingerprint: text('fingerprint'),
    progress: jsonb('progress').$type<{
      elapsedMs: number;
      budgetMs: number;
      iterations: number;
      unassigned: number;
    }>(),
    error: text('error'),
    result: jsonb('result').$type<StoredProposal>(),
    appliedTeamIds: uuid('applied_team_ids').array().notNull().default(sql`'{}'::uuid[]`),
    // A running proposal's lease: another instance takes it over when this is old (its runner died).
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('planning_proposals_status_idx').on(t.status, t.createdAt)],
);
