import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { emailOutbox } from '../mail.schema.ts';
import type { MailDrop } from '../mail-drop.ts';
import { SendFailure, type Channel } from './channel.ts';

/**
 * Delivery of a message that carries a live secret (a login link) over SMTP, at once and outside the
 * queue: the stored copy is redacted, so the sender could never send it; the live text exists only in this
 * call. Its stored row is marked with what happened. A failure answers 503: the user asks for a new link.
 */
export function createLiveMailDelivery(db: Db, email: Channel): MailDrop {
  return {
    async deliver(message) {
      const id = message.id;
      try {
        const result = await email.send({
          id: id ?? crypto.randomUUID(),
          channel: 'email',
          messageType: message.messageType ?? 'general',
          language: message.language ?? 'nl',
          to: message.to,
          subject: message.subject,
          bodyText: message.bodyText,
          bodyHtml: message.bodyHtml ?? null,
          sender: message.sender ?? null,
        });
        if (id)
          await db
            .update(emailOutbox)
            .set({
              status: 'sent',
              providerId: result.providerId,
              sentAt: new Date(),
              attempts: 1,
              updatedAt: new Date(),
            })
            .where(eq(emailOutbox.id, id));
      } catch (err) {
        const reason = err instanceof SendFailure ? err.reason : String(err);
        if (id)
          await db
            .update(emailOutbox)
            .set({ status: 'failed', reason, attempts: 1, updatedAt: new Date() })
            .where(eq(emailOutbox.id, id));
        throw new AppError(503, 'mail_unavailable', 'De e-mail kon niet worden afgeleverd. Probeer het later opnieuw.');
      }
    },
  };
}
