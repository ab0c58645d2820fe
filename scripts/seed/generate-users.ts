import type * as s from '../../apps/server/src/platform/db/schema.ts';
import type { Reference } from './generate-reference.ts';
import type { DemoCustomer } from './generate-customers.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export const DEMO_PASSWORD = 'ChargeCars-demo-2026';
export const STAFF = [
  { email: 'admin@chargecars.nl', name: 'Anouk Beheer', role: 'admin' as const },
  { email: 'operations@chargecars.nl', name: 'Olaf Operations', role: 'operations' as const },
  { email: 'planner@chargecars.nl', name: 'Priya Planning', role: 'planner' as const },
  { email: 'magazijn@chargecars.nl', name: 'Wim Magazijn', role: 'warehouse' as const },
];

/**
 * Logins for every role. All demo passwords are the same, so one argon2id hash serves them all;
 * customers have no password (they log in by link).
 */
export function generateUsers(ref: Reference, customers: DemoCustomer[], passwordHash: string) {
  const users: Insert<typeof s.users>[] = STAFF.map((u) => ({ ...u, passwordHash }));
  ref.teams.forEach((t) => {
    const tech = ref.technicians.find((x) => x.teamId === t.id)!;
    users.push({
      email: `monteur.${t.code.toLowerCase()}@chargecars.nl`,
      name: tech.name,
      role: 'technician',
      teamId: t.id,
      passwordHash,
    });
  });
  // The partner's portal login is its contact person's address, so the account bears that person's name
  // (the portal's header names the company).
  for (const { row, demo } of ref.partners)
    users.push({ email: row.email, name: demo.contact.fullName, role: 'partner', partnerId: row.id, passwordHash });
  for (const c of customers)
    if (c.status !== 'lead') users.push({ email: c.email, name: c.name, role: 'customer', customerId: c.id });
  return users;
}
