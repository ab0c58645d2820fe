import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import type { Brand } from '../platform/messaging/templates/email-layout.ts';
import { businessEntities } from '../modules/entities/entities.schema.ts';

const brandColumns = {
  id: businessEntities.id,
  name: businessEntities.name,
  brandColor: businessEntities.brandColor,
  website: businessEntities.website,
  emailFrom: businessEntities.emailFrom,
};

/** Every entity's face in its messages (name, colour, website, sender), for the template editor. */
export async function messageBrands(db: DbOrTx): Promise<Brand[]> {
  return db.select(brandColumns).from(businessEntities).orderBy(asc(businessEntities.name));
}

/** The brands of the given entities, by id, for a batch of messages of several entities. */
export async function messageBrandsById(db: DbOrTx, ids: readonly string[]): Promise<Map<string, Brand>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select(brandColumns)
    .from(businessEntities)
    .where(inArray(businessEntities.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
