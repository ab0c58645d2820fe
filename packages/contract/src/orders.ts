import { z } from 'zod';
import { listQuery, page, Text } from './common.ts';
import { VisitSummary } from './customers.ts';
import { VatCategory } from './vat.ts';

export const OrderStage = z.enum([
  'new',
  'materials',
  'scheduled',
  'in_progress',
  'completed',
  'invoiced',
  'closed',
  'on_hold',
  'cancelled',
]);

export const OrderListQuery = listQuery(['createdAt', 'number', 'stage', 'totalCents', 'customerName'] as const).extend(
  { stage: OrderStage.optional() },
);

export const OrderListItem = z
  .object({
    id: Text,
    number: Text,
    customerName: Text,
    postcode: Text.nullable(),
    city: Text.nullable(),
    entity: Text,
    partnerName: Text.nullable(),
    stage: OrderStage,
    progress: z.number().int(),
    totalCents: z.number().int(),
    createdAt: Text,
  })
  .meta({ id: 'OrderListItem' });

export const OrderPage = page(OrderListItem);

export const OrderDetail = OrderListItem.extend({
  customerId: Text,
  /** The signed quote the order came from (null for an order made otherwise, e.g. through the partner API). */
  quoteId: Text.nullable(),
  stageReason: Text.nullable(),
  customerTotalCents: z.number().int(),
  partnerTotalCents: z.number().int(),
  lines: z.array(
    z.object({
      description: Text,
      /** The quote line's English wording (issue 16); null for a free line, which reads as typed. */
      descriptionEn: Text.nullable(),
      quantity: z.number(),
      unitPriceCents: z.number().int(),
      vatRate: z.number().int(),
      vatCategory: VatCategory,
      totalCents: z.number().int(),
      billTo: z.enum(['customer', 'partner']),
    }),
  ),
  milestones: z.array(z.object({ code: Text, reachedAt: Text.nullable() })),
  visits: z.array(VisitSummary),
  /** Stages the caller may move the order to now (staff only; empty for others). */
  nextStages: z.array(OrderStage),
}).meta({ id: 'OrderDetail' });

export const ChangeOrderStageBody = z.object({ stage: OrderStage, reason: Text.trim().min(3).max(500).optional() });
export const OrderStageChanged = z.object({ id: Text, stage: OrderStage, progress: z.number().int() });
export const OrderTimeline = z
  .array(
    z.object({
      at: Text,
      kind: z.enum(['created', 'stage_changed', 'invoiced']),
      fromStage: OrderStage.nullable(),
      toStage: OrderStage.nullable(),
      reason: Text.nullable(),
      actorName: Text,
    }),
  )
  .meta({ id: 'OrderTimeline' });
