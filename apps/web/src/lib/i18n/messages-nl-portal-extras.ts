import { nlBilling } from './messages-nl-billing';
import { nlCommunication } from './messages-nl-communication';
import { nlInventory } from './messages-nl-inventory';
import { nlStockFlow } from './messages-nl-stock-flow';
import { nlPlanning } from './messages-nl-planning';
import { nlPlanningOptimiser } from './messages-nl-planning-optimiser';
import { nlSales } from './messages-nl-sales';

/**
 * The Dutch texts of the office portals (ops, partner, customer, signing, intake), beyond the shell's:
 * each of those portals adds them when it loads (`addDutchMessages`), so the technician app and the
 * login page do not download them (issue 16: a phone on a slow link).
 */
export const nlPortalExtras = {
  ...nlSales,
  ...nlBilling,
  ...nlInventory,
  ...nlStockFlow,
  ...nlCommunication,
  ...nlPlanningOptimiser,
  ...nlPlanning,
} as const;
