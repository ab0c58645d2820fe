import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import { recordAudits } from '../../platform/audit.ts';
import { emitEvents } from '../../platform/events/outbox.ts';
import { storeEmails } from '../../platform/mail.ts';
import { overridesOf } from '../../platform/messaging/templates/render-message.ts';
import { messageBrandsById } from '../../read-models/message-brands.ts';
import { newToken, hashToken } from '../../platform/auth/tokens.ts';
import type { CustomerMatch, LeadPerson } from '../crm/index.ts';
import { leadIntakes, leads, leadTimeline, type ScoreReason } from './leads.schema.ts';
import type { NormalisedLead } from './normalise-lead.ts';
import { enrichLead, type AddressValidator, type Enrichment } from './enrich-lead.ts';
import { AUTO_QUALIFY_MIN_SCORE, isComplete, scoreLead } from './score-lead.ts';
import { routeLead } from './route-lead.ts';
import { intakeEmail, intakeUrl } from './send-intake.ts';
import { customerLanguages } from '../../read-models/message-recipients.ts';
import { sentence } from '../../platform/sentences/sentences.ts';
import { timelineRow, type TimelineStep } from './lead-timeline.ts';
import type { LeadContext } from './score-context.ts';

type LeadRow = typeof leads.$inferSelect;
export type PipelineDeps = {
  db: Db;
  context: LeadContext;
  addressValidator: AddressValidator | null;
  publicUrl: string;
  slaHours: number;
  driver: 'pglite' | 'postgres';
  attachCustomer: (tx: Tx, person: LeadPerson) => Promise<CustomerMatch>;
};

/** Who acts when the system processes a lead by itself, as the timeline and audit show it. */
export const PIPELINE_ACTOR = { ...SYSTEM_ACTOR, name: 'Pipeline' };
/** The lead as it was received, in the shape the pipeline's steps take. */
const asNormalised = (row: LeadRow): NormalisedLead => ({
  name: row.name,
  email: row.email,
  phone: row.phone,
  customerKind: row.customerKind,
  companyName: row.companyName,
  address:
    row.postcode && row.houseNumber !== null
      ? {
          postcode: row.postcode,
          houseNumber: row.houseNumber,
          addition: row.houseNumberAddition,
          street: row.street,
          city: row.city,
        }
      : null,
  productInterest: row.productInterest,
  partnerReference: row.partnerReference,
  notes: row.notes,
});

/**
 * Steps 2 to 7 of the pipeline for received leads: enrich, match the unified customer, score, route,
 * send the intake, and qualify what needs no person. Takes up to `limit` of the oldest received leads
 * (or the given ones). Address lookups happen before the transaction; the rest commits in one, with a
 * statement per table for the whole batch. On PostgreSQL several instances share the work: a lead
 * another instance holds is skipped, and one it finished is no longer `received`.
 */
