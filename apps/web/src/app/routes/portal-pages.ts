import type { Role } from '../../features/auth/api/session-schema.ts';

/**
 * Every page of every portal, who may open it and how they get there. The portals register their
 * routes and build their menus from these lists only, so a page exists for a role exactly when it is
 * listed here, and the menu walk (e2e/menu-walk.e2e.test.ts) holds each role's rendered menu to them.
 *
 * - `menu`: an entry of the side menu, in this order, for each of its roles.
 * - `action`: opened by a button on a page of the menu, such as "Nieuwe lead" on the lead inbox; a
 *   role that may not open it does not see the button.
 * - `detail`: one record, opened from a list.
 *
 * Plain data without React, so the browser test reads the same lists (hence the `.ts` import).
 */
export type PortalPage =
  | { path: string; roles: readonly Role[]; reach: 'menu'; label: string; end?: boolean }
  | { path: string; roles: readonly Role[]; reach: 'action' | 'detail' };

const STAFF = ['admin', 'operations', 'planner'] as const;
// Lead decisions, partners' keys and webhooks, quotes, invoices, the P&L and the messages are for admin
// and operations; planners plan visits of orders and read leads, customers, orders and quotes.
const MANAGERS = ['admin', 'operations'] as const;
// The menu "Voorraad": warehouse staff run it, admin and operations oversee it (issue 13).
const STOCK = ['admin', 'operations', 'warehouse'] as const;

export const opsPages = [
  { path: '/ops', roles: STAFF, reach: 'menu', label: 'ops.dashboard', end: true },
  { path: '/ops/leads', roles: STAFF, reach: 'menu', label: 'leads.title' },
  // Entering a lead by hand is intake work (PRD process 1); the server takes it from admin and operations only.
  { path: '/ops/leads/new', roles: MANAGERS, reach: 'action' },
  { path: '/ops/leads/:id', roles: STAFF, reach: 'detail' },
  { path: '/ops/customers', roles: STAFF, reach: 'menu', label: 'customers.title' },
  { path: '/ops/customers/:id', roles: STAFF, reach: 'detail' },
  { path: '/ops/orders', roles: STAFF, reach: 'menu', label: 'orders.title' },
  { path: '/ops/orders/:id', roles: STAFF, reach: 'detail' },
  { path: '/ops/planning', roles: STAFF, reach: 'menu', label: 'planning.title' },
  { path: '/ops/partners', roles: MANAGERS, reach: 'menu', label: 'partners.title' },
  { path: '/ops/partners/:id', roles: MANAGERS, reach: 'detail' },
  { path: '/ops/quotes', roles: STAFF, reach: 'menu', label: 'quotes.title' },
  { path: '/ops/quotes/new', roles: MANAGERS, reach: 'action' },
  { path: '/ops/quotes/:id', roles: STAFF, reach: 'detail' },
  { path: '/ops/invoices', roles: MANAGERS, reach: 'menu', label: 'invoices.title' },
  { path: '/ops/invoices/monthly', roles: MANAGERS, reach: 'action' },
  // Payment reminder steps per entity (issue 14), from the button beside the monthly run.
  { path: '/ops/invoices/reminders', roles: MANAGERS, reach: 'action' },
  { path: '/ops/invoices/:id', roles: MANAGERS, reach: 'detail' },
  { path: '/ops/commission', roles: MANAGERS, reach: 'menu', label: 'commission.opsTitle' },
  { path: '/ops/finance', roles: MANAGERS, reach: 'menu', label: 'pnl.title' },
  // Menu "Communicatie" (issue 14): the message log on every channel; admins also the providers.
  { path: '/ops/communication', roles: MANAGERS, reach: 'menu', label: 'communication.title', end: true },
  { path: '/ops/communication/templates', roles: MANAGERS, reach: 'menu', label: 'templates.title' },
  { path: '/ops/communication/satisfaction', roles: MANAGERS, reach: 'menu', label: 'satisfaction.title' },
  { path: '/ops/inventory', roles: STOCK, reach: 'menu', label: 'inventory.title', end: true },
  { path: '/ops/inventory/products/:id', roles: STOCK, reach: 'detail' },
  { path: '/ops/inventory/serials', roles: STOCK, reach: 'menu', label: 'inventory.serials.title' },
  { path: '/ops/inventory/purchase-orders', roles: STOCK, reach: 'menu', label: 'inventory.purchaseOrders.title' },
  { path: '/ops/inventory/purchase-orders/:id', roles: STOCK, reach: 'detail' },
  { path: '/ops/inventory/picking', roles: STOCK, reach: 'menu', label: 'inventory.picking.title' },
  { path: '/ops/inventory/transfers', roles: STOCK, reach: 'menu', label: 'inventory.transfers.title' },
  { path: '/ops/inventory/van-requests', roles: STOCK, reach: 'menu', label: 'inventory.vanRequests.title' },
  { path: '/ops/inventory/reorder', roles: STOCK, reach: 'menu', label: 'inventory.reorder.title' },
  { path: '/ops/inventory/forecast', roles: STOCK, reach: 'menu', label: 'inventory.forecast.title' },
  { path: '/ops/inventory/stock-outs', roles: STOCK, reach: 'menu', label: 'inventory.stockOuts.title' },
  { path: '/ops/inventory/counts', roles: STOCK, reach: 'menu', label: 'inventory.counts.title' },
  { path: '/ops/inventory/counts/:id', roles: STOCK, reach: 'detail' },
  { path: '/ops/inventory/tools', roles: STOCK, reach: 'menu', label: 'inventory.tools.title' },
  { path: '/ops/inventory/tools/:id', roles: STOCK, reach: 'detail' },
  // Menu "Planning" (issue 12): the optimiser with its proposals and the day routes, beside the board.
  { path: '/ops/planning/optimise', roles: STAFF, reach: 'menu', label: 'optimiser.title' },
  { path: '/ops/planning/proposals/:id', roles: STAFF, reach: 'detail' },
  { path: '/ops/planning/routes', roles: STAFF, reach: 'menu', label: 'routes.title' },
  // The technician app as ops see it (issue 15): a visit's result, the cases its sync left, the phones.
  { path: '/ops/visits/:id', roles: STAFF, reach: 'detail' },
  { path: '/ops/field/cases', roles: STAFF, reach: 'menu', label: 'fieldCases.title' },
  { path: '/ops/field/devices', roles: STAFF, reach: 'menu', label: 'devices.title' },
  { path: '/ops/admin', roles: ['admin'], reach: 'menu', label: 'admin.title' },
] as const satisfies readonly PortalPage[];

