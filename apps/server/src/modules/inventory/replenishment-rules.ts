import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { stockProducts } from '../../read-models/stock-products.ts';
import { PHYSICAL_LOCATION_KINDS, stockLocations, stockReplenishmentRules } from './inventory.schema.ts';
import { inventoryErrors as e } from './inventory.errors.ts';

export type ReplenishmentRuleInput = { productId: string; locationId: string; min: number; max: number };

/** Sets (or changes) the minimum and maximum of a product at a physical location. */
export async function setReplenishmentRule(tx: Tx, actor: Actor, input: ReplenishmentRuleInput) {
  if (!(await stockProducts(tx, [input.productId])).size) throw e.unknownProduct('productId');
  const [loc] = await tx
    .select({ kind: stockLocations.kind })
    .from(stockLocations)
    .where(eq(stockLocations.id, input.locationId));
  if (!loc) throw e.unknownLocation('locationId');
  if (!(PHYSICAL_LOCATION_KINDS as readonly string[]).includes(loc.kind))
    throw e.wrongDocument('Een minimum en maximum gelden voor een fysieke locatie', 'locationId');
  if (input.max <= input.min) throw e.wrongDocument('Het maximum moet hoger zijn dan het minimum', 'max');
  const row = {
    productId: input.productId,
    locationId: input.locationId,
    minQuantity: input.min,
    maxQuantity: input.max,
  };
  await tx
    .insert(stockReplenishmentRules)
    .values(row)
    .onConflictDoUpdate({
      target: [stockReplenishmentRules.productId, stockReplenishmentRules.locationId],
      set: { minQuantity: sql`excluded.min_quantity`, maxQuantity: sql`excluded.max_quantity` },
    });
  await recordAudit(tx, actor, {
    action: 'stock.replenishment_rule',
    subjectType: 'product',
    subjectId: input.productId,
    after: row,
  });
  return input;
}
