import { nlBilling } from './messages-nl-billing';
import { nlPlanning } from './messages-nl-planning';
import { nlSales } from './messages-nl-sales';

/**
 * The Dutch texts the customer's pages (customer portal, signing and intake links) add to the shell's
 * when they load: quotes, invoices and appointments, not the office portals' stock, optimiser and message screens,
 * so a customer's phone downloads less before the first screen (issue 16).
 */
export const nlCustomerTexts = { ...nlSales, ...nlBilling, ...nlPlanning } as const;
