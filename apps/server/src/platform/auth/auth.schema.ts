import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { partners } from '../../modules/partners/partners.schema.ts';
import { teams } from '../../modules/planning/planning.schema.ts';
import { customers } from '../../modules/crm/crm.schema.ts';

export const ROLES = ['admin', 'operations', 'planner', 'warehouse', 'technician', 'partner', 'customer'] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    role: text('role', { enum: ROLES }).notNull(),
    partnerId: uuid('partner_id').references(() => partners.id),
    teamId: uuid('team_id').references(() => teams.id),
    customerId: uuid('customer_id').references(() => customers.id),
    locale: text('locale', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_partner_idx').on(t.partnerId),
    // The planning board counts each team's technicians (a user per technician at scale: 56,000 users).
    index('users_team_idx').on(t.teamId),
    index('users_customer_idx').on(t.customerId),
    // The role decides which scope a user has; a scoped role without its scope would see nothing or everything.
    check('users_partner_scope', sql`${t.role} <> 'partner' or ${t.partnerId} is not null`),
    check('users_team_scope', sql`${t.role} <> 'technician' or ${t.teamId} is not null`),
    check('users_customer_scope', sql`${t.role} <> 'customer' or ${t.customerId} is not null`),
  ],
);

/** Server-side sessions: the cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use customer login links; only the SHA-256 of the token is stored. */
export const magicLinks = pgTable('magic_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * Failed logins per key (email, and client address), kept in the database so every instance throttles
 * alike. `lockedUntil` is when the next attempt may come (a short, growing wait; see throttle.ts).
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
