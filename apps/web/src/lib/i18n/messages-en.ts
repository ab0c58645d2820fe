import { enField } from './messages-en-field';
import { enFieldOps } from './messages-en-field-ops';
import type { MessageKey } from './messages-nl';
import { enPortals } from './messages-en-portals';
import { enSales } from './messages-en-sales';
import { enBilling } from './messages-en-billing';
import { enInventory } from './messages-en-inventory';
import { enStockFlow } from './messages-en-stock-flow';
import { enCommunication } from './messages-en-communication';
import { enPlanningOptimiser } from './messages-en-planning-optimiser';
import { enPlanning } from './messages-en-planning';
import { enNotifications } from './messages-en-notifications';

// Each part is typed against its Dutch part, so the whole has every key.
export const en: Record<MessageKey, string> = {
  ...enPortals,
  ...enSales,
  ...enBilling,
  ...enInventory,
  ...enStockFlow,
  ...enCommunication,
  ...enField,
  ...enFieldOps,
  ...enPlanningOptimiser,
  ...enPlanning,
  ...enNotifications,
};
