import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { addresses } from './crm.schema.ts';

/** The id of the customer's address at a postcode and house number, or else their first by kind (installation first); null without one. */
export async function customerAddressId(
  db: DbOrTx,
  customerId: string,
  at?: { postcode: string; houseNumber: number },
): Promise<string | null> {
  const [address] = at
    ? await db
        .select({ id: addresses.id })
        .from(addresses)
        .where(
          and(
            eq(addresses.customerId, customerId),
            eq(addresses.postcode, at.postcode),
            eq(addresses.houseNumber, at.houseNumber),
          ),
        )
        .limit(1)
    : await db
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.customerId, customerId))
        .orderBy(asc(addresses.kind))
        .limit(1);
  return address?.id ?? null;
}

/** The customer's installation address (the primary one first), as a signer and a technician read it; null without one. */
export async function customerInstallationAddress(db: DbOrTx, customerId: string) {
  const [address] = await db
    .select({
      street: addresses.street,
      houseNumber: addresses.houseNumber,
      houseNumberAddition: addresses.houseNumberAddition,
      postcode: addresses.postcode,
      city: addresses.city,
    })
    .from(addresses)
    .where(and(eq(addresses.customerId, customerId), eq(addresses.kind, 'installation')))
    .orderBy(desc(addresses.isPrimary))
    .limit(1);
  return address ?? null;
}
