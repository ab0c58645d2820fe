import type { Role } from './session-schema';

export type Portal = 'ops' | 'technician' | 'partner' | 'customer';

const portalOf: Record<Role, Portal> = {
  admin: 'ops',
  operations: 'ops',
  planner: 'ops',
  warehouse: 'ops',
  technician: 'technician',
  partner: 'partner',
  customer: 'customer',
};

/** Where each role lands after login (docs/api-foundation.md, "Landing per role"). */
export function portalForRole(role: Role): Portal {
  return portalOf[role];
}

/** Warehouse staff have no dashboard: they land on the stock overview. */
const landingOf: Partial<Record<Role, string>> = { warehouse: '/ops/inventory' };

export function landingPath(role: Role): string {
  return landingOf[role] ?? `/${portalOf[role]}`;
}

/**
 * Where to go after login: the page the user was sent away from (`?next=`), but only when it
 * lies inside their own portal; anything else (another portal, another site) is ignored.
 */
export function afterLoginPath(role: Role, next: string | null): string {
  const home = landingPath(role);
  const portal = `/${portalOf[role]}`;
  if (!next || !next.startsWith('/')) return home;
  const inPortal = next === portal || next.startsWith(`${portal}/`) || next.startsWith(`${portal}?`);
  return inPortal ? next : home;
}

/** `/login?next=...` for the page the user is on now. */
export function loginPathFrom(location: { pathname: string; search: string }): string {
  const here = location.pathname + location.search;
  return here === '/' || here.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}
