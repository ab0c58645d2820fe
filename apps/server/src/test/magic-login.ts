import { desc, eq } from 'drizzle-orm';
import { emailOutbox } from '../platform/mail.schema.ts';
import { clientFor, type TestApp } from './test-app.ts';

/** Logs a customer in the way a customer does: request a link, read the stored mail, use the link. */
export async function requestLinkAndLogin(t: TestApp, email: string) {
  await t.app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email } });
  const [mail] = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.to, email)).orderBy(desc(emailOutbox.createdAt)).limit(1);
  const token = /token=([\w-]+)/.exec(mail!.bodyText)![1]!;
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/magic-link/consume', payload: { token } });
  return clientFor(t.app, res);
}
