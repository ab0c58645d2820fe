import { useQuery } from '@tanstack/react-query';
import {
  CommissionStatement as CommissionStatementSchema,
  ProfitAndLoss as ProfitAndLossSchema,
} from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type CommissionStatement = z.infer<typeof CommissionStatementSchema>;
export type ProfitAndLoss = z.infer<typeof ProfitAndLossSchema>;

/** GET /api/partners/:id/commission-statements/:month. */
export const commissionStatementEndpoint = endpoint(
  'GET',
  '/api/partners/:id/commission-statements/:month',
  CommissionStatementSchema,
);
/** GET /api/finance/profit-and-loss for one entity and period. */
export const profitAndLossEndpoint = endpoint('GET', '/api/finance/profit-and-loss', ProfitAndLossSchema);

export function useCommissionStatement(partnerId: string, month: string) {
  return useQuery({
    queryKey: ['commission', partnerId, month],
    queryFn: ({ signal }) => request(commissionStatementEndpoint, { params: { id: partnerId, month }, signal }),
  });
}

export function useProfitAndLoss(entityId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['pnl', entityId, from, to],
    queryFn: ({ signal }) => request(profitAndLossEndpoint, { query: { entityId, from, to }, signal }),
  });
}
