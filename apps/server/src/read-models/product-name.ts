import { sql } from 'drizzle-orm';
import type { Language } from '../platform/sentences/reader-locale.ts';

/**
 * A product's name as the reader reads it, for raw queries that name the products table `p`: the English
 * name for a reader of English where the catalogue has one, else the Dutch (issue 16).
 */
export const productNameIn = (language: Language) =>
  language === 'en' ? sql.raw('coalesce(p.name_en, p.name)') : sql.raw('p.name');
