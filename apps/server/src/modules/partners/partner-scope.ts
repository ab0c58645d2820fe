import { notFound } from '../../platform/errors.ts';
import { isStaff, type Actor } from '../../platform/http/actor.ts';

/** A partner (user or API key) acts for its own partner only; another partner's id answers 404. */
export function assertActsForPartner(actor: Actor, partnerId: string): void {
  if (isStaff(actor)) return;
  if (actor.role === 'partner' && actor.partnerId === partnerId) return;
  throw notFound('Partner');
}
