// npm run bench:messages [-- --scale 10 --visits 10000]: the figures of the communications issue, on the
// embedded database (demo data kept in data/bench/messages-scale<N>).
//  1. 10,000 visit reminders for tomorrow rendered (branded HTML, text, .ics), queued and delivered by the
//     message sender to a loopback SMTP server: goal within 60 s, none lost, none doubled.
//  2. Rendering one e-mail from its template: goal p95 < 20 ms.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { migrateDatabase } from '../../apps/server/src/platform/db/migrate.ts';
import { addDaysToDate, todayInAmsterdam } from '../../apps/server/src/platform/calendar.ts';
import { createSmtpChannel } from '../../apps/server/src/platform/messaging/smtp-channel.ts';
import { offlineChannel } from '../../apps/server/src/platform/messaging/channel.ts';
import { createMessageSender } from '../../apps/server/src/platform/messaging/message-sender.ts';
import { amsterdamInstant } from '../../apps/server/src/platform/messaging/quiet-hours.ts';
import {
  queueVisitReminders,
  renderVisitReminder,
} from '../../apps/server/src/modules/notifications/visit-reminders.ts';
import { overridesOf } from '../../apps/server/src/platform/messaging/templates/render-message.ts';
import { scheduledVisitsBetween } from '../../apps/server/src/read-models/visit-reminders.ts';
import { startLoopbackSmtp } from '../../apps/server/src/test/loopback-smtp.ts';
import { seedDemoData } from '../seed/seed-demo.ts';
import { openTarget, type BenchTarget } from './bench-world.ts';
import { printMachine, summarize } from './measure.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: { scale: { type: 'string', default: '10' }, visits: { type: 'string', default: '10000' } },
});
const scale = Number(values.scale);
const visitCount = Number(values.visits);
const target: BenchTarget = {
  kind: 'pglite',
  dir: path.join(ROOT, 'data', 'bench', `messages-scale${String(scale).replace('.', '_')}`),
};

printMachine('ChargeCars messages benchmark');
process.stdout.write(`cores (os.cpus().length): ${cpus().length}, availableParallelism: ${availableParallelism()}\n`);
process.stdout.write(`database: embedded (PGlite), scale ${scale}\n`);

if (!existsSync(path.join(target.dir, 'PG_VERSION'))) {
  rmSync(target.dir, { recursive: true, force: true });
  mkdirSync(target.dir, { recursive: true });
}
const database = await openTarget(target);
await migrateDatabase(database);
if (Number((await database.execute('select count(*)::int n from visits', [])).rows[0]!.n) === 0) {
  process.stdout.write(`seeding scale ${scale} (once; kept for later runs) ...\n`);
  const summary = await seedDemoData(database, { scale, progress: () => undefined });
  process.stdout.write(`seeded ${summary.records.toLocaleString('en')} records in ${summary.seconds.toFixed(1)} s\n`);
}

// The scenario: tomorrow holds `visitCount` more scheduled visits (copies of the demo's, half in each block),
// and it is 17:00 today in Amsterdam, so every visit of tomorrow is within 24 hours. Earlier runs are undone.
const today = todayInAmsterdam();
const tomorrow = addDaysToDate(today, 1);
await database.execute(`delete from email_outbox where message_type = 'visit_reminder'`, []);
await database.execute(`delete from visits where number like 'BENCH-%'`, []);
await database.execute(
  `with src as (select v.*, row_number() over (order by number) rn from visits v where team_id is not null limit 500),
        n as (select count(*) c from src)
   insert into visits (number, order_id, entity_id, customer_id, address_id, type, status, team_id, scheduled_date, block, duration_minutes)
   select 'BENCH-' || lpad(g::text, 6, '0'), src.order_id, src.entity_id, src.customer_id, src.address_id, src.type,
          'scheduled', src.team_id, '${tomorrow}'::date, case when g % 2 = 0 then 'morning' else 'afternoon' end, src.duration_minutes
   from generate_series(1, ${visitCount}) g join src on src.rn = (g % (select c from n)) + 1`,
  [],
);
const now = amsterdamInstant(today, 17);

