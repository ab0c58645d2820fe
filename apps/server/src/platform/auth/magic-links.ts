import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { storeEmail } from '../mail.ts';
import { PLATFORM_BRAND } from '../messaging/templates/email-layout.ts';
import { renderMessage } from '../messaging/templates/render-message.ts';
import type { MailDrop } from '../mail-drop.ts';
import { RateLimited, type TakeRateLimit } from '../http/rate-limit.ts';
import { magicLinks, users } from './auth.schema.ts';
import { createSession, resolveSession, type SessionPolicy } from './sessions.ts';
import { hashToken, newToken } from './tokens.ts';
import { ensureCustomerAccount, type FindCustomerByEmail } from './customer-accounts.ts';

export const MAGIC_LINK_MINUTES = 15;

/** Link requests per client address and per e-mail address within 15 minutes. */
export const LINKS_PER_ADDRESS = 10;
export const LINKS_PER_EMAIL = 3;
const LIMIT_WINDOW_MS = 15 * 60_000;

/**
 * Stores a single-use link (hashed) and the email that carries it, and ends the user's older unused
 * links; a known customer without an account gets one first; unknown emails get nothing. The outbox that ops read keeps the mail with the link redacted: only
 * the mail drop gets the live link.
 *
 * Limits: past the client address's limit the caller gets 429 (that says nothing about who is a
 * customer). Past an e-mail address's limit nothing is sent, with the same answer as ever, so the limit
 * reveals nothing either; the owner still has the newest link in their mail, so a stranger asking in
 * their name cannot lock them out.
 */
export async function requestMagicLink(
  database: Database,
  input: {
    email: string;
    clientAddress: string;
    publicUrl: string;
    mailDrop: MailDrop;
    rateLimit: TakeRateLimit;
    findCustomer: FindCustomerByEmail;
  },
  now = new Date(),
): Promise<void> {
  const email = input.email.toLowerCase();
  await input.rateLimit(`magic-link-address:${input.clientAddress}`, LINKS_PER_ADDRESS, LIMIT_WINDOW_MS, now);
  // The counter names the address by its hash: the limits table need not hold who asked.
  const withinEmailLimit = await input
    .rateLimit(`magic-link-email:${hashToken(email)}`, LINKS_PER_EMAIL, LIMIT_WINDOW_MS, now)
    .then(
      () => true,
      (err: unknown) => {
        if (err instanceof RateLimited) return false;
        throw err;
      },
    );
  if (!withinEmailLimit) return;
  const user = await customerUser(database, email, input.findCustomer);
  if (!user) return;
  const token = newToken();
  const mail = async (db: DbOrTx, link: string) => ({
    to: user.email,
    ...(await renderMessage(db, {
      type: 'login_link',
      language: 'nl',
      brand: PLATFORM_BRAND,
      values: { name: user.name, minutes: String(MAGIC_LINK_MINUTES), link },
    })),
  });
  const messageId = await database.db.transaction(async (tx) => {
    // One live link per user: the user row's lock orders parallel requests, so the last one wins alone.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update');
    await tx
      .update(magicLinks)
      .set({ usedAt: now })
      .where(and(eq(magicLinks.userId, user.id), isNull(magicLinks.usedAt)));
    await tx.insert(magicLinks).values({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + MAGIC_LINK_MINUTES * 60_000),
    });
    // Stored as already handled: the sender never sends the redacted copy; the live one goes below.
    return storeEmail(tx, {
      ...(await mail(tx, `${input.publicUrl}/login/link?token=${REDACTED}`)),
      customerId: user.customerId,
      status: 'stored',
    });
  });
  await input.mailDrop.deliver({
    ...(await mail(database.db, `${input.publicUrl}/login/link?token=${token}`)),
    id: messageId,
  });
}

/**
 * The active customer account of an e-mail address; a known customer without one (a lead's customer,
 * who never signed) gets it made now, so the link they asked for really goes out.
 */
async function customerUser(database: Database, email: string, findCustomer: FindCustomerByEmail) {
  const active = () =>
    database.db
      .select()
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email}`, eq(users.role, 'customer'), eq(users.active, true)))
      .then((rows) => rows[0]);
  const user = await active();
  if (user) return user;
  const customer = await findCustomer(email);
  if (!customer) return undefined;
  const made = await database.db.transaction((tx) => ensureCustomerAccount(tx, customer));
  return made ? active() : undefined;
}

/** What the outbox shows instead of a live login token. */
export const REDACTED = '[verborgen]';

/** Uses a link exactly once: the UPDATE ... WHERE used_at IS NULL wins for one caller only. */
export async function consumeMagicLink(
  database: Database,
  policy: SessionPolicy,
  input: { token: string; ip: string; userAgent?: string | undefined },
  now = new Date(),
) {
  const [link] = await database.db
    .update(magicLinks)
    .set({ usedAt: now })
    .where(
      and(eq(magicLinks.tokenHash, hashToken(input.token)), isNull(magicLinks.usedAt), gt(magicLinks.expiresAt, now)),
    )
    .returning({ userId: magicLinks.userId });
  if (!link)
    throw new AppError(
      400,
      'magic_link_invalid',
      'Deze inloglink is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.',
    );
  const { token, csrfToken } = await createSession(
    database.db,
    link.userId,
    policy,
    { ip: input.ip, ...(input.userAgent ? { userAgent: input.userAgent } : {}) },
    now,
  );
  const resolved = await resolveSession(database.db, token, policy, now);
  if (!resolved) throw new AppError(400, 'magic_link_invalid', 'Dit account is niet actief');
  return { token, csrfToken, user: resolved.user };
}
