import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackSmtp } from '../../test/loopback-smtp.ts';
import { startLoopbackMessageProvider } from '../../test/loopback-message-provider.ts';
import { SendFailure, type ChannelMessage } from './channel.ts';
import { createSmtpChannel } from './smtp-channel.ts';
import { createSmsChannel } from './sms-channel.ts';
import { createWhatsAppChannel } from './whatsapp-channel.ts';

let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
let provider: Awaited<ReturnType<typeof startLoopbackMessageProvider>>;
beforeAll(async () => {
  smtp = await startLoopbackSmtp();
  provider = await startLoopbackMessageProvider();
});
afterAll(async () => {
  await smtp?.close();
  await provider?.close();
});

const message = (over: Partial<ChannelMessage> = {}): ChannelMessage => ({
  id: randomUUID(),
  channel: 'email',
  messageType: 'visit_reminder',
  language: 'nl',
  to: 'klant@example.nl',
  subject: 'Morgen komen we langs',
  bodyText: 'Beste klant, morgen tussen 8:00 en 12:00.',
  ...over,
});
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('sent'),
    (err: unknown) => err as SendFailure,
  );

describe('e-mail over SMTP', () => {
  const channel = () =>
    createSmtpChannel({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      requireTls: false,
      from: 'ChargeCars <noreply@chargecars.nl>',
    });

  it('delivers text, HTML and an attachment, with the message id as Message-ID', async () => {
    const m = message({
      bodyHtml: '<p>Beste klant, <b>morgen</b>.</p>',
      attachments: [
        {
          filename: 'bezoek.ics',
          contentType: 'text/calendar',
          contentBase64: Buffer.from('BEGIN:VCALENDAR').toString('base64'),
        },
      ],
    });
    const result = await channel().send(m);
    const mail = smtp.received.find((r) => r.messageId === `<${m.id}@chargecars.nl>`)!;
    expect(result.providerId).toBe(`<${m.id}@chargecars.nl>`);
    expect(mail.subject).toBe('Morgen komen we langs');
    expect(mail.text?.trim()).toBe(m.bodyText);
    expect(mail.html).toContain('<b>morgen</b>');
    expect(mail.from?.text).toContain('noreply@chargecars.nl');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['bezoek.ics', 'text/calendar', 'BEGIN:VCALENDAR'],
    ]);
  });

  it('a refused mailbox fails for good; a server that says later is tried again', async () => {
    smtp.refuse.add('bestaat-niet@example.nl');
    const hard = await failureOf(channel().send(message({ to: 'bestaat-niet@example.nl' })));
    expect(hard).toBeInstanceOf(SendFailure);
    expect(hard.permanent).toBe(true);
    expect(hard.reason).toContain('550');
    smtp.state.down = true;
    const soft = await failureOf(channel().send(message()));
    smtp.state.down = false;
    expect(soft.permanent).toBe(false);
    expect(soft.reason).toContain('451');
  });

  it('a server that is not there is tried again', async () => {
    const gone = createSmtpChannel({
      host: '127.0.0.1',
      port: 1,
      secure: false,
      requireTls: false,
      from: 'x@chargecars.nl',
    });
    expect((await failureOf(gone.send(message()))).permanent).toBe(false);
  });
});

describe('SMS gateway', () => {
  const channel = () => createSmsChannel({ baseUrl: provider.url, apiKey: 'test-key', originator: 'ChargeCars' });

  it('posts the message with the access key and the message id as idempotency key; a resend is the same SMS', async () => {
    const m = message({ channel: 'sms', to: '+31612345678' });
    const first = await channel().send(m);
    const again = await channel().send(m);
    const sent = provider.requests.filter((r) => r.headers['idempotency-key'] === m.id);
    expect(sent[0]).toMatchObject({
      path: '/messages',
      body: { originator: 'ChargeCars', recipients: ['+31612345678'], body: m.bodyText, reference: m.id },
    });
    expect(sent[0]!.headers.authorization).toBe('AccessKey test-key');
    expect(again.providerId).toBe(first.providerId);
  });

  it('refuses an invalid number before calling the provider', async () => {
    const before = provider.requests.length;
    const failure = await failureOf(channel().send(message({ channel: 'sms', to: '+3161' })));
    expect(failure.permanent).toBe(true);
    expect(failure.reason).toContain('ongeldig telefoonnummer');
    expect(provider.requests.length).toBe(before);
  });

  it('429 waits as long as the provider asks, 5xx is tried again, 422 is final with its description', async () => {
    provider.script.push({
      status: 429,
      body: { errors: [{ description: 'too many requests' }] },
      headers: { 'retry-after': '30' },
    });
    const limited = await failureOf(channel().send(message({ channel: 'sms', to: '+31612345678' })));
    expect([limited.permanent, limited.retryAfterMs]).toEqual([false, 30_000]);
    provider.script.push({ status: 503, body: { errors: [{ description: 'maintenance' }] } });
    expect((await failureOf(channel().send(message({ channel: 'sms', to: '+31612345678' })))).permanent).toBe(false);
    provider.script.push({
      status: 422,
      body: { errors: [{ code: 9, description: 'no (correct) recipients found' }] },
    });
    const refused = await failureOf(channel().send(message({ channel: 'sms', to: '+31612345678' })));
    expect(refused.permanent).toBe(true);
    expect(refused.reason).toBe('422: no (correct) recipients found');
  });
});

describe('WhatsApp Cloud API', () => {
  const channel = () => createWhatsAppChannel({ baseUrl: provider.url, apiKey: 'wa-token', phoneNumberId: '1055' });

  it('sends a template message named after the message type, in the message language', async () => {
    const m = message({ channel: 'whatsapp', to: '+31612345678', language: 'en' });
    const result = await channel().send(m);
    const sent = provider.requests.find((r) => r.body.biz_opaque_callback_data === m.id)!;
    expect(result.providerId).toMatch(/^wamid\./);
    expect(sent.path).toBe('/1055/messages');
    expect(sent.headers.authorization).toBe('Bearer wa-token');
    expect(sent.body).toMatchObject({
      messaging_product: 'whatsapp',
      to: '31612345678',
      type: 'template',
      template: { name: 'visit_reminder', language: { code: 'en' } },
    });
  });

  it('a number that is not on WhatsApp fails for good; the rate limit is tried again', async () => {
    provider.script.push({ status: 400, body: { error: { message: 'Message undeliverable', code: 131026 } } });
    const undeliverable = await failureOf(channel().send(message({ channel: 'whatsapp', to: '+31612345678' })));
    expect([undeliverable.permanent, undeliverable.reason]).toEqual([true, '400: Message undeliverable']);
    provider.script.push({ status: 429, body: { error: { message: 'Rate limit hit', code: 130429 } } });
    expect((await failureOf(channel().send(message({ channel: 'whatsapp', to: '+31612345678' })))).permanent).toBe(
      false,
    );
  });
});
