import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { startLoopbackSmtp } from '../../test/loopback-smtp.ts';
import { startLoopbackMessageProvider } from '../../test/loopback-message-provider.ts';
import { emailOutbox, unreachableContacts } from '../../platform/mail.schema.ts';
import { visits } from '../planning/planning.schema.ts';
import { storeEmail, storeEmails } from '../../platform/mail.ts';
import { createMessageSender } from '../../platform/messaging/message-sender.ts';
import { signCallback, SIGNATURE_HEADER } from '../../platform/messaging/delivery-status.ts';
import { amsterdamInstant } from '../../platform/messaging/quiet-hours.ts';
import { addDaysToDate, formatDutchDate } from '../../platform/calendar.ts';
import { awakeDay } from '../../test/awake-clock.ts';

const SECRET = 'status-callback-secret-of-at-least-32-chars';
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
let provider: Awaited<ReturnType<typeof startLoopbackMessageProvider>>;
/** The sender's clock: noon in Amsterdam on a day after every message stored here, unless a test moves it. */
const today = awakeDay();
const [dayAfter, twoDaysAfter] = [addDaysToDate(today.day, 1), addDaysToDate(today.day, 2)];
const clock = { now: today.noon };
let sender: ReturnType<typeof createMessageSender>;

beforeAll(async () => {
  smtp = await startLoopbackSmtp();
  provider = await startLoopbackMessageProvider();
  t = await createTestApp({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_REQUIRE_TLS: 'false',
    SMS_API_URL: provider.url,
    SMS_API_KEY: 'sms-key',
    WHATSAPP_API_URL: provider.url,
    WHATSAPP_API_KEY: 'wa-key',
    WHATSAPP_PHONE_NUMBER_ID: '1055',
    MESSAGE_CALLBACK_SECRET: SECRET,
  });
  sender = createMessageSender(t.database.db, t.built.services.communications.channels, () => clock.now);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await provider?.close();
});

const row = async (id: string) => (await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;
const drain = async () => {
  while (await sender.sendDue());
};
const later = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
};
const callback = (channel: string, body: object, secret = SECRET) => {
  const raw = JSON.stringify(body);
  return t.app.inject({
    method: 'POST',
    url: `/api/messages/status/${channel}`,
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signCallback(secret, raw) },
    payload: raw,
  });
};

describe('sending queued messages', () => {
  it('sends an e-mail with its attachment once, however often the sender runs', async () => {
    const id = await storeEmail(t.database.db, {
      to: 'anna@example.nl',
      subject: 'Uw afspraak',
      bodyText: 'Tot morgen.',
      customerId: t.fixtures.c1.id,
      attachments: [
        {
          filename: 'afspraak.ics',
          contentType: 'text/calendar',
          contentBase64: Buffer.from('BEGIN:VCALENDAR').toString('base64'),
        },
      ],
    });
    await drain();
    await drain();
    const received = smtp.received.filter((m) => m.messageId === `<${id}@chargecars.nl>`);
    expect(received).toHaveLength(1);
    expect(received[0]!.attachments[0]!.filename).toBe('afspraak.ics');
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, providerId: `<${id}@chargecars.nl>` });
  });

  it('keeps a message through a provider outage and delivers it once when the provider is back', async () => {
    smtp.state.down = true;
    const id = await storeEmail(t.database.db, { to: 'bram@example.nl', subject: 'Storing', bodyText: 'Later.' });
    await drain();
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.reason).toContain('451');
    expect(waiting.nextAttemptAt.getTime()).toBe(clock.now.getTime() + 30_000);
    later(30_000);
    await drain();
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 2 });
    smtp.state.down = false;
    later(60 * 60_000);
    await drain();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.received.filter((m) => m.messageId === `<${id}@chargecars.nl>`)).toHaveLength(1);
  });

  it('stores a message asked for twice under one dedupe key once', async () => {
    const message = {
      to: 'anna@example.nl',
      subject: 'Eén keer',
      bodyText: 'x',
      dedupeKey: 'visit_reminder:test-visit',
    };
    const first = await storeEmails(t.database.db, [message]);
    const again = await storeEmails(t.database.db, [message]);
    expect([first.length, again.length]).toEqual([1, 0]);
  });

  it('holds an SMS in quiet hours until 08:00 Amsterdam time, then sends it', async () => {
    clock.now = today.at(22, 30);
    const id = await storeEmail(t.database.db, {
      channel: 'sms',
      to: '+31612345678',
      subject: '',
      bodyText: 'Morgen om 8 uur.',
    });
    await drain();
    expect(await row(id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      nextAttemptAt: amsterdamInstant(dayAfter, 8),
    });
    expect(provider.requests.some((r) => r.headers['idempotency-key'] === id)).toBe(false);
    clock.now = amsterdamInstant(dayAfter, 8);
    await drain();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
    clock.now = today.noon;
  });

  it('fails an SMS to an invalid number at once, with the reason', async () => {
    const id = await storeEmail(t.database.db, { channel: 'sms', to: '+316123', subject: '', bodyText: 'x' });
    await drain();
    expect(await row(id)).toMatchObject({ status: 'failed', reason: 'ongeldig telefoonnummer: +316123' });
  });
});