const PARTNER = ['partner'] as const;

export const partnerPages = [
  { path: '/partner', roles: PARTNER, reach: 'menu', label: 'orders.title', end: true },
  { path: '/partner/orders/:id', roles: PARTNER, reach: 'detail' },
  { path: '/partner/quotes', roles: PARTNER, reach: 'menu', label: 'quotes.title' },
  { path: '/partner/quotes/:id', roles: PARTNER, reach: 'detail' },
  { path: '/partner/invoices', roles: PARTNER, reach: 'menu', label: 'invoices.title' },
  { path: '/partner/commission', roles: PARTNER, reach: 'menu', label: 'commission.title' },
  // ZaptecShop.nl and RatioShop.nl contractors see wholesale availability in bands (issue 13); other partners a note.
  { path: '/partner/availability', roles: PARTNER, reach: 'menu', label: 'inventory.wholesale.title' },
  { path: '/partner/leads', roles: PARTNER, reach: 'menu', label: 'leads.partnerTitle' },
  { path: '/partner/leads/:id', roles: PARTNER, reach: 'detail' },
  { path: '/partner/api-keys', roles: PARTNER, reach: 'menu', label: 'apiKeys.title' },
  { path: '/partner/webhooks', roles: PARTNER, reach: 'menu', label: 'webhooks.title' },
  { path: '/partner/mail-settings', roles: PARTNER, reach: 'menu', label: 'partnerMail.title' },
  { path: '/partner/api-docs', roles: PARTNER, reach: 'menu', label: 'apiDocs.title' },
  { path: '/partner/api-tester', roles: PARTNER, reach: 'menu', label: 'apiTester.title' },
] as const satisfies readonly PortalPage[];

const CUSTOMER = ['customer'] as const;

export const customerPages = [
  { path: '/customer', roles: CUSTOMER, reach: 'menu', label: 'customerPortal.orders', end: true },
  { path: '/customer/quotes', roles: CUSTOMER, reach: 'menu', label: 'quotes.title' },
  { path: '/customer/quotes/:id', roles: CUSTOMER, reach: 'detail' },
  { path: '/customer/invoices', roles: CUSTOMER, reach: 'menu', label: 'invoices.title' },
] as const satisfies readonly PortalPage[];

export const technicianPages = [
  { path: '/technician', roles: ['technician'], reach: 'menu', label: 'technician.today', end: true },
  // A visit of the day opens from its card (the offline app's own routes, features/field).
  { path: '/technician/visits/:id', roles: ['technician'], reach: 'detail' },
] as const satisfies readonly PortalPage[];

export const portalPages = {
  ops: opsPages,
  partner: partnerPages,
  customer: customerPages,
  technician: technicianPages,
} as const;

/** The pages `role` may open, in menu order. */
export function pagesFor<P extends PortalPage>(pages: readonly P[], role: Role): P[] {
  return pages.filter((p) => p.roles.includes(role));
}
