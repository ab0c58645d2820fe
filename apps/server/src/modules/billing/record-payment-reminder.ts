import { and, gt, inArray, lt, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { invoices } from './billing.schema.ts';

/**
 * Records on the invoice that reminder `step` (at `days` overdue) goes, in the transaction that queues its
 * mail. Only forward, and only while something is open: a step already recorded, or an invoice paid,
 * credited or cancelled since it was read, records nothing, and the caller then sends nothing.
 */
export async function recordPaymentReminder(
  tx: Tx,
  reminder: { invoiceId: string; step: number; days: number; at: Date },
): Promise<boolean> {
  const [updated] = await tx
    .update(invoices)
    .set({ reminderStep: reminder.step, reminderDays: reminder.days, remindedAt: reminder.at })
    .where(
      and(
        eq(invoices.id, reminder.invoiceId),
        eq(invoices.kind, 'invoice'),
        lt(invoices.reminderStep, reminder.step),
        inArray(invoices.status, ['issued', 'partially_paid', 'overdue']),
        gt(sql`${invoices.totalCents} - ${invoices.paidCents} - ${invoices.creditedCents}`, 0),
      ),
    )
    .returning({ id: invoices.id });
  if (!updated) return false;
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: 'invoice.payment_reminder',
    subjectType: 'invoice',
    subjectId: reminder.invoiceId,
    after: { step: reminder.step, days: reminder.days },
  });
  return true;
}
