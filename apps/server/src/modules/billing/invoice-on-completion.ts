import type { Db } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { invoicesOnCompletion } from '../entities/index.ts';
import { orderVisitPlan } from '../orders/index.ts';
import { issueOrderInvoices } from './issue-order-invoices.ts';

/**
 * Billing's answer to `order.completed`: when the order's entity says so (`invoice_on_completion`), its
 * invoices are issued at once, by the system. Idempotent: an order already invoiced (a retry, or ops were
 * quicker) has nothing left to invoice, and that is not an error here.
 */
export async function invoiceCompletedOrder(db: Db, orderId: string) {
  const order = await orderVisitPlan(db, orderId);
  if (!order || !(await invoicesOnCompletion(db, order.entityId))) return [];
  try {
    return await issueOrderInvoices(db, SYSTEM_ACTOR, { orderId });
  } catch (err) {
    // Already invoiced (by ops, or by an earlier delivery of the same event) is done, not an error.
    const done = ['nothing_to_invoice', 'order_already_invoiced', 'order_not_complete'];
    if (err instanceof AppError && done.includes(err.code)) return [];
    throw err;
  }
}
