import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../apps/server/src/platform/db/client.ts';
import * as s from '../../apps/server/src/platform/db/schema.ts';
import { hashPassword } from '../../apps/server/src/platform/auth/passwords.ts';
import { createRng } from '../demo/index.ts';
import { insertBatches, type Progress } from './insert-batches.ts';
import { addDays, countsFor, localDate } from './seed-context.ts';
import { ENTITY_ROWS, generateReference } from './generate-reference.ts';
import { customerRows, generateCustomers } from './generate-customers.ts';
import { generateSales, orderRows } from './generate-sales.ts';
import { generateAbsences, generateVisits, visitRows } from './generate-visits.ts';
import { generateFinance } from './generate-finance.ts';
import { generateStock } from './generate-stock.ts';
import { generateTools } from './generate-tools.ts';
import { generateCrm } from './generate-crm.ts';
import { generateFieldCases } from './generate-field-cases.ts';
import { generateQuoteTemplates } from './generate-quote-templates.ts';
import { generateMessages } from './generate-messages.ts';
import { DEMO_PASSWORD, generateUsers, STAFF } from './generate-users.ts';

export type SeedSummary = {
  scale: number;
  records: number;
  seconds: number;
  logins: { role: string; email: string; password: string | null }[];
};

export async function isEmpty(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(s.businessEntities);
  return (row?.n ?? 0) === 0;
}

/**
 * Fills an empty database with a deterministic demo world at the PRD's volumes times `scale`, in one
 * transaction: a seed that fails leaves the database empty, never half-filled.
 */