export async function processReceivedLeads(
  deps: PipelineDeps,
  opts: { limit: number; ids?: string[] },
): Promise<LeadRow[]> {
  const waiting = and(eq(leads.status, 'received'), opts.ids ? inArray(leads.id, opts.ids) : undefined);
  const candidates = await deps.db.select().from(leads).where(waiting).orderBy(asc(leads.receivedAt)).limit(opts.limit);
  if (!candidates.length) return [];
  // Everything read outside the lead's own rows comes before the transaction: on PGlite a read on
  // the database while the transaction holds the one connection would wait for it forever.
  const enriched = await Promise.all(
    candidates.map(async (row) => {
      const lead = asNormalised(row);
      const enrichment = await enrichLead(lead, deps.addressValidator);
      const [partner, scoreContext] = await Promise.all([
        row.partnerId ? deps.context.partner(row.partnerId) : null,
        deps.context.scoreContext(enrichment.regionCode, row.partnerId),
      ]);
      return { row, lead, enrichment, partner, scoreContext };
    }),
  );
  const [rules, entities] = await Promise.all([deps.context.rules(), deps.context.entities()]);

  return deps.db.transaction(async (tx) => {
    const mine = await stillWaiting(
      tx,
      candidates.map((c) => c.id),
      deps.driver === 'postgres' ? (opts.ids ? 'wait' : 'skip') : 'none',
    );
    const now = new Date();
    const done: { row: LeadRow; steps: TimelineStep[]; token: string; qualifies: boolean }[] = [];
    for (const { row, lead, enrichment, partner, scoreContext } of enriched.filter((e) => mine.has(e.row.id))) {
      const route = routeLead(
        rules,
        {
          partnerEntityId: partner?.entityId ?? null,
          productInterest: lead.productInterest,
          customerKind: lead.customerKind,
        },
        entities,
      );
      const match = await deps.attachCustomer(tx, personOf(lead, enrichment, route.entityId, row.partnerId));
      const scored = scoreLead(lead, enrichment, scoreContext);
      const qualifies = isComplete(lead, enrichment) && scored.score >= AUTO_QUALIFY_MIN_SCORE;
      const a = enrichment.address;
      const updated: LeadRow = {
        ...row,
        entityId: route.entityId,
        customerId: match.customerId,
        status: qualifies ? 'qualified' : 'awaiting_intake',
        isRepeat: match.isRepeat,
        street: a?.street ?? row.street,
        city: a?.city ?? row.city,
        municipality: a?.municipality ?? null,
        province: a?.province ?? null,
        lat: a?.lat ?? null,
        lon: a?.lon ?? null,
        regionCode: enrichment.regionCode,
        score: scored.score,
        scoreBreakdown: scored.breakdown,
        scoreReasons: scored.reasons,
        slaDueAt: qualifies ? null : row.slaDueAt,
        qualifiedAt: qualifies ? now : null,
        updatedAt: now,
      };
      done.push({
        row: updated,
        steps: stepsFor(lead, enrichment, match, scored.reasons, scored.score, route, qualifies),
        token: newToken(),
        qualifies,
      });
    }
    if (!done.length) return [];
    await saveOutcomes(
      tx,
      done.map((d) => d.row),
    );
    await tx
      .insert(leadTimeline)
      .values(
        done.flatMap((d) =>
          d.steps.map((s, i) => timelineRow(d.row.id, PIPELINE_ACTOR.name, s, new Date(now.getTime() + i))),
        ),
      );
    await tx
      .insert(leadIntakes)
      .values(done.map((d) => ({ leadId: d.row.id, tokenHash: hashToken(d.token), sentAt: now })));
    const brands = await messageBrandsById(
      tx,
      done.map((d) => d.row.entityId),
    );
    const overrides = await overridesOf(tx, 'intake_invitation');
    const languageOf = await customerLanguages(
      tx,
      done.map((d) => d.row.customerId),
    );
    await storeEmails(
      tx,
      done.map((d) =>
        intakeEmail(
          d.row,
          brands.get(d.row.entityId)!,
          intakeUrl(deps.publicUrl, d.token),
          'intake_invitation',
          overrides,
          languageOf(d.row.customerId),
        ),
      ),
    );
    await recordAudits(
      tx,
      done.map((d) => ({
        actor: PIPELINE_ACTOR,
        entry: {
          action: 'lead.processed',
          subjectType: 'lead',
          subjectId: d.row.id,
          after: { status: d.row.status, score: d.row.score, entityId: d.row.entityId, customerId: d.row.customerId },
        },
      })),
    );
    await emitEvents(
      tx,
      done
        .filter((d) => d.qualifies)
        .map((d) => ({
          type: 'lead.qualified',
          subjectType: 'lead',
          subjectId: d.row.id,
          audience: { partnerId: d.row.partnerId },
          data: {
            leadId: d.row.id,
            number: d.row.number,
            partnerReference: d.row.partnerReference,
            status: d.row.status,
            score: d.row.score,
            rejectedReason: d.row.rejectedReason,
          },
        })),
    );
    return done.map((d) => d.row);
  });
}

/**
 * The candidates still waiting once the transaction holds them: another run (the loop, or an ops entry
 * processed at once) may have taken one meanwhile. On PostgreSQL the rows are locked: the loop skips
 * those another instance holds, a caller naming its own lead waits for the holder to finish (and then
 * finds it processed). PGlite runs one transaction at a time, so reading is enough.
 */
