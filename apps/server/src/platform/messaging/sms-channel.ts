import { isValidPhoneNumber } from 'libphonenumber-js';
import { httpFailure, SendFailure, unreachableProvider, type Channel } from './channel.ts';

export type SmsSettings = { baseUrl: string; apiKey: string; originator: string };

const SEND_TIMEOUT_MS = 15_000;

/**
 * SMS through a gateway in the style of MessageBird's REST API: POST /messages with an access key. The
 * message's id goes as Idempotency-Key and as the reference, so a resend after a crash is one SMS.
 */
export function createSmsChannel(settings: SmsSettings): Channel {
  const url = `${settings.baseUrl.replace(/\/$/, '')}/messages`;
  return {
    async send(message) {
      if (!isValidPhoneNumber(message.to)) throw new SendFailure(`ongeldig telefoonnummer: ${message.to}`, true);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `AccessKey ${settings.apiKey}`,
            'content-type': 'application/json',
            'idempotency-key': message.id,
          },
          body: JSON.stringify({
            originator: settings.originator,
            recipients: [message.to],
            body: message.bodyText,
            reference: message.id,
          }),
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
      } catch (err) {
        throw unreachableProvider(err);
      }
      const text = await res.text();
      if (!res.ok) throw httpFailure(res.status, providerError(text), res.headers.get('retry-after'));
      const id = (JSON.parse(text) as { id?: unknown }).id;
      if (typeof id !== 'string') throw new SendFailure('antwoord zonder id van de SMS-provider', false);
      return { providerId: id };
    },
  };
}

/** MessageBird answers `{ errors: [{ description }] }`. */
function providerError(text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: { description?: string }[] };
    return body.errors?.map((e) => e.description).join('; ') || text;
  } catch {
    return text;
  }
}
