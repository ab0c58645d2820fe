import type { SeedSummary } from './seed-demo.ts';

const ROLE_NL: Record<string, string> = {
  admin: 'Beheerder',
  operations: 'Operations',
  planner: 'Planner',
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
    out.write(`  ${ROLE_NL[l.role]!.padEnd(11)} ${l.email.padEnd(40)} ${how}\n`);
  }
}
