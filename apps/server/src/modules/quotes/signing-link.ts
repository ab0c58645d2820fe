import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { quoteSignatures, quoteVersions } from './quotes.schema.ts';
import { quoteErrors } from './quotes.errors.ts';
import { vatCategoryForRate } from '../../platform/vat.ts';
import { loadQuoteDocument, partSha256, quotePart, reverseChargeVatNumber } from './quote-document.ts';
import { hashSigningToken } from './signing-links.ts';
import { customerInstallationAddress } from '../crm/index.ts';
import { previewVisitDates } from '../../read-models/visit-date-preview.ts';

/**
 * The signing request behind a token, refused when it is unknown (or tampered with), superseded by a
 * newer version or expired. `forUpdate` locks the row so the same link cannot be used twice at once.
 */
export async function resolveSigningLink(db: DbOrTx, token: string, now = new Date(), forUpdate = false) {
  const query = db
    .select({ signature: quoteSignatures, version: quoteVersions.version })
    .from(quoteSignatures)
    .innerJoin(quoteVersions, eq(quoteVersions.id, quoteSignatures.quoteVersionId))
    .where(eq(quoteSignatures.tokenHash, hashSigningToken(token)));
  const [found] = forUpdate ? await query.for('update', { of: quoteSignatures }) : await query;
  if (!found) throw quoteErrors.linkInvalid();
  const { signature } = found;
  if (signature.status === 'invalidated') throw quoteErrors.linkSuperseded();
  if (signature.expiresAt.getTime() < now.getTime()) throw quoteErrors.linkExpired();
  const doc = (await loadQuoteDocument(db, signature.quoteId, found.version))!;
  if (doc.quote.status === 'expired') throw quoteErrors.linkExpired();
  const part = quotePart(doc, signature.role);
  // The stored hash is what was sent; if the version's content no longer matches it, nobody may sign it.
  if (partSha256(part) !== signature.documentSha256) throw quoteErrors.linkSuperseded();
  return { signature, doc, part };
}

/**
 * What the public signing page shows: exactly the signer's part (the prices they pay), and beside it
 * what the agreement is about: what is installed where (the whole job, without the other side's
 * prices), the visits it takes with the earliest dates now free in the region, and whether the signer
 * is a consumer (who may withdraw within 14 days).
 */
export async function viewSigningPart(db: DbOrTx, token: string) {
  const { signature, doc, part } = await resolveSigningLink(db, token);
  const { technicalScope: _scope, visits: _visits, ...shown } = part;
  // The part's lines are these, in this order (quotePart).
  const own = doc.lines.filter((l) => l.billTo === signature.role);
  const [address, timing] = await Promise.all([
    customerInstallationAddress(db, doc.quote.customerId),
    previewVisitDates(db, { customerId: doc.quote.customerId, visits: doc.visits }),
  ]);
  return {
    installationAddress: address,
    installedItems: doc.lines.map((l) => ({
      description: l.description,
      descriptionEn: l.descriptionEn,
      quantity: Number(l.quantity),
    })),
    visits: timing.visits,
    consumer: signature.role === 'customer' && doc.customerKind === 'consumer',
    ...shown,
    // The English wording is read beside the part, never signed: the part's hash stays that of the Dutch lines.
    lines: shown.lines.map((l, i) => ({
      ...l,
      descriptionEn: own[i]!.descriptionEn,
      specificationEn: signature.role === 'partner' ? own[i]!.specificationEn : null,
      vatCategory: l.vatCategory ?? vatCategoryForRate(l.vatRate)!,
    })),
    buyerVatNumber: reverseChargeVatNumber(doc, part),
    status: signature.status,
    documentSha256: signature.documentSha256,
  };
}
