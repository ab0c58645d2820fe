import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

const statementSchema = z.object({
  partnerId: z.string(), partnerName: z.string(), month: z.string(), totalCents: z.number(),
  sections: z.array(z.object({
    entityId: z.string(), commissionType: z.string(), basisPoints: z.nullable(z.number()), totalCents: z.number(),
    lines: z.array(z.object({ orderId: z.string(), orderNumber: z.string(), orderTotalCents: z.number(), commissionCents: z.number(), createdAt: z.string() })),
  })),
});
export type CommissionStatement = z.infer<typeof statementSchema>;

/** GET /api/partners/:id/commission-statements/:month. */
export function useCommissionStatement(partnerId: string, month: string) {
  return useQuery({ queryKey: ['commission', partnerId, month], queryFn: ({ signal }) => request(`/api/partners/${encodeURIComponent(partnerId)}/commission-statements/${month}`, statementSchema, { signal }) });
}

const pnlSchema = z.object({
  entityId: z.string(), from: z.string(), to: z.string(), revenueCents: z.number(), creditedCents: z.number(), materialsCents: z.number(),
  labourCents: z.number(), commissionsCents: z.number(), grossMarginCents: z.number(), resultCents: z.number(),
});
export type ProfitAndLoss = z.infer<typeof pnlSchema>;

/** GET /api/finance/profit-and-loss for one entity and period. */
export function useProfitAndLoss(entityId: string, from: string, to: string) {
  return useQuery({ queryKey: ['pnl', entityId, from, to], queryFn: ({ signal }) => request('/api/finance/profit-and-loss', pnlSchema, { query: { entityId, from, to }, signal }) });
}