export async function seedDemoData(
  database: Database,
  opts: { scale: number; seed?: string; now?: Date; progress?: Progress },
): Promise<SeedSummary> {
  const started = Date.now();
  const progress = opts.progress ?? (() => undefined);
  const now = opts.now ?? new Date();
  const counts = countsFor(opts.scale);
  const root = createRng(opts.seed ?? 'chargecars-demo');
  progress(
    `Demodata genereren (schaal ${opts.scale}): ${counts.customers.toLocaleString('nl-NL')} klanten, ${counts.orders.toLocaleString('nl-NL')} orders, ${counts.visits.toLocaleString('nl-NL')} bezoeken ...`,
  );

  const ref = generateReference(root.fork('reference'), counts);
  const customers = generateCustomers(root.fork('customers'), counts, ref, now);
  const sales = generateSales(root.fork('sales'), counts, ref, customers, now);
  const absences = generateAbsences(root.fork('absences'), ref, now);
  const visits = generateVisits(root.fork('visits'), counts, ref, sales.orders, now, absences);
  const finance = generateFinance(root.fork('finance'), ref, sales.orders, now);
  const stock = generateStock(root.fork('stock'), ref, visits, opts.scale, now);
  const toolRegister = generateTools(root.fork('tools'), ref, stock.locations, now);
  const crm = generateCrm(root.fork('crm'), counts, ref, customers, sales.orders, visits, now);
  const templates = generateQuoteTemplates(root.fork('templates'), ref);
  const field = generateFieldCases(root.fork('field-cases'), visits);
  const messages = generateMessages(root.fork('messages'), customers, visits, now);
  const users = generateUsers(ref, customers, await hashPassword(DEMO_PASSWORD));
  const cust = customerRows(customers);
  const ord = orderRows(sales.orders);

  const tables: [string, Parameters<typeof insertBatches>[1], object[]][] = [
    ['entiteiten', s.businessEntities, ENTITY_ROWS],
    ["regio's", s.regions, ref.regions],
    ['teams', s.teams, ref.teams.map(({ regionCode: _r, ...t }) => t)],
    ["teamregio's", s.teamRegions, ref.teamRegions],
    ['monteurs', s.technicians, ref.technicians],
    ['afwezigheid', s.teamAbsences, absences],
    ['productcategorieën', s.productCategories, ref.categories],
    ['producten', s.products, ref.products],
    ['prijzen', s.productPrices, ref.prices],
    ['pakketten', s.productKits, ref.kits],
    ['pakketregels', s.productKitItems, ref.kitItems],
    ['pakketprijzen', s.productKitPrices, ref.kitPrices],
    ['partners', s.partners, ref.partners.map((p) => p.row)],
    ['partnercontacten', s.partnerContacts, ref.partnerContacts],
    ['partnerovereenkomsten', s.partnerAgreements, ref.agreements],
    ['partnerprijzen', s.partnerPrices, templates.partnerPrices],
    ['offertesjablonen', s.quoteTemplates, templates.templates],
    ['sjabloonregels', s.quoteTemplateLines, templates.templateLines],
    ['klanten', s.customers, cust.rows],
    ['adressen', s.addresses, cust.addresses],
    ['zoektermen', s.customerSearchTerms, cust.terms],
    ['klant-entiteiten', s.customerEntities, customerEntityRows(customers, sales.orders)],
    ['leads', s.leads, crm.leads],
    ['offertes', s.quotes, sales.quotes],
    ['offerteversies', s.quoteVersions, sales.versions],
    ['offerteregels', s.quoteLines, sales.quoteLines],
    ['bezoekbehoeften', s.quoteVisitRequirements, sales.requirements],
    ['handtekeningen', s.quoteSignatures, sales.signatures],
    ['orders', s.orders, ord.rows],
    ['orderregels', s.orderLines, ord.lines],
    ['mijlpalen', s.orderMilestones, ord.milestones],
    ['orderbezoeken', s.orderVisitRequirements, ord.visitRequirements],
    ['ordertijdlijn', s.orderEvents, ord.events],
    ['bezoeken', s.visits, visitRows(visits)],
    ['checklistantwoorden', s.visitChecklistAnswers, field.answers],
    ['veldmeldingen', s.fieldCases, field.cases],
    ['voorraadlocaties', s.stockLocations, stock.locations],
    ['voorraadinstellingen', s.stockProductSettings, stock.settings],
    ['inkooporders', s.purchaseOrders, stock.purchaseOrders],
    ['inkooporderregels', s.purchaseOrderLines, stock.purchaseOrderLines],
    ['voorraadboekingen', s.stockPostings, stock.postings],
    ['voorraadmutaties', s.stockMoves, stock.moves],
    ['voorraadstanden', s.stockBalances, stock.balances],
    ['serienummers', s.stockSerials, stock.serials],
    ['tellingen', s.stockCounts, stock.counts],
    ['telregels', s.stockCountLines, stock.countLines],
    ['verplaatsingen', s.stockTransfers, stock.transfers],
    ['aanvulverzoeken', s.vanRequests, stock.vanRequests],
    ['aanvulverzoekregels', s.vanRequestLines, stock.vanRequestLines],
    ['gereedschap', s.tools, toolRegister.tools],
    ['gereedschapshistorie', s.toolEvents, toolRegister.events],
    ['gereedschap per installatiesoort', s.toolRequirements, toolRegister.requirements],
    ['facturen', s.invoices, finance.invoices],
    ['factuurregels', s.invoiceLines, finance.lines],
    ['betalingen', s.payments, finance.payments],
    ['factuurnummers', s.invoiceNumberSequences, finance.sequenceRows],
    ['contactmomenten', s.interactions, [...crm.interactions, ...messages.interactions]],
    ['tags', s.tags, crm.tags],
    ['tagkoppelingen', s.taggings, crm.taggings],
    ['notities', s.notes, crm.notes],
    ['gebruikers', s.users, users],
    ['tevredenheidsonderzoeken', s.satisfactionSurveys, messages.surveys],
    ['berichten', s.emailOutbox, messages.outbox],
    ['ontvangen berichten', s.inboundMessages, messages.inbound],
    // One optimisation of next week, waiting for the server's optimiser: the demo shows a real proposal.
    ['planningsvoorstellen', s.planningProposals, [nextWeekProposal(now)]],
  ];
  const records = tables.reduce((a, [, , rows]) => a + rows.length, 0);
  progress(`Wegschrijven: ${records.toLocaleString('nl-NL')} records in ${tables.length} tabellen ...`);
  await database.db.transaction(async (tx) => {
    let done = 0;
    for (const [label, table, rows] of tables) {
      await insertBatches(tx, table, rows as never[], label, progress);
      done += rows.length;
      if (rows.length > 1_000)
        progress(
          `[${Math.round((done / records) * 100)
            .toString()
            .padStart(3)}%] ${label} (${rows.length.toLocaleString('nl-NL')})`,
        );
    }
    // The next lead the server takes in continues the demo's numbers instead of repeating one.
    await tx.execute(sql`select setval('lead_number_seq', ${Math.max(1, crm.leads.length)}, ${crm.leads.length > 0})`);
  });

  // Fresh statistics and visibility map, or the planner guesses and index-only scans visit the heap
  // (PGlite has no autovacuum to do this later).
  progress('Statistieken bijwerken (VACUUM ANALYZE) ...');
  await database.execute('vacuum analyze', []);

  const topPartner = mostOrders(sales.orders.map((o) => o.partnerId).filter((x): x is string => !!x));
  const partnerLogin = ref.partners.find((p) => p.row.id === topPartner)!.row.email;
  const customerLogin =
    visits.find((v) => v.status === 'scheduled')?.order.customer.email ??
    customers.find((c) => c.status === 'customer')!.email;
  const logins = [
    ...STAFF.map((u) => ({ role: u.role, email: u.email, password: DEMO_PASSWORD })),
    { role: 'technician', email: `monteur.${ref.teams[0]!.code.toLowerCase()}@chargecars.nl`, password: DEMO_PASSWORD },
    { role: 'partner', email: partnerLogin, password: DEMO_PASSWORD },
    { role: 'customer', email: customerLogin, password: null },
  ];
  return { scale: opts.scale, records, seconds: (Date.now() - started) / 1000, logins };
}

function customerEntityRows(
  customers: ReturnType<typeof generateCustomers>,
  orders: ReturnType<typeof generateSales>['orders'],
) {
  const seen = new Map<string, { customerId: string; entityId: string; firstSeenAt: Date }>();
  for (const c of customers)
    seen.set(`${c.id}:${c.sourceEntityId}`, { customerId: c.id, entityId: c.sourceEntityId, firstSeenAt: c.createdAt });
  for (const o of orders)
    if (!seen.has(`${o.customerId}:${o.entityId}`))
      seen.set(`${o.customerId}:${o.entityId}`, {
        customerId: o.customerId,
        entityId: o.entityId,
        firstSeenAt: o.createdAt,
      });
  return [...seen.values()];
}

function mostOrders(ids: string[]): string {
  const n = new Map<string, number>();
  for (const id of ids) n.set(id, (n.get(id) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]![0];
}

/** "Optimaliseer" for next week (Monday to Friday), all regions, as a planner would ask it. */
function nextWeekProposal(now: Date): typeof s.planningProposals.$inferInsert {
  const today = localDate(now);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  const monday = localDate(addDays(now, 7 - weekday));
  return { kind: 'optimise', dateFrom: monday, dateTo: localDate(addDays(now, 11 - weekday)) };
}
