import { isValidPhoneNumber } from 'libphonenumber-js';
import { httpFailure, SendFailure, unreachableProvider, type Channel } from './channel.ts';

export type WhatsAppSettings = { baseUrl: string; apiKey: string; phoneNumberId: string };

const SEND_TIMEOUT_MS = 15_000;
/** Cloud API error codes that no retry can cure: not a WhatsApp user, re-engagement refused, template unknown. */
const PERMANENT_CODES = new Set([131026, 131047, 132001, 100]);

/**
 * WhatsApp Business Cloud API. Outside a 24-hour conversation WhatsApp accepts only approved templates: such
 * a message is a template named after its message type with the message's text as its one body parameter.
 * Within 24 hours of the customer's last message to us (the sender knows from the replies we keep) it goes
 * as free text. The Cloud API has no idempotency key; the message's id goes as `biz_opaque_callback_data`,
 * which status callbacks echo.
 */
export function createWhatsAppChannel(settings: WhatsAppSettings): Channel {
  const url = `${settings.baseUrl.replace(/\/$/, '')}/${settings.phoneNumberId}/messages`;
  return {
    async send(message) {
      if (!isValidPhoneNumber(message.to)) throw new SendFailure(`ongeldig telefoonnummer: ${message.to}`, true);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${settings.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            messaging_product: 'whatsapp',
            to: message.to.replace(/^\+/, ''),
            biz_opaque_callback_data: message.id,
            ...(message.conversationOpen
              ? { type: 'text', text: { body: message.bodyText } }
              : {
                  type: 'template',
                  template: {
                    name: message.messageType,
                    language: { code: message.language === 'en' ? 'en' : 'nl' },
                    components: [{ type: 'body', parameters: [{ type: 'text', text: message.bodyText }] }],
                  },
                }),
          }),
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
      } catch (err) {
        throw unreachableProvider(err);
      }
      const text = await res.text();
      if (!res.ok) {
        const error = cloudApiError(text);
        const failure = httpFailure(res.status, error.message, res.headers.get('retry-after'));
        if (error.code !== undefined && PERMANENT_CODES.has(error.code)) throw new SendFailure(failure.reason, true);
        throw failure;
      }
      const id = (JSON.parse(text) as { messages?: { id?: unknown }[] }).messages?.[0]?.id;
      if (typeof id !== 'string') throw new SendFailure('antwoord zonder id van WhatsApp', false);
      return { providerId: id };
    },
  };
}

function cloudApiError(text: string): { message: string; code?: number } {
  try {
    const body = JSON.parse(text) as { error?: { message?: string; code?: number } };
    return {
      message: body.error?.message ?? text,
      ...(body.error?.code !== undefined ? { code: body.error.code } : {}),
    };
  } catch {
    return { message: text };
  }
}
