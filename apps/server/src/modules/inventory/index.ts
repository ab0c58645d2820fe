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
import { reconcileVisits, sweepReservations } from './reservations-follow-planning.ts';
import { subscribeTo, type ModuleWorkers } from '../../platform/events/subscribers.ts';
import { orderVisitIds } from '../../read-models/visit-materials.ts';
import { materialAvailability } from '../../read-models/material-availability.ts';
import { stockOutReport } from '../../read-models/stock-out-report.ts';
import { demandForecast } from '../../read-models/demand-forecast.ts';
import { kitInStaging, pickingList, teamStockPlaces } from '../../read-models/picking-list.ts';
import { stockVisit } from '../../read-models/stock-visit.ts';
import { reorderSuggestions } from '../../read-models/reorder-suggestions.ts';
import { purchaseOrderDocument } from '../../read-models/purchase-order-document.ts';
import { purchaseOrderUbl } from './purchase-order-ubl.ts';
import { renderPurchaseOrderPdf } from './render-purchase-order-pdf.ts';
import { setReplenishmentRule, type ReplenishmentRuleInput } from './replenishment-rules.ts';
import { checkKitAndLoad, pickVisit, type KitCheckInput } from './pick-and-load-kit.ts';
import { importDespatchAdvice } from './import-despatch-advice.ts';
import { recordToolEvent, registerTool, type RegisterToolInput, type ToolEventInput } from './tools-register.ts';
import { remindToolsDue } from './remind-tools-due.ts';
import { registerWarranties, type WarrantyRegistrar } from './warranty-registration.ts';
import { listTools, toolDetail } from '../../read-models/tools-register.ts';
import { teamToolReadiness } from '../../read-models/team-tool-readiness.ts';
import { setToolRequirement, type ToolRequirementInput } from './tool-requirements.ts';
import { wholesaleAvailability } from '../../read-models/wholesale-availability.ts';
import { type CountEntry, postCycleCount, recordCycleCount, startCycleCount } from './cycle-counts.ts';
import { listStockCounts, stockCountDetail } from '../../read-models/stock-counts.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { receiveTransfer, sendTransfer, type TransferInput } from './transfer-stock.ts';
import { declineVanRequest, requestVanReplenishment, type VanRequestInput } from './van-requests.ts';
import { listTransfers } from '../../read-models/stock-transfers.ts';
import { listVanRequests, requestableProducts } from '../../read-models/van-requests.ts';
import { lotsAt } from '../../read-models/stock-lots.ts';
import type { Language } from '../../platform/sentences/reader-locale.ts';

export { inventoryRoutes } from './inventory.routes.ts';
export { compareStockBalances, rebuildStockBalances } from './rebuild-stock-balances.ts';
export { standardLocationTree } from './location-tree.ts';
export { plannedMaterialCheck } from './planning-material-check.ts';
export { httpWarrantyRegistrar } from './warranty-registration.ts';
// Parts used on a visit (modules/mobile) post in the technician command's own transaction.
export { postStockMoves } from './post-stock-moves.ts';

