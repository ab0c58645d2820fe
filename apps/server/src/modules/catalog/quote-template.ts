import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { quoteTemplateLines, quoteTemplates } from './catalog.schema.ts';

/** An active quote template with its lines in order; undefined when there is none. */
export async function activeQuoteTemplate(db: DbOrTx, templateId: string) {
  const joined = await db
    .select({ template: quoteTemplates, line: quoteTemplateLines })
    .from(quoteTemplates)
    .innerJoin(quoteTemplateLines, eq(quoteTemplateLines.templateId, quoteTemplates.id))
    .where(and(eq(quoteTemplates.id, templateId), eq(quoteTemplates.active, true)))
    .orderBy(asc(quoteTemplateLines.position));
  const template = joined[0]?.template;
  return template ? { template, lines: joined.map((j) => j.line) } : undefined;
}
