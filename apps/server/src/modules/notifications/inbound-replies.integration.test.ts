import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { awakeDay } from '../../test/awake-clock.ts';
import { startLoopbackSmtp } from '../../test/loopback-smtp.ts';
import { startLoopbackMessageProvider } from '../../test/loopback-message-provider.ts';
import { emailOutbox, inboundMessages, messagePreferences } from '../../platform/mail.schema.ts';
import { interactions } from '../crm/crm.schema.ts';
import { storeEmail } from '../../platform/mail.ts';
import { createMessageSender } from '../../platform/messaging/message-sender.ts';
import { signCallback, SIGNATURE_HEADER } from '../../platform/messaging/delivery-status.ts';

const EMAIL_SECRET = 'inbound-email-secret-of-at-least-32-chars';
const SMS_SECRET = 'status-callback-secret-of-at-least-32-chars';
const APP_SECRET = 'whatsapp-app-secret-1234';
const VERIFY_TOKEN = 'whatsapp-verify-token-5678';
const ANNA_PHONE = '+31612345678';

let t: TestApp;
let base: string;
let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
let provider: Awaited<ReturnType<typeof startLoopbackMessageProvider>>;
let sender: ReturnType<typeof createMessageSender>;
const clock = { now: new Date() };

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
    MESSAGE_CALLBACK_SECRET: SMS_SECRET,
    INBOUND_EMAIL_SECRET: EMAIL_SECRET,
    INBOUND_EMAIL_ADDRESS: 'reply@in.chargecars.test',
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  // Noon in Amsterdam, after every message this suite stores: no quiet hours for its SMS and WhatsApp.
  clock.now = awakeDay().noon;
  sender = createMessageSender(t.database.db, t.built.services.communications.channels, () => clock.now);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await provider?.close();
});

const db = () => t.database.db;
const drain = async () => {
  while (await sender.sendDue());
};
const inboundCount = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(inboundMessages))[0]!.n;
const basic = (password: string) => `Basic ${Buffer.from(`inbound:${password}`).toString('base64')}`;

/** A message of ours, sent through the loopback provider, as the one a reply answers. */
async function sent(message: Parameters<typeof storeEmail>[1]) {
  const id = await storeEmail(db(), message);
  await drain();
  return (await db().select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;
}

function postEmail(form: Record<string, string>, password = EMAIL_SECRET) {
  const body = new FormData();
  for (const [k, v] of Object.entries(form)) body.append(k, v);
  body.append('attachment1', new Blob(['%PDF-1.4']), 'meterkast.pdf');
  return fetch(`${base}/api/messages/inbound/email`, {
    method: 'POST',
    headers: { authorization: basic(password) },
    body,
  });
}

function postSigned(path: string, raw: string, signature: Record<string, string>, type = 'application/json') {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type, ...signature }, body: raw });
}

const whatsappPost = (messages: object[], statuses: object[] = []) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba-1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '31201234567', phone_number_id: '1055' },
              contacts: [{ profile: { name: 'Anna' }, wa_id: '31612345678' }],
              messages,
              statuses,
            },
          },
        ],
      },
    ],
  });