describe('preferences', () => {
  it('skips non-essential messages after an opt-out and WhatsApp before an opt-in, and says why', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const c2 = t.fixtures.c2.id;
    const saved = await ops.put(`/api/messages/customers/${c2}/preferences`, {
      channels: ['email', 'sms', 'whatsapp'],
      language: 'nl',
      optOutNonEssential: true,
      whatsappOptIn: false,
    });
    expect(saved.statusCode).toBe(200);
    const reminder = await storeEmail(t.database.db, {
      to: 'bram@example.nl',
      subject: 'Uw offerte verloopt',
      bodyText: 'x',
      messageType: 'quote_expiry_reminder',
      customerId: c2,
    });
    const whatsapp = await storeEmail(t.database.db, {
      channel: 'whatsapp',
      to: '+31687654321',
      subject: '',
      bodyText: 'Morgen komen we.',
      messageType: 'visit_reminder',
      customerId: c2,
    });
    await drain();
    expect(await row(reminder)).toMatchObject({
      status: 'skipped',
      reason: 'klant heeft zich afgemeld voor niet-noodzakelijke berichten',
    });
    expect(await row(whatsapp)).toMatchObject({
      status: 'skipped',
      reason: 'geen toestemming voor WhatsApp (opt-in ontbreekt)',
    });

    await ops.put(`/api/messages/customers/${c2}/preferences`, {
      channels: ['email', 'whatsapp'],
      language: 'nl',
      optOutNonEssential: true,
      whatsappOptIn: true,
    });
    const again = await storeEmail(t.database.db, {
      channel: 'whatsapp',
      to: '+31687654321',
      subject: '',
      bodyText: 'Morgen komen we.',
      messageType: 'visit_reminder',
      customerId: c2,
    });
    await drain();
    expect(await row(again)).toMatchObject({ status: 'sent' });
    expect((await row(again)).providerId).toMatch(/^wamid\./);
  });

  it('refuses preferences with an unknown channel and changes nothing', async () => {
    const ops = await t.as('ops@chargecars.nl');
    const res = await ops.put(`/api/messages/customers/${t.fixtures.c1.id}/preferences`, {
      channels: ['fax'],
      language: 'nl',
      optOutNonEssential: false,
      whatsappOptIn: false,
    });
    expect(res.statusCode).toBe(400);
    const shown = (await ops.get(`/api/messages/customers/${t.fixtures.c1.id}`)).json();
    expect(shown.preferences.channels).toEqual(['email', 'sms']);
  });
});

describe('delivery status callbacks', () => {
  it('refuses a forged report and records a signed one; a hard bounce marks the address unreachable', async () => {
    const id = await storeEmail(t.database.db, {
      to: 'Anna@Example.nl',
      subject: 'Bounce',
      bodyText: 'x',
      customerId: t.fixtures.c1.id,
    });
    await drain();
    const { providerId } = await row(id);
    const forged = await callback(
      'email',
      { providerId, status: 'bounced', hard: true },
      'someone-elses-secret-of-32-characters!',
    );
    expect(forged.statusCode).toBe(401);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/api/messages/status/email',
      payload: { providerId, status: 'bounced' },
    });
    expect(unsigned.statusCode).toBe(401);
    expect((await row(id)).status).toBe('sent');

    const bounced = await callback('email', {
      providerId,
      status: 'bounced',
      hard: true,
      reason: '550 5.1.1 user unknown',
    });
    expect(bounced.statusCode).toBe(204);
    expect(await row(id)).toMatchObject({ status: 'bounced', reason: '550 5.1.1 user unknown' });
    const [unreachable] = await t.database.db.select().from(unreachableContacts);
    expect(unreachable).toMatchObject({ channel: 'email', address: 'anna@example.nl' });

    const ops = await t.as('ops@chargecars.nl');
    const shown = (await ops.get(`/api/messages/customers/${t.fixtures.c1.id}`)).json();
    expect(shown.unreachable).toEqual([
      expect.objectContaining({ address: 'anna@example.nl', reason: '550 5.1.1 user unknown' }),
    ]);
    expect(shown.messages.map((m: { id: string }) => m.id)).toContain(id);

    const next = await storeEmail(t.database.db, { to: 'anna@example.nl', subject: 'Na de bounce', bodyText: 'x' });
    await drain();
    expect(await row(next)).toMatchObject({ status: 'skipped', reason: 'onbereikbaar: 550 5.1.1 user unknown' });
    expect(smtp.received.some((m) => m.messageId === `<${next}@chargecars.nl>`)).toBe(false);
    await t.database.db.delete(unreachableContacts);
  });

  it('answers 404 for a report on a message it never sent', async () => {
    expect((await callback('sms', { providerId: 'mb-unknown', status: 'delivered' })).statusCode).toBe(404);
  });
});

