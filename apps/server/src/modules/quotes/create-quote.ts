import { and, desc, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { invalid } from '../../platform/errors.ts';
import { quotePartiesExist } from '../../read-models/quote-parties.ts';
import { billingRulesFor } from './allocate-billing.ts';
import { priceQuoteLines, type LineInput } from './price-quote-lines.ts';
import { proposeVisits, type ProposedVisit } from './propose-visits.ts';
import { saveQuoteVersion, sumFor, visitsOrProposal } from './save-quote-version.ts';
import { quotes } from './quotes.schema.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';

export const VALIDITY_DAYS = 30;

export type CreateQuoteOptions = {
  entityId: string;
  customerId: string;
  partnerId?: string | null | undefined;
  leadId?: string | null | undefined;
  lines: readonly LineInput[];
  visits?: readonly { type: ProposedVisit['type']; durationMinutes: number }[] | undefined;
};

/** A draft quote from entered lines: priced, allocated by the partner's agreement, visits proposed. */
export async function createQuote(db: Db, actor: Actor, opts: CreateQuoteOptions) {
  const today = todayInAmsterdam();
  const { sourcePartnerId } = await assertParties(db, opts);
  // No partner named: the partner that brought the customer, if any (null names none on purpose).
  const partnerId = opts.partnerId === undefined ? sourcePartnerId : opts.partnerId;
  const rules = await billingRulesFor(db, partnerId, opts.entityId, today);
  const lines = await priceQuoteLines(db, { entityId: opts.entityId, partnerId, rules, lines: opts.lines });
  const visits = visitsOrProposal(opts.visits, proposeVisits(lines));
  return db.transaction(async (tx) => {
    const year = today.slice(0, 4);
    // Human numbers per year: the advisory lock (held to commit) keeps two creations from taking the same one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('quote-number'))`);
    // Zero-padded numbers sort as text, so the unique index on number finds the last one directly.
    const [last] = await tx
      .select({ number: quotes.number })
      .from(quotes)
      .where(and(gte(quotes.number, `OFF-${year}-`), lt(quotes.number, `OFF-${Number(year) + 1}-`)))
      .orderBy(desc(quotes.number))
      .limit(1);
    const number = `OFF-${year}-${String(Number(last?.number.slice(9) ?? 0) + 1).padStart(6, '0')}`;
    const [quote] = await tx
      .insert(quotes)
      .values({
        number,
        entityId: opts.entityId,
        customerId: opts.customerId,
        partnerId,
        leadId: opts.leadId ?? null,
        validUntil: addDaysToDate(today, VALIDITY_DAYS),
      })
      .returning();
    await saveQuoteVersion(tx, actor, { quoteId: quote!.id, version: 1, lines, visits });
    const after = {
      number,
      customerTotalCents: sumFor(lines, 'customer'),
      partnerTotalCents: sumFor(lines, 'partner'),
    };
    await recordAudit(tx, actor, { action: 'quote.created', subjectType: 'quote', subjectId: quote!.id, after });
    await emitEvent(tx, {
      type: 'quote.created',
      subjectType: 'quote',
      subjectId: quote!.id,
      data: after,
      audience: { staffOnly: true },
    });
    return { id: quote!.id, number };
  });
}

/** One round trip for the three parties a quote names (each one missing is a field error) and the customer's partner. */
async function assertParties(db: Db, opts: CreateQuoteOptions) {
  const found = await quotePartiesExist(db, opts);
  const errors = [
    ...(found?.entity ? [] : [{ field: 'entityId', message: 'bedrijfsonderdeel bestaat niet' }]),
    ...(found?.customer ? [] : [{ field: 'customerId', message: 'klant bestaat niet' }]),
    ...(found?.partner ? [] : [{ field: 'partnerId', message: 'partner bestaat niet' }]),
    ...(found?.lead ? [] : [{ field: 'leadId', message: 'lead bestaat niet of hoort bij een andere klant' }]),
  ];
  if (errors.length) throw invalid(errors);
  return { sourcePartnerId: found?.sourcePartnerId ?? null };
}
