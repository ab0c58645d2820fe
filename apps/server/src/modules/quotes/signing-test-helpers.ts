import { desc, eq } from 'drizzle-orm';
import { emailOutbox } from '../../platform/mail.schema.ts';
import type { TestApp } from '../../test/test-app.ts';

/** The signing token in the latest mail to an address, as the signer would click it. */
export async function latestSigningToken(t: TestApp, to: string): Promise<string> {
  const mails = await t.database.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.to, to))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
  const mail = mails.find((m) => m.bodyText.includes('/sign/'));
  if (!mail) throw new Error(`no signing mail to ${to}`);
  return /\/sign\/([\w-]+)/.exec(mail.bodyText)![1]!;
}

export const signer = { 'user-agent': 'Vitest-Signer/1.0' };
