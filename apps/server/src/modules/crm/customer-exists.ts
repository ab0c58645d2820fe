import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { customers } from './crm.schema.ts';

export async function customerExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ one: sql`1` }).from(customers).where(eq(customers.id, id));
  return !!row;
}
