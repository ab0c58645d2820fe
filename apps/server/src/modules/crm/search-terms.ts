/** Lower-case, without accents: "Müller" and "muller" find each other. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export type Searchable = {
  name: string;
  companyName?: string | null;
  email: string;
  phone?: string | null;
  postcode?: string | null;
};

/** The terms a customer can be found by; the list search matches them by prefix. */
export function searchTermsFor(c: Searchable): string[] {
  const terms = new Set<string>();
  for (const word of fold(`${c.name} ${c.companyName ?? ''}`).split(/[^a-z0-9]+/)) if (word) terms.add(word);
  const email = fold(c.email);
  terms.add(email);
  if (c.postcode) {
    const pc = fold(c.postcode).replace(/\s+/g, '');
    terms.add(pc);
  }
  if (c.phone) {
    const digits = c.phone.replace(/\D/g, '');
    terms.add(digits);
    if (digits.startsWith('31')) terms.add(`0${digits.slice(2)}`);
  }
  return [...terms].filter((t) => t.length > 0 && t.length <= 200);
}

/**
 * Turns what a user typed into prefixes that must all match: a postcode ("1234 ab") or an email stays
 * whole, a phone number loses its punctuation, other text splits into words.
 */
export function searchPrefixes(q: string): string[] {
  const folded = fold(q.trim());
  if (!folded) return [];
  if (/^\d{4}\s*[a-z]{0,2}$/.test(folded)) return [folded.replace(/\s+/g, '')];
  if (folded.includes('@')) return [folded];
  if (/^[+\d][\d\s-]{5,}$/.test(folded)) return [folded.replace(/\D/g, '')];
  return [...new Set(folded.split(/[^a-z0-9@.]+/).filter(Boolean))].slice(0, 5);
}
