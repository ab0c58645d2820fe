import type { DemoVisit } from './generate-visits.ts';

const HOLDING = new Set(['scheduled', 'in_progress']);

/**
 * What the planned visits will take from the warehouse, per product: the lines of each order whose
 * installation (or meter replacement) is planned and not done, as the server's visit materials count them
 * (a part-metre of cable rounded up per order, surveys taking nothing, cancelled orders nothing).
 */
export function plannedDemand(visits: DemoVisit[], stocked: Set<string>): Map<string, number> {
  const orders = new Map<string, DemoVisit['order']>();
  const done = new Set<string>();
  for (const v of visits) {
    if (v.type === 'survey' || v.status === 'cancelled') continue;
    if (HOLDING.has(v.status ?? '')) orders.set(v.order.id, v.order);
    else done.add(v.order.id);
  }
  const demand = new Map<string, number>();
  for (const [id, order] of orders) {
    if (done.has(id) || order.stage === 'cancelled') continue;
    const perProduct = new Map<string, number>();
    for (const l of order.lines)
      if (stocked.has(l.productId)) perProduct.set(l.productId, (perProduct.get(l.productId) ?? 0) + l.quantity);
    for (const [productId, q] of perProduct) demand.set(productId, (demand.get(productId) ?? 0) + Math.ceil(q));
  }
  return demand;
}