describe('replies by e-mail', () => {
  it('matches a multipart reply to the message its reply address names, and puts it on the timeline', async () => {
    const ours = await sent({
      to: 'anna@example.nl',
      subject: 'Uw afspraak',
      bodyText: 'Wij komen dinsdag.',
      customerId: t.fixtures.c1.id,
      entityId: 'laderthuis',
    });
    const mail = smtp.received.find((m) => m.messageId === `<${ours.id}@chargecars.nl>`)!;
    const replyTo = mail.replyTo!.value[0]!.address!;
    expect(replyTo).toBe(`reply+${ours.id}@in.chargecars.test`);

    const res = await postEmail({
      from: 'Anna de Vries <Anna@Example.nl>',
      to: replyTo,
      subject: 'Re: Uw afspraak',
      text: 'Dinsdag past mij niet, kan het woensdag?',
      headers: `Message-ID: <antwoord-1@example.nl>\r\nIn-Reply-To: <${ours.id}@chargecars.nl>\r\nSubject: Re: Uw afspraak`,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: 1, matched: 1 });
    const [row] = await db().select().from(inboundMessages).where(eq(inboundMessages.inReplyTo, ours.id));
    expect(row).toMatchObject({
      channel: 'email',
      fromAddress: 'anna@example.nl',
      fromName: 'Anna de Vries',
      customerId: t.fixtures.c1.id,
      entityId: 'laderthuis',
      matchedBy: 'reply_address',
      threadKey: `message:${ours.id}`,
      providerMessageId: '<antwoord-1@example.nl>',
    });

    const ops = await t.as('ops@chargecars.nl');
    const customer = (await ops.get(`/api/customers/${t.fixtures.c1.id}`)).json() as {
      interactions: { channel: string; summary: string }[];
    };
    expect(customer.interactions).toContainEqual(
      expect.objectContaining({
        channel: 'email',
        summary: 'Antwoord per e-mail: Dinsdag past mij niet, kan het woensdag?',
      }),
    );
    const log = (await ops.get('/api/messages?direction=inbound&channel=email')).json() as {
      items: { id: string; direction: string; status: string; from: string; inReplyTo: string }[];
    };
    expect(log.items).toContainEqual(
      expect.objectContaining({
        id: row!.id,
        direction: 'inbound',
        status: 'received',
        from: 'anna@example.nl',
        inReplyTo: ours.id,
      }),
    );
    const theirs = (await ops.get(`/api/messages/customers/${t.fixtures.c1.id}`)).json() as {
      messages: { id: string; direction: string }[];
    };
    expect(theirs.messages.map((m) => [m.id, m.direction])).toEqual(
      expect.arrayContaining([
        [row!.id, 'inbound'],
        [ours.id, 'outbound'],
      ]),
    );
  });

  it('keeps a reply the service posts twice once', async () => {
    const before = await inboundCount();
    const form = {
      from: 'anna@example.nl',
      to: 'reply@in.chargecars.test',
      subject: 'Nogmaals',
      text: 'Twee keer gepost.',
      headers: 'Message-ID: <twee-keer@example.nl>',
    };
    expect(await (await postEmail(form)).json()).toEqual({ stored: 1, matched: 1 });
    expect(await (await postEmail(form)).json()).toEqual({ stored: 0, matched: 0 });
    expect(await inboundCount()).toBe(before + 1);
  });

  it('matches a Mailgun-style JSON post by its In-Reply-To header', async () => {
    const ours = await sent({ to: 'bram@example.nl', subject: 'Factuur', bodyText: 'x', customerId: t.fixtures.c2.id });
    const res = await fetch(`${base}/api/messages/inbound/email`, {
      method: 'POST',
      headers: { authorization: basic(EMAIL_SECRET), 'content-type': 'application/json' },
      body: JSON.stringify({
        sender: 'bram@example.nl',
        recipient: 'facturen@chargecars.nl',
        subject: 'Re: Factuur',
        'body-html': '<p>Is al <b>betaald</b> &amp; overgemaakt.</p>',
        'Message-Id': '<bram-1@example.nl>',
        'In-Reply-To': `<${ours.id}@chargecars.nl>`,
      }),
    });
    expect(res.status).toBe(200);
    const [row] = await db()
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.providerMessageId, '<bram-1@example.nl>'));
    expect(row).toMatchObject({
      inReplyTo: ours.id,
      matchedBy: 'mail_header',
      customerId: t.fixtures.c2.id,
      bodyText: 'Is al betaald & overgemaakt.',
    });
  });

  it('keeps mail from an unknown sender, unmatched and visible to ops', async () => {
    const res = await postEmail({
      from: 'iemand@elders.example.org',
      to: 'info@chargecars.nl',
      subject: 'Vraag',
      text: 'Doen jullie ook zonnepanelen?',
    });
    expect(await res.json()).toEqual({ stored: 1, matched: 0 });
    const ops = await t.as('ops@chargecars.nl');
    const log = (await ops.get('/api/messages?direction=inbound&q=elders')).json() as {
      items: { from: string; customerId: string | null; inReplyTo: string | null }[];
    };
    expect(log.items).toEqual([
      expect.objectContaining({ from: 'iemand@elders.example.org', customerId: null, inReplyTo: null }),
    ]);
  });

  it('refuses a post without the secret or with a wrong one, and stores nothing', async () => {
    const before = await inboundCount();
    const form = { from: 'anna@example.nl', to: 'reply@in.chargecars.test', subject: 'Vals', text: 'Vals' };
    expect((await postEmail(form, 'not-the-secret-but-just-as-long-as-it')).status).toBe(401);
    const anonymous = await fetch(`${base}/api/messages/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(form),
    });
    expect(anonymous.status).toBe(401);
    expect(await inboundCount()).toBe(before);
  });

  it('refuses a post without a sender with 400', async () => {
    const res = await postEmail({ to: 'reply@in.chargecars.test', subject: 'Zonder afzender', text: 'x' });
    expect(res.status).toBe(400);
  });
});

describe('replies by SMS', () => {
  it("matches a signed SMS to the last SMS we sent that number and to the number's customer", async () => {
    const ours = await sent({
      channel: 'sms',
      to: ANNA_PHONE,
      subject: '',
      bodyText: 'Wij komen morgen.',
      customerId: t.fixtures.c1.id,
    });
    const raw = new URLSearchParams({
      id: 'mb-in-1',
      originator: '31612345678',
      recipient: '3197010203040',
      body: 'Prima, tot morgen',
      createdDatetime: clock.now.toISOString(),
    }).toString();
    const res = await postSigned(
      '/api/messages/inbound/sms',
      raw,
      { [SIGNATURE_HEADER]: signCallback(SMS_SECRET, raw) },
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    const [row] = await db().select().from(inboundMessages).where(eq(inboundMessages.providerMessageId, 'mb-in-1'));
    expect(row).toMatchObject({
      channel: 'sms',
      fromAddress: ANNA_PHONE,
      customerId: t.fixtures.c1.id,
      inReplyTo: ours.id,
      matchedBy: 'last_message',
    });
    const timeline = await db().select().from(interactions).where(eq(interactions.customerId, t.fixtures.c1.id));
    expect(
      timeline.some((i) => i.channel === 'sms' && (i.params as { excerpt?: string })?.excerpt === 'Prima, tot morgen'),
    ).toBe(true);
  });

  it('refuses a forged SMS and stores nothing', async () => {
    const before = await inboundCount();
    const raw = JSON.stringify({
      id: 'mb-vals',
      originator: '31612345678',
      recipient: '3197010203040',
      body: 'Annuleer alles',
    });
    const forged = await postSigned('/api/messages/inbound/sms', raw, {
      [SIGNATURE_HEADER]: signCallback('another-secret-of-at-least-32-characters', raw),
    });
    const unsigned = await postSigned('/api/messages/inbound/sms', raw, {});
    expect([forged.status, unsigned.status]).toEqual([401, 401]);
    expect(await inboundCount()).toBe(before);
  });
});

describe('replies by WhatsApp', () => {
  it("answers Meta's subscription check only with our verify token", async () => {
    const ok = await fetch(
      `${base}/api/messages/inbound/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    const wrong = await fetch(
      `${base}/api/messages/inbound/whatsapp?hub.mode=subscribe&hub.verify_token=raden-maar-1234567&hub.challenge=1`,
    );
    expect(wrong.status).toBe(401);
  });

  it('matches a reply by its context, opens the 24-hour window, and takes delivery statuses', async () => {
    await db()
      .insert(messagePreferences)
      .values({ customerId: t.fixtures.c1.id, channels: ['email', 'sms', 'whatsapp'], whatsappOptInAt: new Date() })
      .onConflictDoUpdate({
        target: messagePreferences.customerId,
        set: { channels: ['email', 'sms', 'whatsapp'], whatsappOptInAt: new Date() },
      });
    const first = await sent({
      channel: 'whatsapp',
      to: ANNA_PHONE,
      subject: '',
      bodyText: 'Uw afspraak staat.',
      messageType: 'visit_planned',
      customerId: t.fixtures.c1.id,
    });
    const firstRequest = provider.requests.find((r) => r.body.biz_opaque_callback_data === first.id)!;
    expect(firstRequest.body.type).toBe('template');

    const raw = whatsappPost(
      [
        {
          from: '31612345678',
          id: 'wamid.in-1',
          timestamp: String(Math.floor(clock.now.getTime() / 1000)),
          type: 'text',
          text: { body: 'Kan de monteur achterom komen?' },
          context: { from: '31201234567', id: first.providerId },
        },
      ],
      [{ id: first.providerId, status: 'delivered', timestamp: '1', recipient_id: '31612345678' }],
    );
    const res = await postSigned('/api/messages/inbound/whatsapp', raw, {
      'x-hub-signature-256': signCallback(APP_SECRET, raw),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: 1, matched: 1 });
    const [row] = await db().select().from(inboundMessages).where(eq(inboundMessages.providerMessageId, 'wamid.in-1'));
    expect(row).toMatchObject({
      fromAddress: ANNA_PHONE,
      fromName: 'Anna',
      inReplyTo: first.id,
      matchedBy: 'whatsapp_context',
      customerId: t.fixtures.c1.id,
    });
    expect((await db().select().from(emailOutbox).where(eq(emailOutbox.id, first.id)))[0]!.status).toBe('delivered');

    const answer = await sent({
      channel: 'whatsapp',
      to: ANNA_PHONE,
      subject: '',
      bodyText: 'Ja, dat kan.',
      messageType: 'visit_planned',
      customerId: t.fixtures.c1.id,
    });
    const answerRequest = provider.requests.find((r) => r.body.biz_opaque_callback_data === answer.id)!;
    expect(answerRequest.body).toMatchObject({ type: 'text', text: { body: 'Ja, dat kan.' } });
    expect(answerRequest.body.template).toBeUndefined();

    // A day later the window has closed: templates again.
    clock.now = new Date(clock.now.getTime() + 25 * 60 * 60_000);
    const later = await sent({
      channel: 'whatsapp',
      to: ANNA_PHONE,
      subject: '',
      bodyText: 'Tot straks.',
      messageType: 'visit_reminder',
      customerId: t.fixtures.c1.id,
    });
    expect(provider.requests.find((r) => r.body.biz_opaque_callback_data === later.id)!.body.type).toBe('template');
  });

  it('refuses a webhook signed with another secret, and stores nothing', async () => {
    const before = await inboundCount();
    const raw = whatsappPost([{ from: '31612345678', id: 'wamid.vals', type: 'text', text: { body: 'Vals' } }]);
    const forged = await postSigned('/api/messages/inbound/whatsapp', raw, {
      'x-hub-signature-256': signCallback('not-the-app-secret', raw),
    });
    const tampered = await postSigned('/api/messages/inbound/whatsapp', raw.replace('Vals', 'Echt'), {
      'x-hub-signature-256': signCallback(APP_SECRET, raw),
    });
    expect([forged.status, tampered.status]).toEqual([401, 401]);
    expect(await inboundCount()).toBe(before);
  });
});
