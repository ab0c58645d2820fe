import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { OrdersService } from '../orders/index.ts';
import type { PlanningService } from '../planning/index.ts';
import type { QuotesService } from '../quotes/index.ts';
import { addCustomerNote } from './add-customer-note.ts';
import { getCustomer } from './get-customer.ts';
import { listCustomers, type ListCustomersOptions } from './list-customers.ts';

export { crmRoutes } from './crm.routes.ts';
export { searchTermsFor } from './search-terms.ts';
export { attachLeadCustomer, type LeadPerson, type CustomerMatch } from './attach-lead-customer.ts';

export function createCrmService(deps: { db: Db; quotes: QuotesService; orders: OrdersService; planning: PlanningService }) {
  return {
    list: (opts: ListCustomersOptions) => listCustomers(deps.db, opts),
    /** The unified customer: CRM's own record plus quotes, orders and visits from their modules. */
    async detail(id: string) {
      const customer = await getCustomer(deps.db, id);
      const [quotes, orders, visits] = await Promise.all([deps.quotes.summariesForCustomer(id), deps.orders.summariesForCustomer(id), deps.planning.visitsOfCustomer(id)]);
      return { ...customer, quotes, orders, visits };
    },
    addNote: (actor: Actor, input: { customerId: string; body: string }) => addCustomerNote(deps.db, actor, input),
  };
}
export type CrmService = ReturnType<typeof createCrmService>;
