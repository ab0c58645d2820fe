import { createHash } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { quoteSigningTrail } from './quotes.schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

type TrailEntry = { sequence: number; at: Date; event: string; detail: Record<string, unknown>; prevHash: string };

/** JSON with keys sorted at every level: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** SHA-256 of an entry, including the hash of the one before: changing any entry breaks every later hash. */
export function entryHash(e: TrailEntry): string {
  return createHash('sha256')
    .update(canonicalJson([e.prevHash, e.sequence, e.at.toISOString(), e.event, e.detail]))
    .digest('hex');
}

/** Appends to the quote's chain. Callers hold the quote row lock, so two appends never share a sequence. */
export async function appendTrail(
  tx: Tx,
  quoteId: string,
  event: string,
  detail: Record<string, unknown>,
  at = new Date(),
) {
  const [last] = await tx
    .select({ sequence: quoteSigningTrail.sequence, hash: quoteSigningTrail.hash })
    .from(quoteSigningTrail)
    .where(eq(quoteSigningTrail.quoteId, quoteId))
    .orderBy(desc(quoteSigningTrail.sequence))
    .limit(1);
  const entry = { sequence: (last?.sequence ?? 0) + 1, at, event, detail, prevHash: last?.hash ?? GENESIS_HASH };
  await tx.insert(quoteSigningTrail).values({ ...entry, quoteId, hash: entryHash(entry) });
}

export async function readTrail(db: DbOrTx, quoteId: string) {
  return db
    .select()
    .from(quoteSigningTrail)
    .where(eq(quoteSigningTrail.quoteId, quoteId))
    .orderBy(asc(quoteSigningTrail.sequence));
}

/** True when every entry links to the one before and its own hash matches its content. */
export function verifyTrail(entries: readonly (TrailEntry & { hash: string })[]): boolean {
  let prev = GENESIS_HASH;
  return entries.every((e, i) => {
    const ok = e.sequence === i + 1 && e.prevHash === prev && entryHash(e) === e.hash;
    prev = e.hash;
    return ok;
  });
}
