import type { Role } from '../auth/auth.schema.ts';

/** Who is acting: every use case receives this and scopes its queries by it. */
export type Actor = {
  userId: string;
  role: Role;
  name: string;
  partnerId: string | null;
  teamId: string | null;
  customerId: string | null;
  requestId?: string;
};

export const STAFF_ROLES = ['admin', 'operations', 'planner'] as const satisfies readonly Role[];
export const isStaff = (actor: Actor) => (STAFF_ROLES as readonly Role[]).includes(actor.role);

const SYSTEM_ACTOR_NAME = 'Systeem';

/** The name the system's own entries carry in a history, as a reader of `language` reads it (issue 16). */
export const actorNameIn = (name: string, language: 'nl' | 'en') =>
  name === SYSTEM_ACTOR_NAME && language === 'en' ? 'System' : name;

/** The actor for work the system does by itself (seeding, scheduled jobs). */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  name: SYSTEM_ACTOR_NAME,
  partnerId: null,
  teamId: null,
  customerId: null,
};

/**
 * The part of an order's or quote's money an actor pays, and so the only part they may see:
 * a customer their own, a partner its own; staff (null) see both.
 */
export const ownPart = (actor: Actor): 'customer' | 'partner' | null =>
  actor.role === 'customer' || actor.role === 'partner' ? actor.role : null;
