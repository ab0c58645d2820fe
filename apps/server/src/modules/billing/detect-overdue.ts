import { and, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { invoices } from './billing.schema.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';

/** The daily job: open invoices past their due date become overdue, each with an event for reminders. */
export async function detectOverdueInvoices(db: Db, today = todayInAmsterdam()) {
  return db.transaction(async (tx) => {
    const overdue = await tx
      .update(invoices)
      .set({ status: 'overdue' })
      .where(
        and(
          inArray(invoices.status, ['issued', 'partially_paid']),
          inArray(invoices.kind, ['invoice']),
          lt(invoices.dueDate, today),
        ),
      )
      .returning();
    for (const i of overdue) {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'invoice.overdue',
        subjectType: 'invoice',
        subjectId: i.id,
        after: { dueDate: i.dueDate },
      });
      await emitEvent(tx, {
        type: 'invoice.overdue',
        subjectType: 'invoice',
        subjectId: i.id,
        data: { number: i.number, openCents: i.totalCents - i.paidCents - i.creditedCents },
        audience: { partnerId: i.partnerId, customerId: i.customerId },
      });
    }
    return { overdue: overdue.length };
  });
}
