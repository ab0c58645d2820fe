import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { notFound } from '../../platform/errors.ts';
import { orderCountOfPartner } from '../../read-models/partner-list.ts';
import { partners } from './partners.schema.ts';
import { presentPartner } from './get-partner.ts';

export type PartnerChanges = { vatNumber?: string | null | undefined };

/**
 * Ops change a partner's registration details (for now its VAT number, which decides reverse charge on
 * its next invoices; invoices already issued keep the number they were issued with).
 */
export async function updatePartner(db: Db, actor: Actor, opts: { partnerId: string; changes: PartnerChanges }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(partners).where(eq(partners.id, opts.partnerId)).for('update');
    if (!before) throw notFound('Partner');
    const set = { ...(opts.changes.vatNumber !== undefined ? { vatNumber: opts.changes.vatNumber } : {}) };
    const [after] = Object.keys(set).length
      ? await tx.update(partners).set(set).where(eq(partners.id, before.id)).returning()
      : [before];
    const view = presentPartner(after!, await orderCountOfPartner(tx, before.id));
    await recordAudit(tx, actor, {
      action: 'partner.updated',
      subjectType: 'partner',
      subjectId: before.id,
      before: { vatNumber: before.vatNumber },
      after: { vatNumber: view.vatNumber, reverseCharge: view.reverseCharge },
    });
    await emitEvent(tx, {
      type: 'partner.updated',
      subjectType: 'partner',
      subjectId: before.id,
      data: { vatNumber: view.vatNumber, reverseCharge: view.reverseCharge },
      audience: { partnerId: before.id },
    });
    return view;
  });
}
