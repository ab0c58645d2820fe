import nodemailer from 'nodemailer';
import { SendFailure, type Channel } from './channel.ts';

export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  from: string;
  /** Refuse a server without STARTTLS (production); loopback tests run without TLS. */
  requireTls: boolean;
  /** Where replies go (`reply@in.example.nl`); each message's Reply-To carries its id: `reply+<id>@in.example.nl`. */
  replyTo?: string | undefined;
};

/** `reply@in.example.nl` and a message id as that message's own reply address. */
export const replyAddressOf = (replyTo: string, messageId: string) => replyTo.replace('@', `+${messageId}@`);

/**
 * E-mail over SMTP. The Message-ID is derived from the message's id, so a message sent twice after a crash
 * carries the same id and receiving systems can tell it is one message.
 */
export function createSmtpChannel(settings: SmtpSettings): Channel {
  const transport = nodemailer.createTransport({
    // A few kept-open connections instead of a handshake per message: reminders go out in thousands.
    pool: true,
    maxConnections: 4,
    maxMessages: 500,
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTls,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const domain = settings.from.match(/@([^>\s]+)/)?.[1] ?? 'chargecars.nl';
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: message.sender ?? settings.from,
          to: message.to,
          subject: message.subject,
          text: message.bodyText,
          ...(message.bodyHtml ? { html: message.bodyHtml } : {}),
          messageId: `<${message.id}@${domain}>`,
          ...(settings.replyTo ? { replyTo: replyAddressOf(settings.replyTo, message.id) } : {}),
          headers: { 'X-Message-Type': message.messageType },
          attachments: (message.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.contentBase64, 'base64'),
          })),
        });
        return { providerId: info.messageId };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        const reason = `SMTP ${code ?? ''} ${(err as Error).message}`.trim().slice(0, 500);
        // 5xx: the server refused this message or recipient for good; 4xx and no answer: try later.
        throw new SendFailure(reason, code !== undefined && code >= 500);
      }
    },
    close: () => transport.close(),
  };
}
