import { asc } from 'drizzle-orm';
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
