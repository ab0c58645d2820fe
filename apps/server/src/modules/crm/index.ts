import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { customer360 } from '../../read-models/customer-360.ts';
import { addCustomerNote } from './add-customer-note.ts';
import { listCustomers, type ListCustomersOptions } from './list-customers.ts';

export { crmRoutes } from './crm.routes.ts';
export { searchTermsFor } from './search-terms.ts';
export { attachLeadCustomer, type LeadPerson, type CustomerMatch } from './attach-lead-customer.ts';
export { customerAddressId, customerInstallationAddress } from './customer-address.ts';
export { recordInteraction } from './record-interaction.ts';

export function createCrmService(deps: { db: Db }) {
  return {
    list: (opts: ListCustomersOptions) => listCustomers(deps.db, opts),
    detail: (id: string, language: 'nl' | 'en') => customer360(deps.db, id, language),
    addNote: (actor: Actor, input: { customerId: string; body: string }) => addCustomerNote(deps.db, actor, input),
  };
}
export type CrmService = ReturnType<typeof createCrmService>;
