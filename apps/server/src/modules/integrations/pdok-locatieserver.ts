import type { AddressValidator, VerifiedAddress } from '../leads/index.ts';

type PdokDoc = {
  type?: string;
  straatnaam?: string;
  woonplaatsnaam?: string;
  gemeentenaam?: string;
  provincienaam?: string;
  huisnummer?: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  postcode?: string;
  centroide_ll?: string;
};

const TIMEOUT_MS = 3_000;
const POINT_RE = /^POINT\(([-\d.]+) ([-\d.]+)\)$/;

/** The addition as PDOK splits it: a letter (huisletter) and/or a suffix (huisnummertoevoeging). */
const additionOf = (d: PdokDoc) => `${d.huisletter ?? ''}${d.huisnummertoevoeging ?? ''}`.toUpperCase();

/**
 * Address validation with the PDOK Locatieserver (the Dutch government's BAG-based address search):
 * street, city, municipality, province and coordinates from postcode + house number. `baseUrl` is
 * the service root, e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1.
 */
export function createPdokAddressValidator(baseUrl: string, fetchImpl: typeof fetch = fetch): AddressValidator {
  return {
    name: 'PDOK Locatieserver',
    async lookup(postcode: string, houseNumber: number, addition: string | null): Promise<VerifiedAddress | null> {
      const url = new URL(`${baseUrl.replace(/\/$/, '')}/free`);
      url.searchParams.append('fq', `postcode:${postcode.replace(/\s+/g, '')}`);
      url.searchParams.append('fq', `huisnummer:${houseNumber}`);
      url.searchParams.append('fq', 'type:adres');
      url.searchParams.set(
        'fl',
        'type straatnaam woonplaatsnaam gemeentenaam provincienaam huisnummer huisletter huisnummertoevoeging postcode centroide_ll',
      );
      url.searchParams.set('rows', '20');
      const res = await fetchImpl(url, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`PDOK antwoordde ${res.status}`);
      const body = (await res.json()) as { response?: { docs?: PdokDoc[] } };
      const docs = (body.response?.docs ?? []).filter((d) => d.type === 'adres' && d.huisnummer === houseNumber);
      const wanted = (addition ?? '').toUpperCase();
      const doc = docs.find((d) => additionOf(d) === wanted) ?? (wanted ? undefined : docs[0]);
      if (!doc?.straatnaam || !doc.woonplaatsnaam) return null;
      const point = doc.centroide_ll ? POINT_RE.exec(doc.centroide_ll) : null;
      return {
        street: doc.straatnaam,
        city: doc.woonplaatsnaam,
        municipality: doc.gemeentenaam ?? null,
        province: doc.provincienaam ?? null,
        lon: point ? Number(point[1]) : null,
        lat: point ? Number(point[2]) : null,
      };
    },
  };
}
