import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { businessEntities } from './entities.schema.ts';

export const listEntities = (db: DbOrTx) =>
  db
    .select({
      id: businessEntities.id,
      name: businessEntities.name,
      kind: businessEntities.kind,
      brandColor: businessEntities.brandColor,
      website: businessEntities.website,
    })
    .from(businessEntities)
    .orderBy(asc(businessEntities.name));

/** The entity's setting: are an order's invoices issued as soon as its last visit is done? */
export async function invoicesOnCompletion(db: DbOrTx, entityId: string): Promise<boolean> {
  const [entity] = await db
    .select({ on: businessEntities.invoiceOnCompletion })
    .from(businessEntities)
    .where(eq(businessEntities.id, entityId));
  return entity?.on ?? false;
}