/** Inventory: the ledger of moves, balances derived from it, reservations, serials and purchase orders. */
export function createInventoryService(deps: { db: Db; warrantyRegistrar?: WarrantyRegistrar | null }) {
  const { db } = deps;
  const registrar = deps.warrantyRegistrar ?? null;
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
    async productLedger(productId: string, language?: Language) {
      const ledger = await productLedger(db, productId, language);
      if (!ledger) throw notFound('Product');
      return ledger;
    },
    lookUpSerial: (serial: string, language?: Language) => lookUpSerial(db, serial, language),
    locations: () => listStockLocations(db),
    purchaseOrders: (opts: { status?: string | undefined }) => listPurchaseOrders(db, opts),
    async purchaseOrder(id: string, language?: Language) {
      const po = await getPurchaseOrder(db, id, language);
      if (!po) throw notFound('Inkooporder');
      return po;
    },
    /** A supplier's delivery note read into the receipt it announces; booked only when the warehouse books it. */
    readDespatchAdvice: (id: string, xml: string) => importDespatchAdvice(db, id, xml),
    tools: (q: { teamId?: string | undefined; due?: boolean }) => listTools(db, { ...q, today: todayInAmsterdam() }),
    async tool(id: string) {
      const tool = await toolDetail(db, id, todayInAmsterdam());
      if (!tool) throw notFound('Gereedschap', 'Tool');
      return tool;
    },
    registerTool: (actor: Actor, input: RegisterToolInput) => db.transaction((tx) => registerTool(tx, actor, input)),
    recordToolEvent: (actor: Actor, id: string, input: ToolEventInput) =>
      db.transaction((tx) => recordToolEvent(tx, actor, id, input)),
    remindToolsDue: (today = todayInAmsterdam()) => remindToolsDue(db, today),
    toolReadiness: () => teamToolReadiness(db, todayInAmsterdam()),
    setToolRequirement: (actor: Actor, input: ToolRequirementInput) =>
      db.transaction((tx) => setToolRequirement(tx, actor, input)),
    /** Installed units recorded locally, handed to the manufacturer (nothing to do offline). */
    registerWarranties: () =>
      registrar ? registerWarranties(db, registrar) : Promise.resolve({ registered: 0, failed: 0, retry: 0 }),
    /** A B2B contractor's view of stock: bands per wholesale product, scoped to its own price list. */
    wholesaleAvailability: (partnerId: string, language?: Language) => wholesaleAvailability(db, partnerId, language),
    compare: () => compareStockBalances(db),
    rebuild: () => rebuildStockBalances({ db }),
    sweepReservations: () => sweepReservations(db),
    setReplenishmentRule: (actor: Actor, input: ReplenishmentRuleInput) =>
      db.transaction((tx) => setReplenishmentRule(tx, actor, input)),
    reorderSuggestions: (onlyDue: boolean, language?: Language) =>
      reorderSuggestions(db, { onlyDue, ...(language ? { language } : {}) }),
    async purchaseOrderPdf(id: string, language: 'nl' | 'en' = 'nl') {
      const doc = await purchaseOrderDocument(db, id);
      if (!doc) throw notFound('Inkooporder');
      return { number: doc.number, pdf: await renderPurchaseOrderPdf(doc, language) };
    },
    async purchaseOrderUbl(id: string) {
      const doc = await purchaseOrderDocument(db, id);
      if (!doc) throw notFound('Inkooporder');
      return { number: doc.number, xml: purchaseOrderUbl(doc) };
    },
    async pickingList(q: { teamId: string; date: string }, language?: Language) {
      const list = await pickingList(db, { ...q, ...(language ? { language } : {}) });
      if (!list) throw notFound('Team');
      return list;
    },
    pick: (actor: Actor, visitId: string) => db.transaction((tx) => pickVisit(tx, actor, visitId)),
    /** What the kit of a visit holds in its team's staging (what was picked, less what was loaded). */
    async kit(visitId: string, language?: Language) {
      const visit = await stockVisit(db, visitId);
      if (!visit) throw notFound('Bezoek');
      const places = visit.teamId ? await teamStockPlaces(db, visit.teamId) : null;
      const all = await kitInStaging(db, visitId, language);
      const items = all.filter((k) => k.locationId === places?.staging?.id);
      return {
        visitNumber: visit.number,
        staging: places?.staging?.code ?? '',
        van: places?.van?.code ?? '',
        loaded: all.length > 0 && items.length === 0,
        items: items.map(({ locationId: _, ...k }) => k),
      };
    },
    checkKit: (actor: Actor, visitId: string, input: KitCheckInput) =>
      db.transaction((tx) => checkKitAndLoad(tx, actor, visitId, input)),
    /** Counts of a period (by default the last 90 days) with the inventory accuracy over it. */
    stockCounts: (q: { from?: string | undefined; to?: string | undefined }) => {
      const to = q.to ?? todayInAmsterdam();
      return listStockCounts(db, { from: q.from ?? addDaysToDate(to, -90), to });
    },
    async stockCount(id: string, language?: Language) {
      const count = await stockCountDetail(db, id, language);
      if (!count) throw notFound('Telling', 'Count');
      return count;
    },
    startCount: (actor: Actor, locationId: string) => db.transaction((tx) => startCycleCount(tx, actor, locationId)),
    recordCount: (actor: Actor, id: string, input: CountEntry) =>
      db.transaction((tx) => recordCycleCount(tx, actor, id, input)),
    postCount: (actor: Actor, id: string) => db.transaction((tx) => postCycleCount(tx, actor, id)),
    materialAvailability: (q: { visitId?: string | undefined; orderId?: string | undefined; date: string }) =>
      materialAvailability(
        db,
        q.visitId ? { visitId: q.visitId, date: q.date } : { orderId: q.orderId!, date: q.date },
      ),
    stockOutReport: (q: { from: string; to: string; teamId?: string | undefined }) => stockOutReport(db, q),
    demandForecast: (weeks: number, language: Language = 'nl') =>
      demandForecast(db, { today: todayInAmsterdam(), weeks, language }),
    lots: (q: { locationId: string; productId?: string | undefined }) => lotsAt(db, q),
    transfers: (q: { status?: 'in_transit' | 'received' | undefined }, language: Language = 'nl') =>
      listTransfers(db, q, language),
    sendTransfer: (actor: Actor, input: TransferInput) => db.transaction((tx) => sendTransfer(tx, actor, input)),
    receiveTransfer: (actor: Actor, id: string) => db.transaction((tx) => receiveTransfer(tx, actor, id)),
    /** A technician sees their own team's requests only, whatever team they ask for. */
    vanRequests: (
      actor: Actor,
      q: { status?: 'open' | 'fulfilled' | 'declined' | undefined; teamId?: string | undefined },
      language: Language = 'nl',
    ) => listVanRequests(db, actor.role === 'technician' ? { ...q, teamId: actor.teamId! } : q, language),
    requestVan: (actor: Actor, input: VanRequestInput) =>
      db.transaction((tx) => requestVanReplenishment(tx, actor, input)),
    declineVanRequest: (actor: Actor, id: string, reason: string) =>
      db.transaction((tx) => declineVanRequest(tx, actor, id, reason)),
    requestableProducts: (language: Language = 'nl') => requestableProducts(db, language),
    /**
     * Reservations follow planning by its events (planning comes before inventory and cannot call it):
     * each event reconciles the visit as it is now, so repeats and late arrivals are harmless; the sweep
     * catches what came without an event (an unplanned or cancelled visit, stock arrived for a short one).
     */
    workers: (): ModuleWorkers => ({
      subscribers: [
        subscribeTo({
          queue: 'event.inventory.reservations-follow-planning',
          eventTypes: ['visit.scheduled', 'visit.started', 'visit.completed', 'visit.unplanned', 'order.stage_changed'],
          handle: async (event) => {
            const ids =
              event.type === 'order.stage_changed' ? await orderVisitIds(db, event.subjectId) : [event.subjectId];
            await reconcileVisits(db, ids);
          },
        }),
      ],
      schedules: [
        {
          // Inspections and calibrations due within two weeks or overdue, mailed to operations each morning.
          queue: 'inventory.tool-reminders',
          cron: '0 7 * * *',
          run: async () => {
            await remindToolsDue(db, todayInAmsterdam());
          },
        },
        // With a manufacturer's URL configured, installed units are registered there every five minutes.
        ...(registrar
          ? [
              {
                queue: 'inventory.warranty-registration',
                cron: '*/5 * * * *',
                run: async () => {
                  await registerWarranties(db, registrar);
                },
              },
            ]
          : []),
        {
          queue: 'inventory.reservation-sweep',
          cron: '*/10 * * * *',
          run: async () => {
            await sweepReservations(db);
          },
        },
      ],
      loops: [],
    }),
  };
}
export type InventoryService = ReturnType<typeof createInventoryService>;
