import { nlField } from './messages-nl-field';
import { nlFieldOps } from './messages-nl-field-ops';
import { nlPortals } from './messages-nl-portals';
import { nlSales } from './messages-nl-sales';
import { nlBilling } from './messages-nl-billing';
import { nlInventory } from './messages-nl-inventory';
import { nlCommunication } from './messages-nl-communication';
import { nlPlanningOptimiser } from './messages-nl-planning-optimiser';
import { nlPlanning } from './messages-nl-planning';

// The Dutch texts are the source: every key exists here, English must match (messages-en.ts).
// Split by area to keep each file readable; the parts never share a key (a test checks).
export const nl = {
  ...nlPortals,
  ...nlSales,
  ...nlBilling,
  ...nlInventory,
  ...nlCommunication,
  ...nlField,
  ...nlFieldOps,
  ...nlPlanningOptimiser,
  ...nlPlanning,
} as const;

export type MessageKey = keyof typeof nl;
