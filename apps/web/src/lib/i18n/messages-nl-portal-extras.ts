import { nlCommunication } from './messages-nl-communication';
import { nlCustomerTexts } from './messages-nl-customer';
import { nlInventory } from './messages-nl-inventory';
import { nlStockFlow } from './messages-nl-stock-flow';
import { nlPlanningOptimiser } from './messages-nl-planning-optimiser';

/**
 * The Dutch texts of the office portals (ops, partner), beyond the shell's: each adds them when it
 * loads (`addDutchMessages`), so the technician app, the login page and the customer's pages (which
 * add only `nlCustomerTexts`) do not download them (issue 16: a phone on a slow link).
 */
export const nlPortalExtras = {
  ...nlCustomerTexts,
  ...nlInventory,
  ...nlStockFlow,
  ...nlCommunication,
  ...nlPlanningOptimiser,
} as const;
