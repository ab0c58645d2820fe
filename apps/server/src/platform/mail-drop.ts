import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from './errors.ts';
import type { OutgoingEmail } from './mail.ts';

/**
 * The offline adapter's delivery of messages that carry a live secret (login links). The outbox that ops
 * read keeps such a message with the secret redacted; the whole message goes only here: one RFC 822 file
 * per message, readable by the server's own user alone, like a local mail spool.
 */
/** `id` names the message's stored (redacted) row, so a real channel can record what became of it. */
export type MailDrop = { deliver(email: OutgoingEmail & { id?: string }): Promise<void> };

export function createMailDrop(dir: string): MailDrop {
  return {
    async deliver(email) {
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      const message = `To: ${email.to}\nSubject: ${email.subject}\nContent-Type: text/plain; charset=utf-8\n\n${email.bodyText}\n`;
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeFile(path.join(dir, name), message, { mode: 0o600, flag: 'wx' });
      } catch (err) {
        throw new AppError(
          503,
          'mail_unavailable',
          `De e-mail kon niet worden afgeleverd (${(err as NodeJS.ErrnoException).code ?? 'fout'}). Probeer het later opnieuw.`,
        );
      }
    },
  };
}

/** The newest message in a drop for one recipient: how the demo and the tests read a login link. */
export async function latestDroppedMailFor(dir: string, to: string): Promise<string | null> {
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .reverse();
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    if (text.startsWith(`To: ${to}\n`)) return text;
  }
  return null;
}
