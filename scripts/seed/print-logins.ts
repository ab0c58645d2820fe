import type { Role } from '../../apps/server/src/platform/auth/auth.schema.ts';
import type { SeedSummary } from './seed-demo.ts';

// Every role, or the typecheck fails: a role without its name here broke `npm start` once.
const ROLE_NL: Record<Role, string> = {
  admin: 'Beheerder',
  operations: 'Operations',
  planner: 'Planner',
  warehouse: 'Magazijn',
  technician: 'Monteur',
  partner: 'Partner',
  customer: 'Klant',
};

export function printLogins(logins: SeedSummary['logins'], url?: string, mailDropDir?: string) {
  const out = process.stdout;
  out.write('\nDemo-logins:\n');
  for (const l of logins) {
    const how = l.password
      ? `wachtwoord ${l.password}`
      : `inloglink per e-mail (vraag aan op ${url ?? ''}/login; de mail met de link staat in ${mailDropDir ?? 'de map mail van DATA_DIR'})`;
    out.write(`  ${(ROLE_NL[l.role as Role] ?? l.role).padEnd(11)} ${l.email.padEnd(40)} ${how}\n`);
  }
}
