import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { emailOutbox } from '../../platform/mail.schema.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { messageBrandsById } from '../../read-models/message-brands.ts';

let t: TestApp;
let ops: Awaited<ReturnType<TestApp['as']>>;
beforeAll(async () => {
  t = await createTestApp();
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t?.close());

const url = (type: string, entity: string, language = 'nl', channel = 'email') =>
  `/api/messages/templates/${type}/${entity}/${language}/${channel}`;
const reminderValues = {
  customerName: 'Anna <b>de Vries</b>',
  visitNumber: 'V-1',
  orderNumber: 'O-1',
  date: '20 december 2026',
  from: '8:00',
  to: '12:00',
  work: 'de installatie',
  address: 'Dorpsstraat 1, 3511 AB Utrecht',
};
const reminderOf = async (entityId: string, language: 'nl' | 'en') => {
  const brand = (await messageBrandsById(t.database.db, [entityId])).get(entityId)!;
  return renderMessage(t.database.db, { type: 'visit_reminder', language, brand, values: reminderValues });
};

describe('saving a template', () => {
  it('refuses an unknown variable, naming it, in Dutch and in English', async () => {
    const body = { subject: 'Wij komen {{datum}}', body: 'Beste {{customerName}}', version: 0 };
    const nl = await ops.put(url('visit_reminder', 'laderthuis'), body);
    expect(nl.statusCode).toBe(422);
    expect(nl.json()).toMatchObject({ code: 'template_unknown_variable' });
    expect(nl.json().detail).toContain('Onbekende variabele: {{datum}}');
    const en = await ops.put(url('visit_reminder', 'laderthuis'), body, { 'accept-language': 'en' });
    expect(en.json().detail).toContain('Unknown variable: {{datum}}');
  });

  it('refuses a text that leaves out a required variable, and says which', async () => {
    const res = await ops.put(url('signing_link', 'chargecars'), {
      subject: 'Offerte {{quoteNumber}}',
      body: 'Beste {{signerName}}, versie {{version}} van {{part}}, geldig tot {{validUntil}}.',
      version: 0,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'template_required_variable_missing' });
    expect(res.json().detail).toBe('Verplichte variabele ontbreekt: {{link}}.');
  });

  it('refuses a save over a newer version than the one the editor opened', async () => {
    const text = {
      subject: 'Testbericht',
      body: 'Test via {{channel}} door {{senderName}}.',
    };
    expect(
      (await ops.put(url('test_message', 'laderthuis', 'nl', 'whatsapp'), { ...text, version: 0 })).statusCode,
    ).toBe(200);
    const stale = await ops.put(url('test_message', 'laderthuis', 'nl', 'whatsapp'), { ...text, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'template_changed' });
  });

  it('is for operations and admin only', async () => {
    const planner = await t.as('planner@chargecars.nl');
    expect((await planner.get('/api/messages/templates')).statusCode).toBe(403);
    expect(
      (await planner.put(url('test_message', 'chargecars'), { subject: 's', body: 'b', version: 0 })).statusCode,
    ).toBe(403);
    expect((await ops.get(url('no_such_type', 'chargecars'))).statusCode).toBe(404);
    expect((await ops.get(url('visit_reminder', 'no_such_entity'))).statusCode).toBe(404);
    // A type has templates only on the channels it is sent on.
    expect((await ops.get(url('signing_link', 'chargecars', 'nl', 'sms'))).statusCode).toBe(404);
  });
});

describe('an override', () => {
  it('counts for its entity and language only, escapes variables in the HTML, and a reset brings back the default', async () => {
    const saved = await ops.put(url('visit_reminder', 'laderthuis'), {
      subject: 'LaderThuis komt {{date}} ({{visitNumber}})',
      body: '# Tot snel\n\nHoi {{customerName}}, wij komen {{date}} tussen {{from}} en {{to}} voor {{work}} (order {{orderNumber}}) naar {{address}}.\n\n{{brandName}}',
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1, savedBy: 'Otto Operations' });

    const own = await reminderOf('laderthuis', 'nl');
    expect(own.subject).toBe('LaderThuis komt 20 december 2026 (V-1)');
    expect(own.bodyHtml).toContain('Hoi Anna &lt;b&gt;de Vries&lt;/b&gt;, wij komen');
    expect(own.bodyHtml).not.toContain('<b>de Vries');
    expect(own.bodyHtml).toContain('<h1 style="font-size:20px;margin:0 0 16px">Tot snel</h1>');
    expect(own.bodyText).toContain('Hoi Anna <b>de Vries</b>, wij komen');
    expect(own.sender).toBe('"LaderThuis.nl" <info@laderthuis.nl>');

    expect((await reminderOf('chargecars', 'nl')).subject).toBe('Herinnering: wij komen 20 december 2026 (V-1)');
    expect((await reminderOf('laderthuis', 'en')).subject).toBe('Reminder: we visit you on 20 december 2026 (V-1)');

    const reset = await ops.post(`${url('visit_reminder', 'laderthuis')}/reset`, { version: 1 });
    expect(reset.json()).toMatchObject({ isDefault: true, version: 2 });
    expect((await reminderOf('laderthuis', 'nl')).subject).toBe('Herinnering: wij komen 20 december 2026 (V-1)');

    const catalog = (await ops.get('/api/messages/templates')).json();
    expect(
      catalog.templates.find(
        (x: { type: string; entityId: string; language: string; channel: string }) =>
          x.type === 'visit_reminder' && x.entityId === 'laderthuis' && x.language === 'nl' && x.channel === 'email',
      ),
    ).toMatchObject({ isDefault: true, version: 2 });
  });

  it("is what a producer sends: the test message goes out in ops' words", async () => {
    const admin = await t.as('admin@chargecars.nl');
    await ops.put(url('test_message', 'chargecars', 'nl', 'sms'), {
      subject: '',
      body: 'Proef via {{channel}}, door {{senderName}}.',
      version: 0,
    });
    const res = await admin.post('/api/messages/providers/test', { channel: 'sms', to: '+31612345678' });
    expect(res.statusCode).toBe(202);
    const [row] = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.id, res.json().id));
    expect(row).toMatchObject({ messageType: 'test_message', bodyText: 'Proef via sms, door Ada Admin.' });
  });
});

