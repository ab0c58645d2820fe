import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatedPurchaseOrder,
  CreatePurchaseOrderBody,
  IdParams,
  ReorderSuggestion,
  ReorderSuggestionsQuery,
  ReplenishmentRuleBody,
  KitCheckBody,
  KitContents,
  KitLoaded,
  PickingList,
  PickingListQuery,
  MaterialAvailability,
  MaterialAvailabilityQuery,
  Problem,
  ProductLedger,
  PurchaseOrderDetail,
  PurchaseOrderListItem,
  PurchaseOrderListQuery,
  PurchaseOrderReceipt,
  ReceivePurchaseOrderBody,
  SerialQuery,
  SerialUnit,
  StockBalanceCheck,
  StockLocation,
  StockOverviewQuery,
  StockOverviewRow,
  StockPostingBody,
  StockPostingResult,
  StockReleaseResult,
  StockReservationBody,
  StockReservationResult,
  DocumentLanguageQuery,
  WholesaleAvailability,
  DespatchAdviceBody,
  DespatchAdviceReceipt,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import { documentLanguage, readerLanguage } from '../../platform/http/document-language.ts';
import type { InventoryService } from './index.ts';
import { stockCountRoutes } from './stock-counts.routes.ts';
import { toolsRoutes } from './tools.routes.ts';
import { demandRoutes } from './demand.routes.ts';
import { transferRoutes } from './transfers.routes.ts';

const errors = { 404: Problem, 409: Problem, 422: Problem };

