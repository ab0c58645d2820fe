import { z } from 'zod';
import { listQuery, page } from './common.ts';
import { VisitSummary } from './customers.ts';

export const OrderStage = z.enum(['new', 'materials', 'scheduled', 'in_progress', 'completed', 'invoiced', 'closed', 'on_hold', 'cancelled']);

export const OrderListQuery = listQuery(['createdAt', 'number', 'stage', 'totalCents', 'customerName'] as const).extend({ stage: OrderStage.optional() });

export const OrderListItem = z
  .object({
    id: z.string(),
    number: z.string(),
    customerName: z.string(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    entity: z.string(),
    partnerName: z.string().nullable(),
    stage: OrderStage,
    progress: z.number().int(),
    totalCents: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'OrderListItem' });

export const OrderPage = page(OrderListItem);

export const OrderDetail = OrderListItem.extend({
  stageReason: z.string().nullable(),
  customerTotalCents: z.number().int(),
  partnerTotalCents: z.number().int(),
  lines: z.array(z.object({ description: z.string(), quantity: z.number(), unitPriceCents: z.number().int(), vatRate: z.number().int(), totalCents: z.number().int(), billTo: z.enum(['customer', 'partner']) })),
  milestones: z.array(z.object({ code: z.string(), reachedAt: z.string().nullable() })),
  visits: z.array(VisitSummary),
}).meta({ id: 'OrderDetail' });
