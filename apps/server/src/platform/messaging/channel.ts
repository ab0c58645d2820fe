import type { MessageAttachment, MessageChannel } from '../mail.schema.ts';

/** A message as a channel sends it; `id` is the idempotency key the provider gets. */
export type ChannelMessage = {
  id: string;
  channel: MessageChannel;
  messageType: string;
  language: 'nl' | 'en';
  to: string;
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  sender?: string | null;
  attachments?: MessageAttachment[] | null;
  /** WhatsApp: the customer wrote to us in the last 24 hours, so free text may go instead of a template. */
  conversationOpen?: boolean;
};

/** What a provider answered: its own id for the message (status callbacks name it), or that it was only stored. */
export type SendResult = { providerId: string | null; stored?: boolean };

/**
 * A refusal by a provider or before reaching it. Permanent: sending again cannot help (an invalid number, a
 * mailbox that does not exist). Otherwise the sender tries again later, no sooner than `retryAfterMs`.
 */
export class SendFailure extends Error {
  constructor(
    public readonly reason: string,
    public readonly permanent: boolean,
    public readonly retryAfterMs?: number,
  ) {
    super(reason);
    this.name = 'SendFailure';
  }
}

export type Channel = { send(message: ChannelMessage): Promise<SendResult>; close?(): void };

/** The offline default of every channel: the message stays stored for ops to read, as it was before providers. */
export const offlineChannel: Channel = { send: async () => ({ providerId: null, stored: true }) };

/** A Retry-After header (seconds or an HTTP date) in milliseconds. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The provider's HTTP answer as a failure: 429 and 5xx are worth another try, other 4xx are not. */
export function httpFailure(status: number, detail: string, retryAfter: string | null): SendFailure {
  const reason = `${status}: ${detail}`.slice(0, 500);
  if (status === 429) return new SendFailure(reason, false, retryAfterMs(retryAfter));
  // 401/403: our key is wrong or revoked; ops can fix it, and the message should then still go.
  if (status >= 500 || status === 401 || status === 403 || status === 408) return new SendFailure(reason, false);
  return new SendFailure(reason, true);
}

/** A provider that could not be reached at all (refused, reset, timed out): try again later. */
export const unreachableProvider = (err: unknown) =>
  new SendFailure(`provider onbereikbaar: ${(err as Error).message}`.slice(0, 500), false);
