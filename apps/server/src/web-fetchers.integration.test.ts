import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData, type SeedSummary } from '../../../scripts/seed/seed-demo.ts';
import { buildApp, type BuiltApp } from './app.ts';
import { backupsOf } from './platform/backup.ts';
import { latestDroppedMailFor } from './platform/mail-drop.ts';
import { loadConfig } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/client.ts';
import { createTestDatabase } from './test/test-database.ts';
import { startWebhookReceiver } from './test/webhook-receiver.ts';
import { webEndpointsByRoute } from './test/web-endpoints.ts';

const webEndpoints = await webEndpointsByRoute();

type Session = {
  cookie: string;
  csrf: string;
  userId: string;
  partnerId: string | null;
  customerId: string | null;
  teamId: string | null;
};
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let built: BuiltApp;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let embedded: Database;
let demo: SeedSummary;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let scratch: string;
const as: Record<string, Session> = {};

async function call(
  who: Session | null,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = `cc_session=${who.cookie}`;
  if (who && method !== 'GET') headers['x-csrf-token'] = who.csrf;
  return built.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
}
const ok = (res: LightMyRequestResponse) => {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};
function sessionOf(res: LightMyRequestResponse): Session {
  const { user, csrfToken } = ok(res) as {
    user: { id: string; partnerId: string | null; customerId: string | null; teamId: string | null };
    csrfToken: string;
  };
  return {
    cookie: res.cookies.find((c) => c.name === 'cc_session')!.value,
    csrf: csrfToken,
    userId: user.id,
    partnerId: user.partnerId,
    customerId: user.customerId,
    teamId: user.teamId,
  };
}
const loginOf = (role: string) => demo.logins.find((l) => l.role === role)!;
const logIn = (email: string, password: string) => call(null, 'POST', '/api/auth/login', { email, password });
async function row<T>(sqlText: string, params: unknown[] = []): Promise<T> {
  const rows = (await database.execute(sqlText, params)).rows as T[];
  if (!rows[0]) throw new Error(`no demo row for: ${sqlText}`);
  return rows[0];
}
/** The link a mail carried, read from the outbox as the recipient would read it in the mail. */
const linkTokenIn = (to: string, kind: 'sign' | 'intake') =>
  row<{ token: string }>(
    `select substring(body_text from '/${kind}/([\\w-]+)') token from email_outbox where "to" = $1 and body_text like '%/${kind}/%' order by created_at desc, id desc limit 1`,
    [to],
  ).then((r) => r.token);