// 2. p95 of rendering one e-mail from its template (reading ops' overrides of it from the database, filling
// in, branded HTML, text and the .ics), on real visits of tomorrow; one entity has its own text.
await database.execute(`delete from message_templates where saved_by = 'bench'`, []);
await database.execute(
  `insert into message_templates (message_type, entity_id, language, channel, version, subject, body, saved_by)
   values ('visit_reminder', 'laderthuis', 'nl', 'email', 1000000, 'Wij komen {{date}} ({{visitNumber}})',
           '# Tot morgen

Beste {{customerName}},

Op {{date}} tussen {{from}} en {{to}} komt onze monteur voor {{work}} (order {{orderNumber}}) naar {{address}}.

{{brandName}}', 'bench')`,
  [],
);
const sample = (await scheduledVisitsBetween(database.db, tomorrow, tomorrow)).slice(0, 1000);
const renderOne = async (v: (typeof sample)[number]) =>
  renderVisitReminder(v, await overridesOf(database.db, 'visit_reminder'));
for (const v of sample.slice(0, 50)) await renderOne(v);
const renderMs: number[] = [];
for (const v of sample) {
  const t0 = performance.now();
  await renderOne(v);
  renderMs.push(performance.now() - t0);
}

// 1. Queue (read, render, store) and deliver everything to the loopback SMTP server.
const smtp = await startLoopbackSmtp({ parse: false });
const email = createSmtpChannel({
  host: '127.0.0.1',
  port: smtp.port,
  secure: false,
  requireTls: false,
  from: 'ChargeCars <planning@chargecars.nl>',
});
// The sender runs on the real clock: the reminders are due from the moment they are stored.
const sender = createMessageSender(database.db, { email, sms: offlineChannel, whatsapp: offlineChannel });
const readStarted = performance.now();
const visitsRead = (await scheduledVisitsBetween(database.db, today, tomorrow)).length;
const readMs = performance.now() - readStarted;
const started = performance.now();
const { visitRemindersQueued } = await queueVisitReminders(database.db, now);
const queuedMs = performance.now() - started;
while (await sender.sendDue());
const deliveredMs = performance.now() - started;
const sendMs = deliveredMs - queuedMs;
const counts = (
  await database.execute(
    `select status, count(*)::int n from email_outbox where message_type = 'visit_reminder' group by status order by status`,
    [],
  )
).rows.map((r) => `${String(r.status)} ${String(r.n)}`);
const ids = smtp.messageIds;
const distinct = new Set(ids).size;
const render = summarize(renderMs);

process.stdout.write(`\nvisit reminders for ${tomorrow} (${visitCount.toLocaleString('en')} added to the demo's)\n`);
process.stdout.write(
  `  reading the ${visitsRead} visits of today and tomorrow alone: ${(readMs / 1000).toFixed(1)} s\n`,
);
process.stdout.write(
  `  queued (read, rendered, stored): ${visitRemindersQueued} in ${(queuedMs / 1000).toFixed(1)} s\n`,
);
process.stdout.write(
  `  sent by the message sender: ${(sendMs / 1000).toFixed(1)} s (${Math.round((visitRemindersQueued / sendMs) * 1000)} messages/s)\n`,
);
process.stdout.write(
  `  delivered to loopback SMTP:      ${ids.length} messages, ${distinct} distinct, in ${(deliveredMs / 1000).toFixed(1)} s total (goal < 60 s)\n`,
);
process.stdout.write(`  lost: ${visitRemindersQueued - distinct}, doubled: ${ids.length - distinct}\n`);
process.stdout.write(`  statuses in the log: ${counts.join(', ')}\n`);
process.stdout.write(
  `render one e-mail (${renderMs.length} visits): p50 ${render.p50.toFixed(2)} ms, p95 ${render.p95.toFixed(2)} ms, max ${render.max.toFixed(2)} ms (goal p95 < 20 ms)\n`,
);

email.close?.();
await smtp.close();
await database.execute(`delete from email_outbox where message_type = 'visit_reminder'`, []);
await database.execute(`delete from visits where number like 'BENCH-%'`, []);
await database.close();
