import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { emailOutbox, messagePreferences, unreachableContacts } from '../mail.schema.ts';
import { pokableLoop } from '../pokable-loop.ts';
import { SendFailure, type ChannelMessage } from './channel.ts';
import type { Channels } from './channels-from-config.ts';
import { isEssential } from './templates/message-registry.ts';
import { quietUntil } from './quiet-hours.ts';
import { openWhatsAppConversations } from './inbound-messages.ts';

type Message = typeof emailOutbox.$inferSelect;

/** A claimed message is this sender's for this long; if the instance dies, another takes it over then. */
export const CLAIM_MS = 120_000;
/** Attempts before a message that keeps failing is given up (the schedule below spans about three hours). */
export const MAX_ATTEMPTS = 12;
const CLAIM_LIMIT = 200;
const PARALLEL = 16;

/** Backoff after the n-th failed attempt: 30 s doubling, at most 30 minutes. */
export const retryDelayMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 30 * 60_000);

/**
 * Sends what is queued, each message by its channel. A message is claimed (its next attempt moved past the
 * claim time, in one statement, so instances never take the same one), checked against the customer's
 * preferences, unreachable addresses and quiet hours, sent, and its outcome recorded. A crash after the
 * provider took it and before the record sends it again after the claim ends, with the same id as the
 * provider's idempotency key, so the provider keeps one.
 */
export function createMessageSender(db: Db, channels: Channels, now: () => Date = () => new Date()) {
  async function claim(): Promise<Message[]> {
    const at = now();
    return db
      .update(emailOutbox)
      .set({
        nextAttemptAt: new Date(at.getTime() + CLAIM_MS),
        attempts: sql`${emailOutbox.attempts} + 1`,
        updatedAt: at,
      })
      .where(
        inArray(
          emailOutbox.id,
          db
            .select({ id: emailOutbox.id })
            .from(emailOutbox)
            .where(and(eq(emailOutbox.status, 'queued'), lte(emailOutbox.nextAttemptAt, at)))
            .orderBy(emailOutbox.nextAttemptAt)
            .limit(CLAIM_LIMIT)
            .for('update', { skipLocked: true }),
        ),
      )
      .returning();
  }

  /** Why a message must not go to its recipient, if it must not. */
  async function reasonsToSkip(batch: Message[]): Promise<Map<string, string>> {
    const customerIds = [...new Set(batch.map((m) => m.customerId).filter((c): c is string => !!c))];
    const [prefs, unreachable] = await Promise.all([
      customerIds.length
        ? db.select().from(messagePreferences).where(inArray(messagePreferences.customerId, customerIds))
        : [],
      db
        .select()
        .from(unreachableContacts)
        .where(inArray(unreachableContacts.address, [...new Set(batch.map((m) => m.to.toLowerCase()))])),
    ]);
    const prefOf = new Map(prefs.map((p) => [p.customerId, p]));
    const blocked = new Map(unreachable.map((u) => [`${u.channel}:${u.address}`, u.reason]));
    const skip = new Map<string, string>();
    for (const m of batch) {
      const bounce = blocked.get(`${m.channel}:${m.to.toLowerCase()}`);
      const pref = m.customerId ? prefOf.get(m.customerId) : undefined;
      if (bounce) skip.set(m.id, `onbereikbaar: ${bounce}`);
      else if (m.channel === 'whatsapp' && !pref?.whatsappOptInAt)
        skip.set(m.id, 'geen toestemming voor WhatsApp (opt-in ontbreekt)');
      else if (pref && !pref.channels.includes(m.channel)) skip.set(m.id, `klant wil geen berichten via ${m.channel}`);
      else if (pref?.optOutNonEssential && !isEssential(m.messageType))
        skip.set(m.id, 'klant heeft zich afgemeld voor niet-noodzakelijke berichten');
    }
    return skip;
  }

  async function record(m: Message, patch: Partial<Message>) {
    await db
      .update(emailOutbox)
      .set({ ...patch, updatedAt: now() })
      .where(eq(emailOutbox.id, m.id));
  }

  /**
   * The messages a provider took, recorded in one statement per batch: one UPDATE per message held the
   * embedded database's single thread longer than the sending itself. A crash before this statement sends
   * the batch again after its claim ends, under the same idempotency keys.
   */
  async function recordAccepted(accepted: { id: string; status: 'sent' | 'stored'; providerId: string | null }[]) {
    if (!accepted.length) return;
    const at = now().toISOString();
    const rows = sql.join(
      accepted.map((a) => sql`(${a.id}::uuid, ${a.status}, ${a.providerId}::text)`),
      sql`, `,
    );
    await db.execute(sql`
      update ${emailOutbox} as m
         set status = v.status, provider_id = v.provider_id, reason = null, updated_at = ${at}::timestamptz,
             sent_at = case when v.status = 'sent' then ${at}::timestamptz end
        from (values ${rows}) as v(id, status, provider_id)
       where m.id = v.id`);
  }

  async function sendOne(
    m: Message,
    skipReason: string | undefined,
    accepted: { id: string; status: 'sent' | 'stored'; providerId: string | null }[],
    conversationOpen: boolean,
  ) {
    if (skipReason) return record(m, { status: 'skipped', reason: skipReason });
    if (m.channel !== 'email') {
      const until = quietUntil(now());
      // Not an attempt: the claim's count is given back.
      if (until)
        return record(m, { nextAttemptAt: until, attempts: m.attempts - 1, reason: 'stille uren: verstuurd om 08:00' });
    }
    const message: ChannelMessage = {
      id: m.id,
      channel: m.channel,
      messageType: m.messageType,
      language: m.language,
      to: m.to,
      subject: m.subject,
      bodyText: m.bodyText,
      bodyHtml: m.bodyHtml,
      sender: m.sender,
      attachments: m.attachments,
      conversationOpen,
    };
    try {
      const result = await channels[m.channel].send(message);
      accepted.push({ id: m.id, status: result.stored ? 'stored' : 'sent', providerId: result.providerId });
    } catch (err) {
      const failure = err instanceof SendFailure ? err : new SendFailure(String((err as Error).message ?? err), false);
      if (failure.permanent || m.attempts >= MAX_ATTEMPTS)
        return record(m, { status: 'failed', reason: failure.reason });
      const delay = Math.max(retryDelayMs(m.attempts), failure.retryAfterMs ?? 0);
      await record(m, { nextAttemptAt: new Date(now().getTime() + delay), reason: failure.reason });
    }
  }

  /** One pass: claims a batch and sends it; answers whether there may be more. */
  async function sendDue(): Promise<boolean> {
    const batch = await claim();
    if (!batch.length) return false;
    const skip = await reasonsToSkip(batch);
    const open = await openWhatsAppConversations(
      db,
      [...new Set(batch.filter((m) => m.channel === 'whatsapp').map((m) => m.to))],
      now(),
    );
    const accepted: { id: string; status: 'sent' | 'stored'; providerId: string | null }[] = [];
    let next = 0;
    try {
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL, batch.length) }, async () => {
          while (next < batch.length) {
            const m = batch[next++]!;
            await sendOne(m, skip.get(m.id), accepted, m.channel === 'whatsapp' && open.has(m.to));
          }
        }),
      );
    } finally {
      // What the providers took is recorded even when recording another message's failure failed.
      await recordAccepted(accepted);
    }
    return batch.length === CLAIM_LIMIT;
  }

  const loop = pokableLoop('message-sender', 1000, sendDue);
  return { sendDue, loop };
}
