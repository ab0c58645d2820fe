import { latestDroppedMailFor } from '../platform/mail-drop.ts';
import { clientFor, type TestApp } from './test-app.ts';

/** Logs a customer in the way a customer does: request a link, read the delivered mail, use the link. */
export async function requestLinkAndLogin(t: TestApp, email: string) {
  await t.app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email } });
  const mail = await latestDroppedMailFor(t.config.MAIL_DROP_DIR, email);
  const token = /token=([\w-]+)/.exec(mail ?? '')![1]!;
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/magic-link/consume', payload: { token } });
  return clientFor(t.app, res);
}
