import type { Db } from '../../platform/db/client.ts';
import { quoteSummariesForCustomer } from './quote-summaries.ts';

export function createQuotesService(deps: { db: Db }) {
  return { summariesForCustomer: (customerId: string) => quoteSummariesForCustomer(deps.db, customerId) };
}
export type QuotesService = ReturnType<typeof createQuotesService>;
