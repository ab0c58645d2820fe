import type * as s from '../../apps/server/src/platform/db/schema.ts';
import { searchTermsFor } from '../../apps/server/src/modules/crm/index.ts';
import { demoAddress, dutchMobile, email, personName, type Rng } from '../demo/index.ts';
import type { Reference } from './generate-reference.ts';
import { addDays, pad, uuidFrom, type Counts } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
export type DemoCustomer = Insert<typeof s.customers> & {
  id: string;
  createdAt: Date;
  sourceEntityId: string;
  address: Insert<typeof s.addresses> & { id: string; lat: number; lon: number; postcode: string };
  region: string;
};

const COMPANY_WORDS = ['Bouw', 'Techniek', 'Logistiek', 'Advies', 'Zorg', 'Transport', 'Vastgoed', 'Agro'];

/** Customers at real PC4 areas; their source entity and partner decide how their orders look later. */
export function generateCustomers(rng: Rng, counts: Counts, ref: Reference, now: Date) {
  const used = new Set<string>();
  const customers: DemoCustomer[] = [];
  const activePartners = ref.partners.filter((p) => p.row.status === 'active');
  const partnersFor = (entityId: string, category?: string) =>
    activePartners.filter(
      (p) => p.demo.entities.some((e) => e.toLowerCase() === entityId) && (!category || p.row.category === category),
    );
  const byEntity = new Map<string, typeof activePartners>();
  for (const e of ['chargecars', 'laderthuis', 'meterkastthuis']) byEntity.set(e, partnersFor(e));
  const leadTransfer = activePartners.filter((p) => p.row.category === 'LeadTransfer');

  for (let i = 0; i < counts.customers; i++) {
    const name = personName(rng);
    const business = rng.chance(0.08);
    const sourceEntityId = rng.weighted([
      ['chargecars', 50],
      ['laderthuis', 32],
      ['meterkastthuis', 12],
      ['zaptecshop', 3],
      ['ratioshop', 3],
    ] as const);
    // ChargeCars only works through partners (PRD 1.3); the consumer brands get some via lead-transfer partners.
    const pool =
      sourceEntityId === 'chargecars'
        ? byEntity.get('chargecars')!
        : sourceEntityId === 'zaptecshop' || sourceEntityId === 'ratioshop'
          ? []
          : rng.chance(0.4)
            ? leadTransfer
            : [];
    const partner = pool.length ? rng.pick(pool) : null;
    const address = demoAddress(rng);
    const id = uuidFrom(rng);
    const createdAt = addDays(now, -rng.int(20, 420));
    createdAt.setUTCHours(rng.int(7, 19), rng.int(0, 59), 0, 0);
    customers.push({
      id,
      number: `KL-${pad(i + 1, 6)}`,
      kind: business ? 'business' : 'consumer',
      name: name.fullName,
      companyName: business ? `${name.lastName} ${rng.pick(COMPANY_WORDS)} B.V.` : null,
      email: email(rng, name, used),
      phone: dutchMobile(rng),
      status: 'lead',
      sourceEntityId,
      sourcePartnerId: partner?.row.id ?? null,
      acquiredAt: createdAt,
      createdAt,
      updatedAt: createdAt,
      region: address.region,
      address: {
        id: uuidFrom(rng),
        customerId: id,
        kind: 'installation',
        street: address.street,
        houseNumber: address.houseNumber,
        houseNumberAddition: address.houseNumberAddition,
        postcode: address.postcode,
        city: address.city,
        municipality: address.municipality,
        province: address.province,
        lat: address.lat,
        lon: address.lon,
        isPrimary: true,
        createdAt,
      },
    });
  }
  return customers;
}

export function customerRows(customers: DemoCustomer[]) {
  const rows: Insert<typeof s.customers>[] = [];
  const addresses: Insert<typeof s.addresses>[] = [];
  const terms: Insert<typeof s.customerSearchTerms>[] = [];
  for (const { address, region: _region, ...c } of customers) {
    rows.push(c);
    addresses.push(address);
    for (const term of searchTermsFor({
      name: c.name,
      companyName: c.companyName ?? null,
      email: c.email,
      phone: c.phone ?? null,
      postcode: address.postcode,
    }))
      terms.push({ customerId: c.id, term });
  }
  return { rows, addresses, terms };
}
