import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { createQuote, type CreateQuoteOptions } from './create-quote.ts';
import { createQuoteFromTemplate, type IntakeAnswers } from './create-quote-from-template.ts';
import { reviseQuote, type ReviseQuoteOptions } from './revise-quote.ts';
import { sendQuote } from './send-quote.ts';
import { renewQuote } from './renew-quote.ts';
import { getQuote } from './get-quote.ts';
import { listQuotes, type ListQuotesOptions } from '../../read-models/quote-list.ts';
import { diffQuoteVersions } from './diff-quote-versions.ts';
import { renderQuotePdf, renderQuotePdfFor } from './render-quote-pdf.ts';
import { previewVisitDates } from '../../read-models/visit-date-preview.ts';
import { loadQuoteDocument } from './quote-document.ts';
import { signQuotePart, type CreateOrderFromQuote, type SignerContext } from './sign-quote-part.ts';
import { declineQuotePart } from './decline-quote-part.ts';
import { resolveSigningLink, viewSigningPart } from './signing-link.ts';
import { expireAndRemindQuotes } from './expire-quotes.ts';

export { quotesRoutes } from './quotes.routes.ts';
export { signingRoutes } from './signing.routes.ts';
export type { QuoteDocument } from './quote-document.ts';
export { verifyTrail, readTrail } from './signing-trail.ts';

/** Quotes: the dual quote (customer part and partner part of one set of lines), versions and signatures. */
export function createQuotesService(deps: { db: Db; publicUrl: string; createOrder: CreateOrderFromQuote }) {
  const { db, publicUrl } = deps;
  return {
    create: (actor: Actor, opts: CreateQuoteOptions) => createQuote(db, actor, opts),
    createFromTemplate: (
      actor: Actor,
      opts: {
        templateId: string;
        customerId: string;
        partnerId?: string | null | undefined;
        leadId?: string | null | undefined;
        answers: IntakeAnswers;
      },
    ) => createQuoteFromTemplate(db, actor, opts),
    revise: (actor: Actor, opts: Omit<ReviseQuoteOptions, 'publicUrl'>) =>
      reviseQuote(db, actor, { ...opts, publicUrl }),
    send: (actor: Actor, quoteId: string, lockVersion: number) =>
      sendQuote(db, actor, { quoteId, lockVersion, publicUrl }),
    renew: (actor: Actor, quoteId: string, lockVersion: number) =>
      renewQuote(db, actor, { quoteId, lockVersion, publicUrl }),
    get: (actor: Actor, id: string) => getQuote(db, actor, id),
    list: (actor: Actor, opts: ListQuotesOptions) => listQuotes(db, actor, opts),
    diff: (actor: Actor, opts: { quoteId: string; from: number; to: number }) => diffQuoteVersions(db, actor, opts),
    pdf: (actor: Actor, opts: { quoteId: string; view: 'customer' | 'partner'; language: 'nl' | 'en' }) =>
      renderQuotePdfFor(db, actor, opts),
    async visitPreview(actor: Actor, quoteId: string) {
      await getQuote(db, actor, quoteId);
      const doc = await loadQuoteDocument(db, quoteId);
      if (!doc) throw notFound('Offerte');
      return previewVisitDates(db, { customerId: doc.quote.customerId, visits: doc.visits });
    },
    viewSigningPart: (token: string) => viewSigningPart(db, token),
    async signingPdf(token: string, language: 'nl' | 'en') {
      const { doc, signature } = await resolveSigningLink(db, token);
      return renderQuotePdf(db, doc, signature.role, language);
    },
    sign: (
      token: string,
      body: { name: string; method: 'drawn' | 'typed'; signatureImage?: string | undefined },
      ctx: SignerContext,
    ) => signQuotePart(db, { token, ...body, ctx, createOrder: deps.createOrder }),
    decline: (token: string, reason: string, ctx: SignerContext) => declineQuotePart(db, { token, reason, ctx }),
    expireAndRemind: () => expireAndRemindQuotes(db),
  };
}
export type QuotesService = ReturnType<typeof createQuotesService>;
