import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { users } from '../platform/auth/auth.schema.ts';

/** The roles that work leads in the operations portal. */
const LEAD_HANDLERS = ['admin', 'operations', 'planner'] as const;

/** Whether a lead may be handed to this user: an active colleague in the operations portal. */
export async function isLeadHandler(db: DbOrTx, userId: string): Promise<boolean> {
  const [found] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, [...LEAD_HANDLERS])));
  return Boolean(found);
}
