import type { Config } from '../config.ts';
import type { MessageChannel } from '../mail.schema.ts';
import { offlineChannel, type Channel } from './channel.ts';
import { createSmsChannel } from './sms-channel.ts';
import { createSmtpChannel } from './smtp-channel.ts';
import { createWhatsAppChannel } from './whatsapp-channel.ts';

export type Channels = Record<MessageChannel, Channel>;

/** Each channel's real adapter when its provider is configured, otherwise the offline default (stored for ops). */
export function channelsFromConfig(config: Config): Channels {
  return {
    email: config.SMTP_HOST
      ? createSmtpChannel({
          host: config.SMTP_HOST,
          port: config.SMTP_PORT,
          secure: config.SMTP_SECURE ?? config.SMTP_PORT === 465,
          requireTls: config.SMTP_REQUIRE_TLS,
          user: config.SMTP_USER,
          password: config.SMTP_PASSWORD,
          from: config.MAIL_FROM,
          replyTo: config.INBOUND_EMAIL_ADDRESS,
        })
      : offlineChannel,
    sms:
      config.SMS_API_URL && config.SMS_API_KEY
        ? createSmsChannel({
            baseUrl: config.SMS_API_URL,
            apiKey: config.SMS_API_KEY,
            originator: config.SMS_ORIGINATOR,
          })
        : offlineChannel,
    whatsapp:
      config.WHATSAPP_API_URL && config.WHATSAPP_API_KEY && config.WHATSAPP_PHONE_NUMBER_ID
        ? createWhatsAppChannel({
            baseUrl: config.WHATSAPP_API_URL,
            apiKey: config.WHATSAPP_API_KEY,
            phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
          })
        : offlineChannel,
  };
}

/** Which channels have a real provider, for the admin's settings page (never the keys). */
export const configuredProviders = (config: Config) => ({
  email: config.SMTP_HOST ? `${config.SMTP_HOST}:${config.SMTP_PORT}` : null,
  sms: config.SMS_API_URL ?? null,
  whatsapp: config.WHATSAPP_API_URL ?? null,
});