describe('the preview', () => {
  it("renders the text being edited on sample data with the entity's brand, and says what a save would refuse", async () => {
    const res = await ops.post('/api/messages/templates/preview', {
      type: 'order_confirmation',
      entityId: 'laderthuis',
      language: 'nl',
      channel: 'email',
      subject: 'Order {{orderNumber}}',
      body: 'Beste {{customerName}}, <script>x</script> {{link}} {{kortingscode}}',
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.subject).toBe('Order O-2026-00009');
    expect(p.bodyHtml).toContain('background:#2563eb');
    expect(p.bodyHtml).toContain('Beste Sanne de Vries, &lt;script&gt;x&lt;/script&gt;');
    expect(p.bodyHtml).toContain('<a href="https://chargecars.nl/portal"');
    expect(p.problem).toContain('{{kortingscode}}');

    const fine = await ops.post(
      '/api/messages/templates/preview',
      {
        type: 'visit_reminder',
        entityId: 'chargecars',
        language: 'en',
        channel: 'sms',
        subject: '',
        body: '{{brandName}}: {{date}} {{from}}-{{to}}, {{address}}',
      },
      { 'accept-language': 'en' },
    );
    expect(fine.json()).toEqual({
      subject: 'Visit reminder',
      bodyText: 'ChargeCars: 2026-12-20 8:00-12:00, Dorpsstraat 12, 3511 AB Utrecht',
      bodyHtml: null,
      problem: null,
    });
  });
});
