import type { Rng } from '../demo/index.ts';
import type * as s from '../../apps/server/src/platform/db/schema.ts';
import { hashToken } from '../../apps/server/src/platform/auth/tokens.ts';
import { renderWith } from '../../apps/server/src/platform/messaging/templates/render-message.ts';
import { stored, sentence } from '../../apps/server/src/platform/sentences/sentences.ts';
import type { DemoCustomer } from './generate-customers.ts';
import { ENTITY_ROWS } from './generate-reference.ts';
import type { DemoVisit } from './generate-visits.ts';
import { addDays, uuidFrom } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Installations of the last weeks were asked how it went; older ones date from before the survey. */
const SURVEY_DAYS = 60;
const REMARKS = [
  'Netjes gewerkt en alles goed uitgelegd.',
  'Monteur was wat later dan gepland, verder prima.',
  'Kabel mooi weggewerkt langs de gevel.',
  'Snel en vriendelijk geholpen.',
  'Graag vooraf bellen als het later wordt.',
];
const REPLIES = [
  ['email', 'Re: Uw afspraak', 'Kan de monteur ook na 14:00 uur komen? Ik ben in de ochtend niet thuis.'],
  [
    'email',
    'Re: Bevestiging van uw order',
    'Dank voor de bevestiging. Moet ik zelf nog iets voorbereiden in de meterkast?',
  ],
  ['sms', '', 'Prima, tot morgen!'],
  ['sms', '', 'Ik sta op de oprit, de poort is open.'],
  ['whatsapp', '', 'Hierbij een foto van de meterkast zoals gevraagd.'],
] as const;

/**
 * The demo's messages that people answer: satisfaction surveys of recent installations (most answered,
 * some still open, each open one with its mail in the log and a link that works) and replies of customers
 * by e-mail, SMS and WhatsApp, on their timeline; two from senders nobody knows.
 */
export function generateMessages(rng: Rng, customers: DemoCustomer[], visits: DemoVisit[], now: Date) {
  const byId = new Map(customers.map((c) => [c.id, c]));
  const brand = new Map(
    ENTITY_ROWS.map((e) => [
      e.id!,
      { id: e.id!, name: e.name!, brandColor: e.brandColor!, website: e.website ?? '', emailFrom: e.emailFrom! },
    ]),
  );
  // The address `npm start` serves the demo on, so a survey link in the log opens there.
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const surveys: Insert<typeof s.satisfactionSurveys>[] = [];
  const outbox: Insert<typeof s.emailOutbox>[] = [];
  const inbound: Insert<typeof s.inboundMessages>[] = [];
  const interactions: Insert<typeof s.interactions>[] = [];

  const recent = visits.filter(
    (v) =>
      v.status === 'completed' &&
      v.type !== 'survey' &&
      v.completedAt instanceof Date &&
      v.completedAt.getTime() > addDays(now, -SURVEY_DAYS).getTime(),
  );
  for (const v of recent) {
    const customer = byId.get(v.customerId)!;
    const askedAt = v.completedAt as Date;
    const token = `${uuidFrom(rng)}${uuidFrom(rng)}`.replace(/-/g, '');
    if (rng.chance(0.65)) {
      surveys.push({
        visitId: v.id,
        tokenHash: hashToken(token),
        askedAt,
        score: rng.weighted([
          [10, 18],
          [9, 30],
          [8, 30],
          [7, 12],
          [6, 6],
          [4, 4],
        ] as const),
        remark: rng.chance(0.4) ? rng.pick(REMARKS) : null,
        answeredAt: addDays(askedAt, rng.int(0, 3)),
      });
      continue;
    }
    surveys.push({ visitId: v.id, tokenHash: hashToken(token), askedAt });
    outbox.push({
      to: customer.email,
      customerId: customer.id,
      status: 'stored',
      dedupeKey: `satisfaction_survey:${v.id}`,
      createdAt: askedAt,
      updatedAt: askedAt,
      ...renderWith(new Map(), {
        type: 'satisfaction_survey',
        language: 'nl',
        brand: brand.get(v.entityId)!,
        values: {
          customerName: customer.name,
          visitNumber: v.number,
          work: 'de installatie',
          link: `${publicUrl}/survey/${token}`,
        },
      }),
    });
  }

  const writers = customers.slice(0, Math.min(customers.length, 12));
  writers.forEach((c, i) => {
    const [channel, subject, text] = REPLIES[i % REPLIES.length]!;
    const from = channel === 'email' ? c.email : c.phone;
    if (!from) return;
    const receivedAt = new Date(addDays(now, -rng.int(0, 6)).getTime() - rng.int(0, 600) * 60_000);
    inbound.push({
      channel,
      providerMessageId: `demo-${uuidFrom(rng)}`,
      fromAddress: from.toLowerCase(),
      fromName: channel === 'sms' ? null : c.name,
      toAddress: channel === 'email' ? 'reply@in.chargecars.nl' : '+3197010203040',
      subject,
      bodyText: text,
      customerId: c.id,
      entityId: c.sourceEntityId,
      threadKey: `contact:${channel}:${from.toLowerCase()}`,
      receivedAt,
    });
    interactions.push({
      customerId: c.id,
      entityId: c.sourceEntityId,
      channel,
      ...stored(sentence('contact.reply_received', { channel, excerpt: text })),
      occurredAt: receivedAt,
    });
  });
  for (const [channel, from, subject, text] of [
    [
      'email',
      'info@zonnedak-voorbeeld.nl',
      'Samenwerking',
      'Wij installeren zonnepanelen en zoeken een partner voor laadpalen.',
    ],
    ['sms', '+31687000111', '', 'Wie is dit? Ik heb geen laadpaal besteld.'],
  ] as const)
    inbound.push({
      channel,
      providerMessageId: `demo-${uuidFrom(rng)}`,
      fromAddress: from,
      toAddress: channel === 'email' ? 'info@chargecars.nl' : '+3197010203040',
      subject,
      bodyText: text,
      threadKey: `contact:${channel}:${from}`,
      receivedAt: new Date(addDays(now, -rng.int(0, 3)).getTime() - rng.int(0, 600) * 60_000),
    });
  return { surveys, outbox, inbound, interactions };
}