async function stillWaiting(tx: Tx, ids: string[], lock: 'skip' | 'wait' | 'none'): Promise<Set<string>> {
  const query = tx
    .select({ id: leads.id })
    .from(leads)
    .where(and(inArray(leads.id, ids), eq(leads.status, 'received')));
  const rows =
    lock === 'skip'
      ? await query.for('update', { skipLocked: true })
      : lock === 'wait'
        ? await query.for('update')
        : await query;
  return new Set(rows.map((r) => r.id));
}

function personOf(
  lead: NormalisedLead,
  enrichment: Enrichment,
  entityId: string,
  partnerId: string | null,
): LeadPerson {
  return {
    name: lead.name,
    email: lead.email,
    phone: lead.phone,
    kind: lead.customerKind,
    companyName: lead.companyName,
    entityId,
    partnerId,
    address: enrichment.address,
  };
}

function stepsFor(
  lead: NormalisedLead,
  enrichment: Enrichment,
  match: CustomerMatch,
  reasons: ScoreReason[],
  score: number,
  route: { entityId: string; rule: string },
  qualifies: boolean,
): TimelineStep[] {
  const a = enrichment.address;
  return [
    {
      step: 'enriched',
      sentence: enrichment.regionCode
        ? sentence('lead.enriched', { municipality: a?.municipality ?? null, region: enrichment.regionCode })
        : sentence('lead.not_enriched', {}),
      data: { findings: enrichment.findings, addressVerified: enrichment.addressVerified },
    },
    {
      step: 'deduplicated',
      sentence: match.matchedOn
        ? sentence('lead.repeat_customer', { matchedOn: match.matchedOn })
        : sentence('lead.new_customer', {}),
      data: { customerId: match.customerId, matchedOn: match.matchedOn },
    },
    { step: 'scored', sentence: sentence('lead.scored', { score }), data: { reasons } },
    {
      step: 'routed',
      sentence: sentence('lead.routed', { entity: route.entityId, region: enrichment.regionCode, rule: route.rule }),
    },
    { step: 'intake_sent', sentence: sentence('lead.intake_sent', { email: lead.email }) },
    qualifies
      ? { step: 'qualified', sentence: sentence('lead.auto_qualified', {}) }
      : {
          step: 'awaiting_intake',
          sentence: sentence('lead.awaiting_intake', {}),
          data: { complete: isComplete(lead, enrichment), minScore: AUTO_QUALIFY_MIN_SCORE },
        },
  ];
}

/** Every processed lead's new state in one statement. */
async function saveOutcomes(tx: DbOrTx, rows: LeadRow[]) {
  const data = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      entity_id: r.entityId,
      customer_id: r.customerId,
      status: r.status,
      is_repeat: r.isRepeat,
      street: r.street,
      city: r.city,
      municipality: r.municipality,
      province: r.province,
      lat: r.lat,
      lon: r.lon,
      region_code: r.regionCode,
      score: r.score,
      score_breakdown: r.scoreBreakdown,
      score_reasons: r.scoreReasons,
      sla_due_at: r.slaDueAt,
      qualified_at: r.qualifiedAt,
      updated_at: r.updatedAt,
    })),
  );
  await tx.execute(sql`
    update leads l set entity_id = u.entity_id, customer_id = u.customer_id, status = u.status, is_repeat = u.is_repeat, street = u.street,
      city = u.city, municipality = u.municipality, province = u.province, lat = u.lat, lon = u.lon, region_code = u.region_code, score = u.score,
      score_breakdown = u.score_breakdown, score_reasons = u.score_reasons, sla_due_at = u.sla_due_at, qualified_at = u.qualified_at, updated_at = u.updated_at
    from jsonb_to_recordset(${data}::jsonb) as u(id uuid, entity_id text, customer_id uuid, status text, is_repeat boolean, street text, city text,
      municipality text, province text, lat double precision, lon double precision, region_code text, score int, score_breakdown jsonb,
      score_reasons jsonb, sla_due_at timestamptz, qualified_at timestamptz, updated_at timestamptz)
    where l.id = u.id and l.status = 'received'`);
}