/** The newest signing link mailed for a quote, to whichever side signs it (the demo customer's quotes may be the partner's to sign). */
const signingTokenOf = async (quoteId: string) => {
  const { number } = await row<{ number: string }>('select number from quotes where id = $1', [quoteId]);
  return (
    await row<{ token: string }>(
      `select substring(body_text from '/sign/([\\w-]+)') token from email_outbox where subject like '%' || $1 || '%' and body_text like '%/sign/%' order by created_at desc, id desc limit 1`,
      [number],
    )
  ).token;
};
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  demo = await seedDemoData(database, { scale: 0.02 });
  scratch = mkdtempSync(path.join(tmpdir(), 'cc-web-fetchers-'));
  // Backups are of an embedded database on disk, as the server's are; the demo database may be PostgreSQL.
  embedded = await openDatabase({ dataDir: path.join(scratch, 'data') });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MAIL_DROP_DIR: path.join(scratch, 'mail'),
    WEBHOOK_ALLOWED_PRIVATE_HOSTS: '127.0.0.1',
    PLANNING_OPTIMISE_SECONDS: '1',
  });
  built = await buildApp({
    config,
    database,
    logger: false,
    backups: backupsOf(embedded.pglite!, path.join(scratch, 'backups'), 10),
  });
  await built.app.ready();
  receiver = await startWebhookReceiver();
  for (const role of ['admin', 'operations', 'planner', 'warehouse', 'partner']) {
    const { email, password } = loginOf(role);
    as[role] = sessionOf(await logIn(email, password!));
  }
  // The technician of a team with a visit still to do, so completing one is theirs to do.
  const visit = await row<{ code: string }>(
    "select t.code from visits v join teams t on t.id = v.team_id where v.status = 'scheduled' order by v.scheduled_date limit 1",
  );
  as.technician = sessionOf(
    await logIn(`monteur.${visit.code.toLowerCase()}@chargecars.nl`, loginOf('technician').password!),
  );
}, 300_000);
afterAll(async () => {
  await receiver?.close();
  await built?.app.close();
  await database?.drop();
  await embedded?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** What the cases leave for later ones (a quote they created, a link a mail carried). */
const made: Record<string, string> = {};
const firstId = async (who: Session, url: string) =>
  (ok(await call(who, 'GET', url)) as { items: { id: string }[] }).items[0]!.id;

/**
 * How each fetcher's endpoint is called as the web calls it, in an order where each finds what it needs.
 * Each case answers the responses its parser must read; list and detail reads are asked as every role
 * whose portal shows them, since the server shapes the answer by role.
 */
const cases: Record<string, () => Promise<LightMyRequestResponse[]>> = {
  'POST /api/auth/login': async () => [await logIn(loginOf('operations').email, loginOf('operations').password!)],
  'GET /api/auth/me': async () => Promise.all(Object.values(as).map((who) => call(who, 'GET', '/api/auth/me'))),
  'POST /api/auth/magic-link': async () => [
    await call(null, 'POST', '/api/auth/magic-link', { email: loginOf('customer').email }),
  ],
  'POST /api/auth/magic-link/consume': async () => {
    const mail = await latestDroppedMailFor(path.join(scratch, 'mail'), loginOf('customer').email);
    const res = await call(null, 'POST', '/api/auth/magic-link/consume', {
      token: /token=([\w-]+)/.exec(mail ?? '')![1],
    });
    as.customer = sessionOf(res);
    return [res];
  },
  'GET /api/entities': async () => [await call(as.operations!, 'GET', '/api/entities')],
  'GET /api/dashboard/metrics': async () => [await call(as.planner!, 'GET', '/api/dashboard/metrics')],
  'GET /api/customers': async () => [await call(as.operations!, 'GET', '/api/customers?page=1&pageSize=50')],
  'GET /api/customers/:id': async () => {
    // A customer with interactions and quotes: the two lists the web read wrongly.
    const { id } = await row<{ id: string }>(
      'select c.id from customers c where exists (select 1 from interactions i where i.customer_id = c.id) and exists (select 1 from quotes q where q.customer_id = c.id) limit 1',
    );
    made.customerId = id;
    return [
      await call(as.operations!, 'GET', `/api/customers/${id}`),
      await call(as.operations!, 'GET', `/api/customers/${as.customer!.customerId}`),
    ];
  },
  'POST /api/customers/:id/notes': async () => [
    await call(as.operations!, 'POST', `/api/customers/${made.customerId}/notes`, {
      body: 'Belt terug over de laadpaal',
    }),
  ],
  'GET /api/partners': async () => [await call(as.operations!, 'GET', '/api/partners?page=1&pageSize=50')],
  'GET /api/partners/:id': async () => [
    await call(as.operations!, 'GET', `/api/partners/${as.partner!.partnerId}`),
    await call(as.partner!, 'GET', `/api/partners/${as.partner!.partnerId}`),
  ],
  'PATCH /api/partners/:id': async () => {
    const { vatNumber } = ok(await call(as.operations!, 'GET', `/api/partners/${as.partner!.partnerId}`)) as {
      vatNumber: string | null;
    };
    return [await call(as.operations!, 'PATCH', `/api/partners/${as.partner!.partnerId}`, { vatNumber })];
  },
  'GET /api/orders': async () =>
    Promise.all(
      ['operations', 'planner', 'partner', 'customer'].map((r) =>
        call(as[r]!, 'GET', '/api/orders?page=1&pageSize=50'),
      ),
    ),
  'GET /api/orders/:id': async () =>
    Promise.all(
      ['operations', 'partner', 'customer'].map(async (r) =>
        call(as[r]!, 'GET', `/api/orders/${await firstId(as[r]!, '/api/orders?page=1&pageSize=1')}`),
      ),
    ),
  'GET /api/orders/:id/timeline': async () => [
    await call(
      as.operations!,
      'GET',
      `/api/orders/${await firstId(as.operations!, '/api/orders?page=1&pageSize=1')}/timeline`,
    ),
  ],
  'POST /api/orders/:id/stage': async () => {
    const { id } = await row<{ id: string }>("select id from orders where stage = 'new' limit 1");
    const { nextStages } = ok(await call(as.operations!, 'GET', `/api/orders/${id}`)) as { nextStages: string[] };
    return [
      await call(as.operations!, 'POST', `/api/orders/${id}/stage`, {
        stage: nextStages[0],
        reason: 'Zo afgesproken met de klant',
      }),
    ];
  },
  'GET /api/teams': async () => [await call(as.planner!, 'GET', '/api/teams')],
  'GET /api/regions': async () => [await call(as.planner!, 'GET', '/api/regions')],
  'POST /api/planning/proposals': async () => {
    // Next week, all regions: the demo's unplanned visits give the optimiser something to add.
    const from = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 11 * 86_400_000).toISOString().slice(0, 10);
    const res = await call(as.planner!, 'POST', '/api/planning/proposals', { from, to });
    made.proposal = ok(res).id;
    // The demo's own proposal waits in the queue before this one.
    while (await built.services.optimiser.computeNext());
    return [res];
  },
  'GET /api/planning/proposals': async () => [await call(as.planner!, 'GET', '/api/planning/proposals')],
  'GET /api/planning/proposals/:id': async () => [
    await call(as.planner!, 'GET', `/api/planning/proposals/${made.proposal}`),
  ],
  'POST /api/planning/proposals/:id/apply': async () => [
    await call(as.planner!, 'POST', `/api/planning/proposals/${made.proposal}/apply`, {}),
  ],
  'POST /api/planning/absences/repair': async () => {
    const v = await row<{ team_id: string; date: string }>(
      "select team_id, to_char(scheduled_date, 'YYYY-MM-DD') date from visits where status = 'scheduled' and scheduled_date > current_date order by scheduled_date limit 1",
    );
    return [await call(as.planner!, 'POST', '/api/planning/absences/repair', { teamId: v.team_id, date: v.date })];
  },
  'GET /api/teams/:id/route': async () => {
    const v = await row<{ team_id: string; date: string }>(
      "select team_id, to_char(scheduled_date, 'YYYY-MM-DD') date from visits where status = 'scheduled' order by scheduled_date limit 1",
    );
    return [await call(as.planner!, 'GET', `/api/teams/${v.team_id}/route?date=${v.date}`)];
  },
  'GET /api/teams/schedule': async () => [
    await call(as.planner!, 'GET', '/api/teams/schedule?view=week'),
    await call(as.operations!, 'GET', '/api/teams/schedule?view=month&priority=1'),
  ],
  'GET /api/dashboard/capacity': async () => [await call(as.planner!, 'GET', '/api/dashboard/capacity?view=week')],
  'GET /api/visits/:id/feasibility': async () => {
    const { id } = await row<{ id: string }>("select id from visits where status = 'to_schedule' limit 1");
    return [await call(as.planner!, 'GET', `/api/visits/${id}/feasibility?view=week`)];
  },
  'GET /api/visits/:id/options': async () => {
    const { id } = await row<{ id: string }>("select id from visits where status = 'to_schedule' limit 1");
    return [await call(as.planner!, 'GET', `/api/visits/${id}/options?max=5`)];
  },
  'PUT /api/visits/:id': async () => {
    // A visit from the queue to its best option, on the version the board showed.
    const { id, lock_version } = await row<{ id: string; lock_version: number }>(
      "select id, lock_version from visits where status = 'to_schedule' order by created_at limit 1",
    );
    const { options } = ok(await call(as.planner!, 'GET', `/api/visits/${id}/options?max=1`)) as {
      options: { teamId: string; date: string; block: string }[];
    };
    const { teamId, date, block } = options[0]!;
    return [
      await call(as.planner!, 'PUT', `/api/visits/${id}`, { lockVersion: lock_version, slot: { teamId, date, block } }),
    ];
  },
  'GET /api/teams/:id/absences': async () => {
    const { id } = await row<{ id: string }>('select team_id id from team_absences limit 1');
    return [await call(as.planner!, 'GET', `/api/teams/${id}/absences`)];
  },
  'POST /api/teams/:id/absences': async () => {
    const { id } = await row<{ id: string }>('select id from teams order by code limit 1');
    const res = await call(as.planner!, 'POST', `/api/teams/${id}/absences`, {
      dateFrom: '2099-03-02',
      dateTo: '2099-03-03',
      kind: 'training',
    });
    made.absenceTeam = id;
    made.absenceId = (ok(res) as { absence: { id: string } }).absence.id;
    return [res];
  },
  'DELETE /api/teams/:id/absences/:absenceId': async () => [
    await call(as.planner!, 'DELETE', `/api/teams/${made.absenceTeam}/absences/${made.absenceId}`),
  ],
  'POST /api/visits/:id/schedule': async () => {
    // Planned again on its own slot: the visit moves nowhere, and capacity stays as it was.
    const v = await row<{ id: string; team_id: string; date: string; block: string }>(
      "select id, team_id, to_char(scheduled_date, 'YYYY-MM-DD') date, block from visits v where status = 'scheduled' and scheduled_date >= current_date" +
        // Not on a day its team is absent (the repair case above marks one): there it may not stay.
        ' and not exists (select 1 from team_absences a where a.team_id = v.team_id and v.scheduled_date between a.date_from and a.date_to)' +
        ' order by scheduled_date limit 1',
    );
    return [
      await call(as.planner!, 'POST', `/api/visits/${v.id}/schedule`, {
        date: v.date,
        teamId: v.team_id,
        block: v.block,
      }),
    ];
  },
  'POST /api/mobile/devices': async () => {
    const res = await call(as.technician!, 'POST', '/api/mobile/devices', { label: 'web-fetchers' });
    made.deviceId = (ok(res) as { deviceId: string }).deviceId;
    return [res];
  },
  'GET /api/mobile/sync': async () => [await call(as.technician!, 'GET', `/api/mobile/sync?deviceId=${made.deviceId}`)],
  'POST /api/mobile/photos': async () => [
    await built.app.inject({
      method: 'POST',
      url: '/api/mobile/photos',
      headers: {
        cookie: `cc_session=${as.technician!.cookie}`,
        'x-csrf-token': as.technician!.csrf,
        'content-type': 'image/png',
      },
      payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    }),
  ],
  'POST /api/mobile/commands': async () => {
    const { id } = await row<{ id: string }>(
      "select id from visits where team_id = $1 and status = 'scheduled' order by scheduled_date limit 1",
      [as.technician!.teamId],
    );
    const command = {
      id: randomUUID(),
      deviceId: made.deviceId,
      visitId: id,
      actedAt: new Date().toISOString(),
      baseVersion: '0',
      payload: { kind: 'arrive' },
    };
    return [
      await call(as.technician!, 'POST', '/api/mobile/commands', { deviceId: made.deviceId, commands: [command] }),
    ];
  },
  'POST /api/orders/:id/visits': async () => {
    // An order the demo left without a visit (new or waiting for materials), as ops find it.
    const { id } = await row<{ id: string }>(
      "select o.id from orders o where o.stage not in ('cancelled', 'closed') and not exists (select 1 from visits v where v.order_id = o.id) order by o.stage = 'new' desc limit 1",
    );
    return [
      await call(as.operations!, 'POST', `/api/orders/${id}/visits`, { type: 'installation', durationMinutes: 240 }),
    ];
  },
  'GET /api/catalog/items': async () => [
    await call(
      as.operations!,
      'GET',
      `/api/catalog/items?entityId=${(made.entityId = (await row<{ entity_id: string }>('select entity_id from customer_entities where customer_id = $1 limit 1', [as.customer!.customerId])).entity_id)}`,
    ),
  ],
  'POST /api/quotes': async () => {
    const { items } = ok(await call(as.operations!, 'GET', `/api/catalog/items?entityId=${made.entityId}`)) as {
      items: { kind: string; id: string }[];
    };
    const product = items.find((i) => i.kind === 'product')!;
    const quote = (customerId: string) =>
      call(as.operations!, 'POST', '/api/quotes', {
        entityId: made.entityId,
        customerId,
        lines: [{ productId: product.id, quantity: 1 }],
      });
    const a = await quote(as.customer!.customerId!);
    const b = await quote(as.customer!.customerId!);
    made.quoteA = ok(a).id;
    made.quoteB = ok(b).id;
    return [a, b];
  },
  'GET /api/quote-templates': async () => [await call(as.operations!, 'GET', '/api/quote-templates')],
  'POST /api/quotes/from-template': async () => {
    const [template] = ok(await call(as.operations!, 'GET', '/api/quote-templates')) as { id: string }[];
    return [
      await call(as.operations!, 'POST', '/api/quotes/from-template', {
        templateId: template!.id,
        customerId: made.customerId,
      }),
    ];
  },
  'POST /api/quotes/:id/send': async () => {
    const send = async (id: string) =>
      call(as.operations!, 'POST', `/api/quotes/${id}/send`, {
        lockVersion: (ok(await call(as.operations!, 'GET', `/api/quotes/${id}`)) as { lockVersion: number })
          .lockVersion,
      });
    const a = await send(made.quoteA!);
    const b = await send(made.quoteB!);
    made.tokenB = await signingTokenOf(made.quoteB!);
    return [a, b];
  },
  'PUT /api/quotes/:id': async () => {
    const quote = ok(await call(as.operations!, 'GET', `/api/quotes/${made.quoteA}`)) as {
      lockVersion: number;
      lines: { productId: string | null; quantity: number }[];
    };
    return [
      await call(as.operations!, 'PUT', `/api/quotes/${made.quoteA}`, {
        lockVersion: quote.lockVersion,
        lines: quote.lines.map((l) => ({ productId: l.productId!, quantity: l.quantity + 1 })),
        changeNote: 'Een extra',
      }),
    ];
  },
  'GET /api/quotes': async () =>
    Promise.all(
      ['operations', 'partner', 'customer'].map((r) => call(as[r]!, 'GET', '/api/quotes?page=1&pageSize=50')),
    ),
  'GET /api/quotes/:id': async () =>
    Promise.all([
      call(as.operations!, 'GET', `/api/quotes/${made.quoteA}`),
      call(as.customer!, 'GET', `/api/quotes/${made.quoteA}`),
      (async () =>
        call(as.partner!, 'GET', `/api/quotes/${await firstId(as.partner!, '/api/quotes?page=1&pageSize=1')}`))(),
    ]),
  'GET /api/quotes/:id/versions/:from/diff/:to': async () => [
    await call(as.operations!, 'GET', `/api/quotes/${made.quoteA}/versions/1/diff/2`),
  ],
  'GET /api/quotes/:id/visit-preview': async () => [
    await call(as.planner!, 'GET', `/api/quotes/${made.quoteA}/visit-preview`),
  ],
  'GET /api/sign/:token': async () => {
    made.tokenA = await signingTokenOf(made.quoteA!);
    return [await call(null, 'GET', `/api/sign/${made.tokenA}`), await call(null, 'GET', `/api/sign/${made.tokenB}`)];
  },
  'POST /api/sign/:token': async () => [
    await call(null, 'POST', `/api/sign/${made.tokenA}`, { name: 'De Klant', method: 'typed' }),
  ],
  'POST /api/sign/:token/decline': async () => [
    await call(null, 'POST', `/api/sign/${made.tokenB}/decline`, { reason: 'Toch niet nu' }),
  ],
  'POST /api/quotes/:id/renew': async () => [
    await call(as.operations!, 'POST', `/api/quotes/${made.quoteB}/renew`, {
      lockVersion: (ok(await call(as.operations!, 'GET', `/api/quotes/${made.quoteB}`)) as { lockVersion: number })
        .lockVersion,
    }),
  ],
  'POST /api/leads': async () => {
    // Name and email only: the pipeline cannot qualify it, so the customer gets the intake questionnaire.
    const a = await call(as.operations!, 'POST', '/api/leads', {
      name: 'Contract Lead 1',
      email: 'contract-lead-1@example.nl',
    });
    const b = await call(as.operations!, 'POST', '/api/leads', {
      name: 'Contract Lead 2',
      email: 'contract-lead-2@example.nl',
    });
    made.leadA = ok(a).id;
    made.leadB = ok(b).id;
    return [a, b];
  },
  'GET /api/leads': async () =>
    Promise.all(['operations', 'partner'].map((r) => call(as[r]!, 'GET', '/api/leads?page=1&pageSize=50'))),
  'GET /api/leads/:id': async () => [
    await call(as.operations!, 'GET', `/api/leads/${made.leadA}`),
    await call(
      as.operations!,
      'GET',
      `/api/leads/${(await row<{ id: string }>('select id from leads order by received_at limit 1')).id}`,
    ),
  ],
  'GET /api/intake/:token': async () => [
    await call(null, 'GET', `/api/intake/${(made.intake = await linkTokenIn('contract-lead-1@example.nl', 'intake'))}`),
  ],
  'POST /api/intake/:token': async () => [
    await call(null, 'POST', `/api/intake/${made.intake}`, {
      meterCabinetType: 'unknown',
      phases: 'unknown',
      distanceCabinetToParkingMeters: 10,
      parking: 'driveway',
      photos: [],
    }),
  ],
  'POST /api/leads/:id/assign': async () => [
    await call(as.operations!, 'POST', `/api/leads/${made.leadB}/assign`, { entityId: made.entityId }),
  ],
  'POST /api/leads/:id/qualify': async () => [await call(as.operations!, 'POST', `/api/leads/${made.leadA}/qualify`)],
  'POST /api/leads/:id/reject': async () => [
    await call(as.operations!, 'POST', `/api/leads/${made.leadB}/reject`, { reason: 'Geen interesse meer' }),
  ],
  'GET /api/invoices': async () =>
    Promise.all(
      ['operations', 'partner', 'customer'].map((r) => call(as[r]!, 'GET', '/api/invoices?page=1&pageSize=50')),
    ),
  'GET /api/invoices/:id': async () =>
    Promise.all(
      ['operations', 'partner', 'customer'].map(async (r) => {
        const { items } = ok(await call(as[r]!, 'GET', '/api/invoices?page=1&pageSize=1')) as {
          items: { id: string }[];
        };
        const id = items[0]?.id ?? (await firstId(as.operations!, '/api/invoices?page=1&pageSize=1'));
        return call(items[0] ? as[r]! : as.operations!, 'GET', `/api/invoices/${id}`);
      }),
    ),
  'POST /api/partners/:id/monthly-invoice': async () => {
    // A partner agreement's month with partner lines of completed orders that no invoice holds yet.
    const open = await row<{ partnerId: string; entityId: string; month: string }>(
      `select o.partner_id "partnerId", o.entity_id "entityId", to_char(o.completed_at at time zone 'Europe/Amsterdam', 'YYYY-MM') "month"
       from orders o join order_lines l on l.order_id = o.id
       where o.stage in ('completed', 'invoiced', 'closed') and o.partner_id is not null and o.completed_at is not null
         and l.bill_to = 'partner' and l.invoiced_at is null
       order by o.completed_at desc limit 1`,
    );
    return [
      await call(as.operations!, 'POST', `/api/partners/${open.partnerId}/monthly-invoice`, {
        entityId: open.entityId,
        month: open.month,
      }),
    ];
  },
  'POST /api/orders/:id/invoices': async () => {
    const { id } = await row<{ id: string }>(
      `select o.id from orders o where o.stage = 'completed'
         and exists (select 1 from order_lines l where l.order_id = o.id and l.invoiced_at is null) limit 1`,
    );
    return [await call(as.operations!, 'POST', `/api/orders/${id}/invoices`, {})];
  },
  'POST /api/invoices/:id/payments': async () => {
    const open = await row<{ id: string }>(
      "select id from invoices where kind = 'invoice' and status in ('issued', 'partially_paid', 'overdue') and total_cents - paid_cents - credited_cents > 100 order by number limit 1",
    );
    return [
      await call(as.operations!, 'POST', `/api/invoices/${open.id}/payments`, {
        amountCents: 100,
        paidAt: new Date().toISOString(),
        method: 'bank_transfer',
      }),
    ];
  },
  'POST /api/invoices/:id/credit-note': async () => {
    const invoice = await row<{ id: string; quantity: number }>(
      "select i.id, l.quantity::float quantity from invoices i join invoice_lines l on l.invoice_id = i.id and l.position = 1 where i.kind = 'invoice' and i.status <> 'cancelled' and i.credited_cents = 0 order by i.number desc limit 1",
    );
    return [
      await call(as.operations!, 'POST', `/api/invoices/${invoice.id}/credit-note`, {
        reason: 'Regel 1 deels teruggenomen',
        lines: [{ position: 1, quantity: invoice.quantity }],
      }),
    ];
  },
  'GET /api/partners/:id/commission-statements/:month': async () => {
    const month = today().slice(0, 7);
    return [
      await call(as.partner!, 'GET', `/api/partners/${as.partner!.partnerId}/commission-statements/${month}`),
      await call(as.operations!, 'GET', `/api/partners/${as.partner!.partnerId}/commission-statements/${month}`),
    ];
  },
  'GET /api/finance/profit-and-loss': async () => [
    await call(
      as.operations!,
      'GET',
      `/api/finance/profit-and-loss?entityId=${made.entityId}&from=${today().slice(0, 4)}-01-01&to=${today()}`,
    ),
  ],
  'GET /api/outbox/emails': async () => [await call(as.operations!, 'GET', '/api/outbox/emails?page=1&pageSize=50')],
  'GET /api/messages': async () => [
    await call(as.operations!, 'GET', '/api/messages?page=1&pageSize=50'),
    await call(as.operations!, 'GET', '/api/messages?page=1&pageSize=50&channel=email&status=queued'),
  ],
  'GET /api/messages/customers/:customerId': async () => [
    await call(as.operations!, 'GET', `/api/messages/customers/${made.customerId}`),
  ],
  'PUT /api/messages/customers/:customerId/preferences': async () => [
    await call(as.operations!, 'PUT', `/api/messages/customers/${made.customerId}/preferences`, {
      channels: ['email', 'whatsapp'],
      language: 'nl',
      optOutNonEssential: true,
      whatsappOptIn: true,
    }),
  ],
  'GET /api/messages/providers': async () => [await call(as.admin!, 'GET', '/api/messages/providers')],
  'POST /api/messages/providers/test': async () => [
    await call(as.admin!, 'POST', '/api/messages/providers/test', { channel: 'email', to: 'beheer@chargecars.nl' }),
  ],
  'GET /api/partners/:id/api-keys': async () => [
    await call(as.partner!, 'GET', `/api/partners/${as.partner!.partnerId}/api-keys`),
  ],
  'POST /api/partners/:id/api-keys': async () => {
    const res = await call(as.partner!, 'POST', `/api/partners/${as.partner!.partnerId}/api-keys`, {
      name: 'CRM-koppeling',
      scopes: ['leads:write', 'leads:read'],
    });
    made.apiKey = ok(res).id;
    return [res];
  },
  'POST /api/partners/:id/api-keys/:keyId/rotate': async () => [
    await call(as.partner!, 'POST', `/api/partners/${as.partner!.partnerId}/api-keys/${made.apiKey}/rotate`),
  ],
  'POST /api/partners/:id/api-keys/:keyId/revoke': async () => [
    await call(as.partner!, 'POST', `/api/partners/${as.partner!.partnerId}/api-keys/${made.apiKey}/revoke`),
  ],
  'POST /api/partners/:id/webhook-endpoints': async () => {
    const res = await call(as.partner!, 'POST', `/api/partners/${as.partner!.partnerId}/webhook-endpoints`, {
      url: receiver.url,
      eventTypes: ['lead.received', 'order.created'],
    });
    made.webhook = ok(res).id;
    return [res];
  },
  'GET /api/partners/:id/webhook-endpoints': async () => [
    await call(as.partner!, 'GET', `/api/partners/${as.partner!.partnerId}/webhook-endpoints`),
  ],
  'PATCH /api/partners/:id/webhook-endpoints/:endpointId': async () => [
    await call(as.partner!, 'PATCH', `/api/partners/${as.partner!.partnerId}/webhook-endpoints/${made.webhook}`, {
      enabled: true,
    }),
  ],
  'POST /api/partners/:id/webhook-endpoints/:endpointId/rotate-secret': async () => [
    await call(
      as.partner!,
      'POST',
      `/api/partners/${as.partner!.partnerId}/webhook-endpoints/${made.webhook}/rotate-secret`,
    ),
  ],
  'POST /api/partners/:id/webhook-endpoints/:endpointId/test': async () => {
    const res = await call(
      as.partner!,
      'POST',
      `/api/partners/${as.partner!.partnerId}/webhook-endpoints/${made.webhook}/test`,
    );
    made.delivery = ok(res).deliveryId;
    return [res];
  },
  'GET /api/partners/:id/webhook-endpoints/:endpointId/deliveries': async () => [
    await call(
      as.partner!,
      'GET',
      `/api/partners/${as.partner!.partnerId}/webhook-endpoints/${made.webhook}/deliveries?limit=50`,
    ),
  ],
  'POST /api/partners/:id/webhook-deliveries/:deliveryId/replay': async () => [
    await call(
      as.partner!,
      'POST',
      `/api/partners/${as.partner!.partnerId}/webhook-deliveries/${made.delivery}/replay`,
    ),
  ],
  'POST /api/partners/:id/webhook-endpoints/:endpointId/replay': async () => [
    await call(as.partner!, 'POST', `/api/partners/${as.partner!.partnerId}/webhook-endpoints/${made.webhook}/replay`, {
      since: new Date(Date.now() - 3_600_000).toISOString(),
    }),
  ],
  'GET /api/inventory/locations': async () => [await call(as.warehouse!, 'GET', '/api/inventory/locations')],
  'GET /api/inventory/stock': async () => [
    await call(as.warehouse!, 'GET', '/api/inventory/stock'),
    await call(as.operations!, 'GET', '/api/inventory/stock?belowReorderPoint=true'),
  ],
  'GET /api/inventory/products/:id': async () => {
    const { id } = await row<{ id: string }>(
      "select p.id from products p where p.category_code = 'charging_station' and exists (select 1 from stock_moves m where m.product_id = p.id) limit 1",
    );
    return [await call(as.warehouse!, 'GET', `/api/inventory/products/${id}`)];
  },
  'GET /api/inventory/serials': async () => {
    const { serial } = await row<{ serial: string }>(
      'select serial_number serial from stock_serials where visit_id is not null limit 1',
    );
    return [await call(as.warehouse!, 'GET', `/api/inventory/serials?serial=${encodeURIComponent(serial)}`)];
  },
  'GET /api/inventory/purchase-orders': async () => [
    await call(as.warehouse!, 'GET', '/api/inventory/purchase-orders'),
  ],
  'GET /api/inventory/purchase-orders/:id': async () => {
    const { id } = await row<{ id: string }>("select id from purchase_orders where status = 'draft' limit 1");
    made.purchaseOrder = id;
    return [await call(as.warehouse!, 'GET', `/api/inventory/purchase-orders/${id}`)];
  },
  'POST /api/inventory/purchase-orders/:id/send': async () => [
    await call(as.warehouse!, 'POST', `/api/inventory/purchase-orders/${made.purchaseOrder}/send`),
  ],
  'POST /api/inventory/purchase-orders/:id/receipts': async () => {
    const po = ok(await call(as.warehouse!, 'GET', `/api/inventory/purchase-orders/${made.purchaseOrder}`)) as {
      lines: { productId: string; tracking: string }[];
    };
    const line = po.lines[0]!;
    const serial = line.tracking === 'serial' ? { serialNumbers: ['WEB-FETCH-0001'] } : {};
    return [
      await call(as.warehouse!, 'POST', `/api/inventory/purchase-orders/${made.purchaseOrder}/receipts`, {
        idempotencyKey: 'web-fetchers-receipt-1',
        lines: [
          {
            productId: line.productId,
            quantity: 1,
            ...serial,
            ...(line.tracking === 'batch' ? { batchCode: 'B1' } : {}),
          },
        ],
      }),
    ];
  },
  'GET /api/inventory/picking-list': async () => {
    const v = await row<{ id: string; team_id: string; date: string }>(
      "select id, team_id, scheduled_date::text date from visits where status = 'scheduled' and type <> 'survey' order by scheduled_date desc, number limit 1",
    );
    made.pickVisit = v.id;
    return [await call(as.warehouse!, 'GET', `/api/inventory/picking-list?teamId=${v.team_id}&date=${v.date}`)];
  },
  'POST /api/inventory/visits/:id/pick': async () => {
    // Something counted and free at the warehouse, reserved for the visit so there is something to pick.
    const free = await row<{ product_id: string }>(
      "select b.product_id from stock_balances b join stock_locations l on l.id = b.location_id where l.code = 'MAG-NKK' and b.lot = '' and b.on_hand - b.reserved > 0 order by b.product_id limit 1",
    );
    ok(
      await call(as.warehouse!, 'POST', `/api/inventory/visits/${made.pickVisit}/reservations`, {
        lines: [{ productId: free.product_id, quantity: 1 }],
      }),
    );
    return [await call(as.warehouse!, 'POST', `/api/inventory/visits/${made.pickVisit}/pick`)];
  },
  'GET /api/inventory/visits/:id/kit': async () => [
    await call(as.warehouse!, 'GET', `/api/inventory/visits/${made.pickVisit}/kit`),
  ],
  'POST /api/inventory/visits/:id/kit-check': async () => {
    const kit = ok(await call(as.warehouse!, 'GET', `/api/inventory/visits/${made.pickVisit}/kit`)) as {
      items: { productId: string; serialNumber: string | null; quantity: number }[];
    };
    return [
      await call(as.warehouse!, 'POST', `/api/inventory/visits/${made.pickVisit}/kit-check`, {
        idempotencyKey: 'web-fetchers-kit-1',
        scannedSerials: kit.items.flatMap((i) => (i.serialNumber ? [i.serialNumber] : [])),
        counted: kit.items
          .filter((i) => !i.serialNumber)
          .map((i) => ({ productId: i.productId, quantity: i.quantity })),
      }),
    ];
  },
  'GET /api/inventory/reorder-suggestions': async () => [
    await call(as.warehouse!, 'GET', '/api/inventory/reorder-suggestions?due=true'),
    await call(as.operations!, 'GET', '/api/inventory/reorder-suggestions'),
  ],
  'POST /api/inventory/purchase-orders': async () => {
    const s = (
      ok(await call(as.warehouse!, 'GET', '/api/inventory/reorder-suggestions')) as {
        productId: string;
        locationId: string;
        locationKind: string;
        supplierLocationId: string | null;
      }[]
    ).find((x) => x.supplierLocationId && ['warehouse', 'bin'].includes(x.locationKind))!;
    return [
      await call(as.warehouse!, 'POST', '/api/inventory/purchase-orders', {
        entityId: 'chargecars',
        supplierLocationId: s.supplierLocationId,
        destinationLocationId: s.locationId,
        lines: [{ productId: s.productId, quantity: 5 }],
      }),
    ];
  },
  'POST /api/admin/backups': async () => [await call(as.admin!, 'POST', '/api/admin/backups')],
  'GET /api/admin/backups': async () => [await call(as.admin!, 'GET', '/api/admin/backups')],
  'POST /api/auth/logout': async () => [
    await call(
      sessionOf(await logIn(loginOf('planner').email, loginOf('planner').password!)),
      'POST',
      '/api/auth/logout',
    ),
  ],
};

describe('every web fetcher reads the real answer of its endpoint', () => {
  it('has a case for every endpoint the web declares, and no case for one it does not', () => {
    expect([...webEndpoints.keys()].sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [route, run] of Object.entries(cases)) {
    it(route, async () => {
      const parsers = webEndpoints.get(route) ?? [];
      expect(parsers, `no web fetcher calls ${route}`).not.toHaveLength(0);
      for (const res of await run()) {
        expect(res.statusCode, res.body).toBeLessThan(300);
        for (const { name, endpoint } of parsers) {
          if (endpoint.response === null) expect(res.body, name).toBe('');
          else {
            const parsed = endpoint.response.safeParse(res.statusCode === 204 ? undefined : res.json());
            expect(parsed.error?.issues ?? [], `${name} cannot read ${route}`).toEqual([]);
          }
        }
      }
    });
  }
});
