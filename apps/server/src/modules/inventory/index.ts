import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import {
  getPurchaseOrder,
  listPurchaseOrders,
  listStockLocations,
  lookUpSerial,
  productLedger,
  stockOverview,
  type StockOverviewQuery,
} from '../../read-models/stock-views.ts';
import { postStockMoves, type PostingInput } from './post-stock-moves.ts';
import { releaseStockForVisit, reserveStockForVisit, type ReserveInput } from './reserve-stock-for-visit.ts';
import { changePurchaseOrderStatus, createPurchaseOrder, type CreatePurchaseOrderInput } from './purchase-orders.ts';
import { receivePurchaseOrder, type ReceiptInput } from './receive-purchase-order.ts';
import { compareStockBalances, rebuildStockBalances } from './rebuild-stock-balances.ts';

export { inventoryRoutes } from './inventory.routes.ts';
export { compareStockBalances, rebuildStockBalances } from './rebuild-stock-balances.ts';
export { standardLocationTree } from './location-tree.ts';
// Parts used on a visit (modules/mobile) post in the technician command's own transaction.
export { postStockMoves } from './post-stock-moves.ts';

/** Inventory: the ledger of moves, balances derived from it, reservations, serials and purchase orders. */
export function createInventoryService(deps: { db: Db }) {
  const { db } = deps;
  return {
    post: (actor: Actor, input: PostingInput) => db.transaction((tx) => postStockMoves(tx, actor, input)),
    reserve: (actor: Actor, input: ReserveInput) => db.transaction((tx) => reserveStockForVisit(tx, actor, input)),
    release: (actor: Actor, visitId: string) => db.transaction((tx) => releaseStockForVisit(tx, actor, visitId)),
    createPurchaseOrder: (actor: Actor, input: CreatePurchaseOrderInput) =>
      db.transaction((tx) => createPurchaseOrder(tx, actor, input)),
    sendPurchaseOrder: (actor: Actor, id: string) =>
      db.transaction((tx) => changePurchaseOrderStatus(tx, actor, id, 'sent')),
    cancelPurchaseOrder: (actor: Actor, id: string) =>
      db.transaction((tx) => changePurchaseOrderStatus(tx, actor, id, 'cancelled')),
    receive: (actor: Actor, id: string, input: ReceiptInput) =>
      db.transaction((tx) => receivePurchaseOrder(tx, actor, id, input)),
    overview: (query: StockOverviewQuery) => stockOverview(db, query),
    async productLedger(productId: string) {
      const ledger = await productLedger(db, productId);
      if (!ledger) throw notFound('Product');
      return ledger;
    },
    lookUpSerial: (serial: string) => lookUpSerial(db, serial),
    locations: () => listStockLocations(db),
    purchaseOrders: (opts: { status?: string | undefined }) => listPurchaseOrders(db, opts),
    async purchaseOrder(id: string) {
      const po = await getPurchaseOrder(db, id);
      if (!po) throw notFound('Inkooporder');
      return po;
    },
    compare: () => compareStockBalances(db),
    rebuild: () => rebuildStockBalances({ db }),
  };
}
export type InventoryService = ReturnType<typeof createInventoryService>;
