import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { PricedLine } from './price-quote-lines.ts';
import type { ProposedVisit } from './propose-visits.ts';
import { quoteLines, quoteVersions, quoteVisitRequirements } from './quotes.schema.ts';

export const sumFor = (lines: readonly PricedLine[], payer: 'customer' | 'partner') =>
  lines.filter((l) => l.billTo === payer).reduce((a, l) => a + l.totalCents, 0);

/** Writes one whole version: its totals, every line and the visits it asks for. */
export async function saveQuoteVersion(
  tx: Tx,
  actor: Actor,
  opts: {
    quoteId: string;
    version: number;
    lines: readonly PricedLine[];
    visits: readonly ProposedVisit[];
    changeNote?: string | undefined;
    changeNoteEn?: string | undefined;
  },
) {
  const [row] = await tx
    .insert(quoteVersions)
    .values({
      quoteId: opts.quoteId,
      version: opts.version,
      customerTotalCents: sumFor(opts.lines, 'customer'),
      partnerTotalCents: sumFor(opts.lines, 'partner'),
      createdByUserId: actor.userId,
      createdByName: actor.name,
      changeNote: opts.changeNote ?? null,
      changeNoteEn: opts.changeNoteEn ?? null,
    })
    .returning({ id: quoteVersions.id });
  await tx
    .insert(quoteLines)
    .values(opts.lines.map(({ labourMinutes: _l, ...l }) => ({ ...l, quoteVersionId: row!.id })));
  if (opts.visits.length)
    await tx.insert(quoteVisitRequirements).values(opts.visits.map((v) => ({ ...v, quoteVersionId: row!.id })));
  return row!.id;
}

/** Visits as entered, numbered 1..2; or the proposal when none were entered. */
export function visitsOrProposal(
  entered: readonly { type: ProposedVisit['type']; durationMinutes: number }[] | undefined,
  proposal: ProposedVisit[],
): ProposedVisit[] {
  return entered ? entered.map((v, i) => ({ ...v, sequence: i + 1 })) : proposal;
}
