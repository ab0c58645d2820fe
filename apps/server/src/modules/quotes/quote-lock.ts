import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { quotes } from './quotes.schema.ts';
import { quoteErrors } from './quotes.errors.ts';

/**
 * Optimistic locking: the change names the lock version it read; the row moves on only if nobody
 * moved it first. The second of two editors gets a 409 and keeps their input to re-apply.
 */
export async function takeQuoteLock(tx: Tx, quoteId: string, lockVersion: number) {
  const [row] = await tx
    .update(quotes)
    .set({ lockVersion: sql`${quotes.lockVersion} + 1` })
    .where(and(eq(quotes.id, quoteId), eq(quotes.lockVersion, lockVersion)))
    .returning();
  if (row) return row;
  const [current] = await tx.select({ lockVersion: quotes.lockVersion }).from(quotes).where(eq(quotes.id, quoteId));
  if (!current) throw notFound('Offerte');
  throw quoteErrors.staleVersion(current.lockVersion);
}
