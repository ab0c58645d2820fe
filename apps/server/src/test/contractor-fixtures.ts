import type { Database } from '../platform/db/client.ts';
import * as s from '../platform/db/schema.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { PASSWORD, type loadFixtures } from './fixtures.ts';

type Fixtures = Awaited<ReturnType<typeof loadFixtures>>;

/**
 * Two installation companies (B2BContractor) for reverse-charge tests: Charlie with a VAT number (and a
 * portal user), Delta without one. Both agree with ChargeCars to pay the charger, the installation and
 * the included cable; the customer pays the rest. Their own customer is added, so orders have a buyer.
 */
export async function loadContractorFixtures(database: Database, _f: Fixtures) {
  const { db } = database;
  const [charlie, delta] = await db
    .insert(s.partners)
    .values([
      {
        number: 'P-0003',
        name: 'Installatiebedrijf Charlie',
        category: 'B2BContractor',
        entityId: 'chargecars',
        kvkNumber: '20000003',
        vatNumber: 'NL123456789B01',
        email: 'info@charlie.example.nl',
      },
      {
        number: 'P-0004',
        name: 'Elektro Delta',
        category: 'B2BContractor',
        entityId: 'chargecars',
        kvkNumber: '20000004',
        email: 'info@delta.example.nl',
      },
    ])
    .returning();
  await db.insert(s.partnerAgreements).values(
    [charlie!, delta!].map((p) => ({
      partnerId: p.id,
      entityId: 'chargecars',
      commissionType: 'none' as const,
      partnerPaysCategories: ['charging_station', 'installation_service', 'cable_accessory'],
      paymentTermDays: 30,
      validFrom: '2024-01-01',
    })),
  );
  const [customer] = await db
    .insert(s.customers)
    .values({
      number: 'KL-000003',
      name: 'Carla Klant',
      email: 'carla@example.nl',
      status: 'customer',
      sourceEntityId: 'chargecars',
      sourcePartnerId: charlie!.id,
    })
    .returning();
  await db.insert(s.addresses).values({
    customerId: customer!.id,
    street: 'Dorpsstraat',
    houseNumber: 3,
    postcode: '3861 AC',
    city: 'Nijkerk',
    lat: 52.227,
    lon: 5.476,
  });
  await db.insert(s.users).values({
    email: 'partner-c@charlie.example.nl',
    name: 'Chris Charlie',
    role: 'partner',
    partnerId: charlie!.id,
    passwordHash: await hashPassword(PASSWORD),
  });
  return { charlie: charlie!, delta: delta!, customer: customer! };
}
