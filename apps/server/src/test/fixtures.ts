import type { Database } from '../platform/db/client.ts';
import * as s from '../platform/db/schema.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { searchTermsFor } from '../modules/crm/index.ts';
import { todayInAmsterdam } from '../platform/calendar.ts';

export const PASSWORD = 'Test-wachtwoord-1';

/**
 * A small world with two of everything that is scoped (partners, customers, teams), so tests can
 * prove that one side cannot read or change the other's records.
 */
export async function loadFixtures(database: Database) {
  const { db } = database;
  const today = todayInAmsterdam();
  await db.insert(s.businessEntities).values([
    {
      id: 'chargecars',
      name: 'ChargeCars',
      legalName: 'ChargeCars B.V.',
      kind: 'b2b_partner',
      kvkNumber: '10000001',
      vatNumber: 'NL000000001B01',
      iban: 'NL00BANK0000000001',
      emailFrom: 'planning@chargecars.nl',
      brandColor: '#16a34a',
      website: 'https://chargecars.nl',
    },
    {
      id: 'laderthuis',
      name: 'LaderThuis.nl',
      legalName: 'LaderThuis B.V.',
      kind: 'consumer',
      kvkNumber: '10000002',
      vatNumber: 'NL000000002B01',
      iban: 'NL00BANK0000000002',
      emailFrom: 'info@laderthuis.nl',
      brandColor: '#2563eb',
      website: 'https://laderthuis.nl',
    },
  ]);
  await db.insert(s.regions).values([
    { code: 'MIDDEN', name: 'Midden', pc2: ['35', '38'] },
    { code: 'NOORD-HOLLAND', name: 'Noord-Holland', pc2: ['10', '11'] },
  ]);
  const [team1, team2] = await db
    .insert(s.teams)
    .values([
      {
        code: 'T1',
        name: 'Team Midden',
        homeBasePc4: '3861',
        homeBaseLabel: 'Nijkerk',
        lat: 52.22666,
        lon: 5.47561,
        skills: ['charger_installation', 'survey', 'ocpp_configuration', 'three_phase_meter_cabinet'],
        // Every day, so tests that plan "tomorrow" pass on any weekday; planning tests make their own teams.
        workingDays: [1, 2, 3, 4, 5, 6, 7],
      },
      {
        code: 'T2',
        name: 'Team Noord-Holland',
        homeBasePc4: '1012',
        homeBaseLabel: 'Amsterdam',
        lat: 52.37349,
        lon: 4.89507,
        skills: ['charger_installation'],
        workingDays: [1, 2, 3, 4, 5, 6, 7],
      },
    ])
    .returning();
  await db.insert(s.teamRegions).values([
    { teamId: team1!.id, regionCode: 'MIDDEN' },
    { teamId: team2!.id, regionCode: 'NOORD-HOLLAND' },
  ]);
  const [partnerA, partnerB] = await db
    .insert(s.partners)
    .values([
      {
        number: 'P-0001',
        name: 'Autohuis Alfa',
        category: 'Automotive',
        entityId: 'chargecars',
        kvkNumber: '20000001',
        email: 'info@alfa.example.nl',
      },
      {
        number: 'P-0002',
        name: 'Energie Bravo',
        category: 'Energy',
        entityId: 'chargecars',
        kvkNumber: '20000002',
        email: 'info@bravo.example.nl',
      },
    ])
    .returning();
  const [c1, c2] = await db
    .insert(s.customers)
    .values([
      {
        number: 'KL-000001',
        name: 'Anna de Vries',
        email: 'anna@example.nl',
        phone: '+31612345678',
        status: 'customer',
        sourceEntityId: 'chargecars',
        sourcePartnerId: partnerA!.id,
      },
      {
        number: 'KL-000002',
        name: 'Bram Jansen',
        email: 'bram@example.nl',
        phone: '+31687654321',
        status: 'customer',
        sourceEntityId: 'laderthuis',
        sourcePartnerId: partnerB!.id,
      },
    ])
    .returning();
  const [a1, a2] = await db
    .insert(s.addresses)
    .values([
      {
        customerId: c1!.id,
        street: 'Kerkstraat',
        houseNumber: 1,
        postcode: '3861 AB',
        city: 'Nijkerk',
        lat: 52.2267,
        lon: 5.4756,
      },
      {
        customerId: c2!.id,
        street: 'Damrak',
        houseNumber: 2,
        houseNumberAddition: 'B',
        postcode: '1012 LG',
        city: 'Amsterdam',
        lat: 52.3735,
        lon: 4.8951,
      },
    ])
    .returning();
  await db.insert(s.customerEntities).values([
    { customerId: c1!.id, entityId: 'chargecars' },
    { customerId: c2!.id, entityId: 'laderthuis' },
    { customerId: c2!.id, entityId: 'chargecars' },
  ]);
  await db
    .insert(s.customerSearchTerms)
    .values([
      ...searchTermsFor({ ...c1!, postcode: a1!.postcode }).map((term) => ({ customerId: c1!.id, term })),
      ...searchTermsFor({ ...c2!, postcode: a2!.postcode }).map((term) => ({ customerId: c2!.id, term })),
    ]);
  const [o1, o2] = await db
    .insert(s.orders)
    .values([
      {
        number: 'ORD-2026-000001',
        entityId: 'chargecars',
        customerId: c1!.id,
        partnerId: partnerA!.id,
        installationAddressId: a1!.id,
        stage: 'scheduled',
        progress: 40,
        customerTotalCents: 35000,
        partnerTotalCents: 120000,
        totalCents: 155000,
      },
      {
        number: 'ORD-2026-000002',
        entityId: 'laderthuis',
        customerId: c2!.id,
        partnerId: partnerB!.id,
        installationAddressId: a2!.id,
        stage: 'new',
        progress: 10,
        customerTotalCents: 99000,
        partnerTotalCents: 0,
        totalCents: 99000,
      },
    ])
    .returning();
  await db.insert(s.orderLines).values([
    {
      orderId: o1!.id,
      position: 1,
      description: 'Zaptec Go 2',
      quantity: 1,
      unitPriceCents: 90000,
      vatRate: 21,
      vatCategory: 'standard',
      billTo: 'partner',
      totalCents: 90000,
    },
    {
      orderId: o1!.id,
      position: 2,
      description: 'Installatie standaard',
      quantity: 1,
      unitPriceCents: 30000,
      vatRate: 21,
      vatCategory: 'standard',
      billTo: 'partner',
      totalCents: 30000,
    },
    {
      orderId: o1!.id,
      position: 3,
      description: 'Meerprijs kabel per meter boven 10 m',
      quantity: 5,
      unitPriceCents: 7000,
      vatRate: 21,
      vatCategory: 'standard',
      billTo: 'customer',
      totalCents: 35000,
    },
    {
      orderId: o2!.id,
      position: 1,
      description: 'Alfen Eve Single Pro-line',
      quantity: 1,
      unitPriceCents: 99000,
      vatRate: 21,
      vatCategory: 'standard',
      billTo: 'customer',
      totalCents: 99000,
    },
  ]);
  const [v1, v2] = await db
    .insert(s.visits)
    .values([
      {
        number: 'BZ-000001',
        orderId: o1!.id,
        entityId: 'chargecars',
        customerId: c1!.id,
        addressId: a1!.id,
        type: 'installation',
        status: 'scheduled',
        teamId: team1!.id,
        scheduledDate: today,
        block: 'morning',
        durationMinutes: 180,
      },
      {
        number: 'BZ-000002',
        orderId: o2!.id,
        entityId: 'laderthuis',
        customerId: c2!.id,
        addressId: a2!.id,
        type: 'survey',
        status: 'scheduled',
        teamId: team2!.id,
        scheduledDate: today,
        block: 'afternoon',
        durationMinutes: 60,
      },
    ])
    .returning();
  const passwordHash = await hashPassword(PASSWORD);
  const users = await db
    .insert(s.users)
    .values([
      { email: 'admin@chargecars.nl', name: 'Ada Admin', role: 'admin', passwordHash },
      { email: 'ops@chargecars.nl', name: 'Otto Operations', role: 'operations', passwordHash },
      { email: 'planner@chargecars.nl', name: 'Petra Planner', role: 'planner', passwordHash },
      { email: 'magazijn@chargecars.nl', name: 'Wim Magazijn', role: 'warehouse', passwordHash },
      { email: 'tech1@chargecars.nl', name: 'Tom Technicus', role: 'technician', teamId: team1!.id, passwordHash },
      { email: 'tech2@chargecars.nl', name: 'Tess Technicus', role: 'technician', teamId: team2!.id, passwordHash },
      { email: 'partner-a@alfa.example.nl', name: 'Paul Alfa', role: 'partner', partnerId: partnerA!.id, passwordHash },
      {
        email: 'partner-b@bravo.example.nl',
        name: 'Bea Bravo',
        role: 'partner',
        partnerId: partnerB!.id,
        passwordHash,
      },
      { email: 'anna@example.nl', name: 'Anna de Vries', role: 'customer', customerId: c1!.id },
      { email: 'bram@example.nl', name: 'Bram Jansen', role: 'customer', customerId: c2!.id },
    ])
    .returning();
  const byEmail = Object.fromEntries(users.map((u) => [u.email, u]));
  return {
    today,
    team1: team1!,
    team2: team2!,
    partnerA: partnerA!,
    partnerB: partnerB!,
    c1: c1!,
    c2: c2!,
    o1: o1!,
    o2: o2!,
    v1: v1!,
    v2: v2!,
    users: byEmail,
  };
}