export function inventoryRoutes(app: FastifyInstance, inventory: InventoryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  // Warehouse staff run the stock; operations and admin oversee it. Planners reserve for the visits they plan.
  const stock = ['admin', 'operations', 'warehouse'] as const;
  const reservers = ['admin', 'operations', 'warehouse', 'planner'] as const;
  r.get(
    '/api/inventory/locations',
    {
      config: { access: stock },
      schema: { tags, summary: 'The location tree', response: { 200: z.array(StockLocation) } },
    },
    () => inventory.locations(),
  );
  r.get(
    '/api/inventory/stock',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'On hand, reserved and free per product and physical location',
        querystring: StockOverviewQuery,
        response: { 200: z.array(StockOverviewRow) },
      },
    },
    (request) => inventory.overview({ ...request.query, language: readerLanguage(request) }),
  );
  r.get(
    '/api/inventory/products/:id',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: "A product's stock and ledger",
        params: IdParams,
        response: { 200: ProductLedger, ...errors },
      },
    },
    (request) => inventory.productLedger(request.params.id, readerLanguage(request)),
  );
  r.get(
    '/api/inventory/serials',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Look up a serial: where it is, its hops, order, customer and warranty',
        querystring: SerialQuery,
        response: { 200: z.array(SerialUnit) },
      },
    },
    (request) => inventory.lookUpSerial(request.query.serial, readerLanguage(request)),
  );
  r.post(
    '/api/inventory/postings',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: "Post a document's moves (idempotent by key)",
        body: StockPostingBody,
        response: { 200: StockPostingResult, 201: StockPostingResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await inventory.post(actorOf(request), request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
  r.post(
    '/api/inventory/visits/:id/reservations',
    {
      config: { access: reservers },
      schema: {
        tags,
        summary: "Reserve a visit's materials at the warehouse (quantities are the visit's target)",
        params: IdParams,
        body: StockReservationBody,
        response: { 200: StockReservationResult, ...errors },
      },
    },
    (request) => inventory.reserve(actorOf(request), { visitId: request.params.id, ...request.body }),
  );
  r.post(
    '/api/inventory/visits/:id/reservations/release',
    {
      config: { access: reservers },
      schema: {
        tags,
        summary: "Release a visit's reservations",
        params: IdParams,
        response: { 200: StockReleaseResult, ...errors },
      },
    },
    (request) => inventory.release(actorOf(request), request.params.id),
  );
  r.get(
    '/api/inventory/material-availability',
    {
      config: { access: reservers },
      schema: {
        tags,
        summary:
          "A visit's or order's materials on a date: on hand at the warehouse minus reserved for others plus expected receipts before it",
        querystring: MaterialAvailabilityQuery,
        response: { 200: MaterialAvailability, ...errors },
      },
    },
    (request) => inventory.materialAvailability(request.query),
  );
  r.get(
    '/api/inventory/picking-list',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: "A team's picking list for a day: main components by serial, small parts per installation type",
        querystring: PickingListQuery,
        response: { 200: PickingList, ...errors },
      },
    },
    (request) => inventory.pickingList(request.query, readerLanguage(request)),
  );
  r.post(
    '/api/inventory/visits/:id/pick',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: "Pick a visit's reserved materials into its team's staging (idempotent per set of reservations)",
        params: IdParams,
        response: { 200: StockPostingResult, 201: StockPostingResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await inventory.pick(actorOf(request), request.params.id);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
  r.get(
    '/api/inventory/visits/:id/kit',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: "What a visit's kit in staging holds",
        params: IdParams,
        response: { 200: KitContents, ...errors },
      },
    },
    (request) => inventory.kit(request.params.id, readerLanguage(request)),
  );
  r.post(
    '/api/inventory/visits/:id/kit-check',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Quality check of a kit (every serial scanned, quantities counted), then load it onto the van',
        params: IdParams,
        body: KitCheckBody,
        response: { 200: KitLoaded, 201: KitLoaded, ...errors },
      },
    },
    async (request, reply) => {
      const result = await inventory.checkKit(actorOf(request), request.params.id, request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
  r.put(
    '/api/inventory/replenishment-rules',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Set the minimum and maximum of a product at a physical location',
        body: ReplenishmentRuleBody,
        response: { 200: ReplenishmentRuleBody, ...errors },
      },
    },
    (request) => inventory.setReplenishmentRule(actorOf(request), request.body),
  );
  r.get(
    '/api/inventory/reorder-suggestions',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Min/max per product and location with what to order (due=true: only what is at or below its minimum)',
        querystring: ReorderSuggestionsQuery,
        response: { 200: z.array(ReorderSuggestion) },
      },
    },
    (request) => inventory.reorderSuggestions(request.query.due === 'true', readerLanguage(request)),
  );
  r.get(
    '/api/inventory/purchase-orders/:id/pdf',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: "The purchase order as PDF, in the reader's language",
        params: IdParams,
        querystring: DocumentLanguageQuery,
      },
    },
    async (request, reply) => {
      const { number, pdf } = await inventory.purchaseOrderPdf(request.params.id, documentLanguage(request));
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`).send(pdf);
    },
  );
  r.get(
    '/api/inventory/purchase-orders/:id/ubl',
    {
      config: { access: stock },
      schema: { tags, summary: 'The purchase order as UBL 2.1 Order', params: IdParams },
    },
    async (request, reply) => {
      const { number, xml } = await inventory.purchaseOrderUbl(request.params.id);
      return reply
        .type('application/xml')
        .header('content-disposition', `attachment; filename="${number}.xml"`)
        .send(xml);
    },
  );
  r.get(
    '/api/inventory/purchase-orders',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Purchase orders, newest first',
        querystring: PurchaseOrderListQuery,
        response: { 200: z.array(PurchaseOrderListItem) },
      },
    },
    (request) => inventory.purchaseOrders(request.query),
  );
  r.post(
    '/api/inventory/purchase-orders',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Create a draft purchase order',
        body: CreatePurchaseOrderBody,
        response: { 201: CreatedPurchaseOrder, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await inventory.createPurchaseOrder(actorOf(request), request.body)),
  );
  r.get(
    '/api/inventory/purchase-orders/:id',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'A purchase order with its lines and receipts',
        params: IdParams,
        response: { 200: PurchaseOrderDetail, ...errors },
      },
    },
    (request) => inventory.purchaseOrder(request.params.id, readerLanguage(request)),
  );
  for (const action of ['send', 'cancel'] as const)
    r.post(
      `/api/inventory/purchase-orders/:id/${action}`,
      {
        config: { access: stock },
        schema: {
          tags,
          summary:
            action === 'send' ? 'Mark a draft purchase order as sent' : 'Cancel a purchase order not yet received',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await (action === 'send'
          ? inventory.sendPurchaseOrder(actor, request.params.id)
          : inventory.cancelPurchaseOrder(actor, request.params.id));
        return reply.status(204).send(null);
      },
    );
  r.post(
    '/api/inventory/purchase-orders/:id/receipts',
    {
      config: { access: stock },
      schema: {
        tags,
        summary: 'Receive goods against a purchase order (partial allowed, more than ordered refused)',
        params: IdParams,
        body: ReceivePurchaseOrderBody,
        response: { 200: PurchaseOrderReceipt, 201: PurchaseOrderReceipt, ...errors },
      },
    },
    async (request, reply) => {
      const result = await inventory.receive(actorOf(request), request.params.id, request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
  r.post(
    '/api/inventory/purchase-orders/:id/despatch-advice',
    {
      config: { access: stock },
      schema: {
        tags,
        summary:
          "Read a supplier's UBL 2.1 DespatchAdvice into the receipt it announces (schema-checked, matched to the order's lines; books nothing)",
        params: IdParams,
        body: DespatchAdviceBody,
        response: { 200: DespatchAdviceReceipt, ...errors },
      },
    },
    (request) => inventory.readDespatchAdvice(request.params.id, request.body.xml),
  );
  r.get(
    '/api/inventory/wholesale-availability',
    {
      // Partners only, each for itself: the scope is the caller's partner, never a parameter.
      config: { access: ['partner'] },
      schema: {
        tags,
        summary: "A B2B brand partner's wholesale products with their availability in bands (never quantities)",
        response: { 200: WholesaleAvailability },
      },
    },
    (request) => inventory.wholesaleAvailability(actorOf(request).partnerId!, readerLanguage(request)),
  );
  toolsRoutes(app, inventory);
  stockCountRoutes(app, inventory);
  demandRoutes(app, inventory);
  transferRoutes(app, inventory);
  r.get(
    '/api/inventory/balance-check',
    {
      config: { access: ['admin', 'operations'] },
      schema: {
        tags,
        summary: 'Kept balances against the ledger (empty when they agree)',
        response: { 200: StockBalanceCheck },
      },
    },
    async () => ({ differences: await inventory.compare() }),
  );
}
