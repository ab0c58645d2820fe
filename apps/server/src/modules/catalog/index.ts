import type { Db } from '../../platform/db/client.ts';
import { listQuoteTemplates } from './list-quote-templates.ts';
import { listCatalogItems } from './list-catalog-items.ts';

export { catalogRoutes } from './catalog.routes.ts';
export { lookUpSellables, type Sellable } from './sellables.ts';
export { activeQuoteTemplate } from './quote-template.ts';
export type { INTAKE_ANSWERS, ProductCategory } from './catalog.schema.ts';

export function createCatalogService(deps: { db: Db }) {
  return {
    listTemplates: (entityId?: string) => listQuoteTemplates(deps.db, entityId),
    listItems: (entityId: string) => listCatalogItems(deps.db, entityId),
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
