import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from './db/client.ts';
import { type EmailAttachment, emailOutbox } from './mail.schema.ts';

export type OutgoingEmail = { to: string; subject: string; bodyText: string; attachments?: EmailAttachment[] };

/**
 * The offline default of the email adapter: the message is stored (in the caller's transaction, so it
 * exists exactly when the change that caused it does) and ops read it in the portal's outbox.
 */
export async function storeEmail(tx: DbOrTx, email: OutgoingEmail): Promise<string> {
  const [id] = await storeEmails(tx, [email]);
  return id!;
}

/** Several messages of one batch in one insert; answers their ids in order. */
export async function storeEmails(tx: DbOrTx, emails: OutgoingEmail[]): Promise<string[]> {
  if (!emails.length) return [];
  const rows = await tx.insert(emailOutbox).values(emails).returning({ id: emailOutbox.id });
  return rows.map((r) => r.id);
}

export async function listStoredEmails(db: DbOrTx, page: number, pageSize: number) {
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(emailOutbox)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox),
  ]);
  return {
    items: items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), sentAt: e.sentAt?.toISOString() ?? null })),
    total: count?.n ?? 0,
    page,
    pageSize,
  };
}
