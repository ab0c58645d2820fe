import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { businessEntities } from './entities.schema.ts';

/** Each entity's payment reminder steps: the numbers of days past the due date at which a reminder goes. */
export const listPaymentReminderSteps = (db: DbOrTx) =>
  db
    .select({ entityId: businessEntities.id, name: businessEntities.name, days: businessEntities.paymentReminderDays })
    .from(businessEntities)
    .orderBy(asc(businessEntities.name));

/**
 * Sets an entity's reminder steps (the contract holds them rising, at most five). Invoices keep the number
 * of steps they had: one that had two reminders gets its next when it reaches the new third step.
 */
export async function setPaymentReminderSteps(db: Db, actor: Actor, entityId: string, days: number[]) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ days: businessEntities.paymentReminderDays })
      .from(businessEntities)
      .where(eq(businessEntities.id, entityId))
      .for('update');
    if (!before) throw notFound('Entiteit', 'Entity');
    const [after] = await tx
      .update(businessEntities)
      .set({ paymentReminderDays: days })
      .where(eq(businessEntities.id, entityId))
      .returning({
        entityId: businessEntities.id,
        name: businessEntities.name,
        days: businessEntities.paymentReminderDays,
      });
    await recordAudit(tx, actor, {
      action: 'entity.payment_reminder_days',
      subjectType: 'business_entity',
      subjectId: entityId,
      before: { days: before.days },
      after: { days },
    });
    return after!;
  });
}
