import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { products, quoteTemplateLines, quoteTemplates } from './catalog.schema.ts';

/** Active templates with their lines, for the one-click quote builder. */
export async function listQuoteTemplates(db: DbOrTx, entityId?: string) {
  const active = await db
    .select()
    .from(quoteTemplates)
    .where(and(eq(quoteTemplates.active, true), entityId ? eq(quoteTemplates.entityId, entityId) : undefined))
    .orderBy(asc(quoteTemplates.code));
  if (!active.length) return [];
  const lines = await db
    .select({
      templateId: quoteTemplateLines.templateId,
      position: quoteTemplateLines.position,
      productId: quoteTemplateLines.productId,
      description: products.name,
      descriptionEn: products.nameEn,
      quantity: quoteTemplateLines.quantity,
      quantityAnswer: quoteTemplateLines.quantityAnswer,
    })
    .from(quoteTemplateLines)
    .innerJoin(products, eq(products.id, quoteTemplateLines.productId))
    .where(
      inArray(
        quoteTemplateLines.templateId,
        active.map((t) => t.id),
      ),
    )
    .orderBy(asc(quoteTemplateLines.position));
  return active.map((t) => ({
    id: t.id,
    code: t.code,
    name: t.name,
    nameEn: t.nameEn,
    entityId: t.entityId,
    lines: lines
      .filter((l) => l.templateId === t.id)
      .map((l) => ({
        productId: l.productId,
        description: l.description,
        descriptionEn: l.descriptionEn,
        quantity: l.quantity,
        quantityAnswer: l.quantityAnswer,
      })),
  }));
}
