import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { rawRows, uuidList } from '../platform/db/raw-rows.ts';
import { products } from '../modules/catalog/catalog.schema.ts';
import type { Language } from '../platform/sentences/reader-locale.ts';

/**
 * A product's name as the reader reads it, for raw queries that name the products table `p`: the English
 * name for a reader of English where the catalogue has one, else the Dutch (issue 16).
 */
export const productNameIn = (language: Language) =>
  language === 'en' ? sql.raw('coalesce(p.name_en, p.name)') : sql.raw('p.name');

/** The names of these products as the reader reads them, by id. */
export async function productNames(db: DbOrTx, ids: string[], language: Language): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await rawRows<{ id: string; name: string }>(
    db,
    sql`select p.id, ${productNameIn(language)} as name from ${products} p
        where p.id in (${uuidList(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
