import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { invoiceNumberSequences } from './billing.schema.ts';

const PREFIX: Record<string, string> = {
  chargecars: 'CC',
  laderthuis: 'LT',
  meterkastthuis: 'MK',
  zaptecshop: 'ZS',
  ratioshop: 'RS',
};

/**
 * The next number of the entity's series for the year, gapless as Dutch law requires: the counter row
 * is incremented in the invoice's own transaction and stays locked until it commits, so a rolled-back
 * invoice gives its number back and two invoices never share one.
 */
export async function nextInvoiceNumber(tx: Tx, entityId: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(invoiceNumberSequences)
    .values({ entityId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [invoiceNumberSequences.entityId, invoiceNumberSequences.year],
      set: { lastNumber: sql`${invoiceNumberSequences.lastNumber} + 1` },
    })
    .returning({ n: invoiceNumberSequences.lastNumber });
  const prefix = PREFIX[entityId] ?? entityId.slice(0, 2).toUpperCase();
  return `${prefix}-${year}-${String(row!.n).padStart(5, '0')}`;
}