describe('login links over SMTP', () => {
  it('mails the live link while the stored copy stays redacted', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'anna@example.nl' } });
    const mail = smtp.received.findLast((m) => m.subject === 'Uw inloglink voor ChargeCars')!;
    expect(mail.text).toMatch(/token=[\w-]{20,}/);
    const [stored] = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.messageType, 'login_link'));
    expect(stored).toMatchObject({ status: 'sent', providerId: mail.messageId });
    expect(stored!.bodyText).not.toMatch(/token=[\w-]{20,}/);
    expect(stored!.bodyText).toContain('[verborgen]');
  });
});

describe('provider settings', () => {
  it('shows admins which providers are configured, never the keys, and queues a test message', async () => {
    const admin = await t.as('admin@chargecars.nl');
    const settings = await admin.get('/api/messages/providers');
    expect(settings.json()).toEqual({
      email: `127.0.0.1:${smtp.port}`,
      sms: provider.url,
      whatsapp: provider.url,
      callbacksSigned: true,
      replies: { email: false, sms: true, whatsapp: false },
    });
    expect(settings.body).not.toContain('sms-key');
    expect((await admin.post('/api/messages/providers/test', { channel: 'sms', to: '0612' })).statusCode).toBe(400);
    const queued = await admin.post('/api/messages/providers/test', { channel: 'email', to: 'beheer@chargecars.nl' });
    expect(queued.statusCode).toBe(202);
    await drain();
    expect(await row(queued.json().id)).toMatchObject({ status: 'sent', messageType: 'test_message' });
    const ops = await t.as('ops@chargecars.nl');
    expect((await ops.get('/api/messages/providers')).statusCode).toBe(403);
  });
});

describe('visit reminders', () => {
  it('reminds a customer once, 24 hours before the block, by mail with an .ics of the block in Amsterdam time', async () => {
    await t.database.db
      .update(visits)
      .set({ scheduledDate: twoDaysAfter, block: 'morning', status: 'scheduled' })
      .where(eq(visits.id, t.fixtures.v1.id));
    const { queueVisitReminders } = t.built.services.communications;
    // Two days before: not yet. The day before at 08:30 (07:30 UTC): the block starts within 24 hours.
    const dayAfterAt = (hour: number, minutes: number) =>
      new Date(amsterdamInstant(dayAfter, hour).getTime() + minutes * 60_000);
    expect(await queueVisitReminders(today.at(8, 30))).toEqual({ visitRemindersQueued: 0 });
    expect(await queueVisitReminders(dayAfterAt(8, 30))).toEqual({ visitRemindersQueued: 1 });
    expect(await queueVisitReminders(dayAfterAt(8, 45))).toEqual({ visitRemindersQueued: 0 });
    await drain();
    const mail = smtp.received.findLast((m) => m.subject?.includes('BZ-000001'))!;
    expect(mail.subject).toBe(`Herinnering: wij komen ${formatDutchDate(twoDaysAfter)} (BZ-000001)`);
    expect(mail.text).toContain('tussen 8:00 en 12:00 uur');
    expect(mail.html).toContain('max-width:600px');
    const ics = mail.attachments.find((a) => a.filename === 'BZ-000001.ics')!;
    const calendar = ics.content.toString();
    const icsTime = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
    expect(calendar).toContain(`DTSTART:${icsTime(amsterdamInstant(twoDaysAfter, 8))}`);
    expect(calendar).toContain(`DTEND:${icsTime(amsterdamInstant(twoDaysAfter, 12))}`);
    expect(calendar).toContain('BEGIN:VEVENT');
  });
});
