import type { Language } from '../../platform/sentences/reader-locale.ts';

/**
 * What the partner view shows under a quote line, in both languages: brand, article number and the line's
 * labour, or a kit's components per package. Stored with the line, like its description, so a quote
 * reads as it was made whatever the catalogue says later.
 */
const WORDS = {
  nl: { item: 'art.', labour: 'min arbeid', kit: (code: string) => `Pakket ${code}, per pakket:` },
  en: { item: 'item', labour: 'min labour', kit: (code: string) => `Kit ${code}, per kit:` },
} as const;

const labourText = (minutes: number, language: Language) =>
  minutes ? `${Math.round(minutes)} ${WORDS[language].labour}` : null;

type Named = { sku: string; name: string; nameEn: string | null };

/** @example productSpecification({ brand: 'Zaptec', sku: 'ZAP-GO2-22' }, 45, 'en') // "Zaptec · item ZAP-GO2-22 · 45 min labour" */
export function productSpecification(
  p: { brand: string | null; sku: string },
  labourMinutes: number,
  language: Language,
) {
  return [p.brand, `${WORDS[language].item} ${p.sku}`, labourText(labourMinutes, language)].filter(Boolean).join(' · ');
}

/** A kit's components per package, each by its name in the language, and the line's labour. */
export function kitSpecification(
  code: string,
  components: readonly { quantity: number; product: Named }[],
  labourMinutes: number,
  language: Language,
) {
  const w = WORDS[language];
  const name = (p: Named) => (language === 'en' ? (p.nameEn ?? p.name) : p.name);
  const listed = components.map((c) => `${c.quantity} × ${name(c.product)} (${w.item} ${c.product.sku})`).join('; ');
  return [`${w.kit(code)} ${listed}`, labourText(labourMinutes, language)].filter(Boolean).join(' · ');
}
