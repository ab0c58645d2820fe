import type { Role } from './session-schema';

export type Portal = 'ops' | 'technician' | 'partner' | 'customer';

const portalOf: Record<Role, Portal> = {
  admin: 'ops',
  operations: 'ops',
  planner: 'ops',
  technician: 'technician',
  partner: 'partner',
  customer: 'customer',
};

/** Where each role lands after login (docs/api-foundation.md, "Landing per role"). */
export function portalForRole(role: Role): Portal {
  return portalOf[role];
}

export function landingPath(role: Role): string {
  return `/${portalOf[role]}`;
}
