import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { partnerAgreements, partners } from './partners.schema.ts';
import { qualifiesForReverseCharge } from './reverse-charge.ts';

/** One partner, or undefined when there is none with this id. */
export async function findPartner(db: DbOrTx, id: string) {
  const [partner] = await db.select().from(partners).where(eq(partners.id, id));
  return partner;
}

/** The partner's agreement with the selling entity that is valid on the given day, if any. */
export async function agreementOn(db: DbOrTx, partnerId: string, entityId: string, day: string) {
  const [agreement] = await db
    .select({
      partnerPaysCategories: partnerAgreements.partnerPaysCategories,
      paymentTermDays: partnerAgreements.paymentTermDays,
    })
    .from(partnerAgreements)
    .where(
      and(
        eq(partnerAgreements.partnerId, partnerId),
        eq(partnerAgreements.entityId, entityId),
        lte(partnerAgreements.validFrom, day),
        or(isNull(partnerAgreements.validTo), gte(partnerAgreements.validTo, day)),
      ),
    )
    .limit(1);
  return agreement;
}

/** The partner's VAT number and whether the VAT on what it buys is shifted to it; undefined for an unknown partner. */
export async function vatStandingOf(db: DbOrTx, partnerId: string) {
  const [p] = await db
    .select({ category: partners.category, vatNumber: partners.vatNumber })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return p ? { vatNumber: p.vatNumber, reverseCharge: qualifiesForReverseCharge(p) } : undefined;
}
