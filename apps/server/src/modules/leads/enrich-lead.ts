import { lookupPc4, primaryRegion } from '@chargecars/geo';
import type { NormalisedLead } from './normalise-lead.ts';

/** What an address register knows about a postcode and house number. */
export type VerifiedAddress = {
  street: string;
  city: string;
  municipality: string | null;
  province: string | null;
  lat: number | null;
  lon: number | null;
};

/**
 * Pluggable address validation (ARCHITECTURE: adapter with an offline default). The offline default
 * is "none": the PC4 table still gives coordinates, municipality, province and region.
 */
export type AddressValidator = {
  name: string;
  lookup(postcode: string, houseNumber: number, addition: string | null): Promise<VerifiedAddress | null>;
};

export type Enrichment = {
  address:
    | (NonNullable<NormalisedLead['address']> & {
        municipality: string | null;
        province: string | null;
        lat: number | null;
        lon: number | null;
      })
    | null;
  regionCode: string | null;
  /** true: the register knows the address; false: it does not; null: not checked. */
  addressVerified: boolean | null;
  findings: string[];
};

/**
 * Step 2: postcode to coordinates, municipality, province and region from the PC4 data; street and
 * city from the address register when one is configured. A register that is down does not stop the
 * lead: the finding is recorded and the PC4 data stands.
 */
export async function enrichLead(lead: NormalisedLead, validator: AddressValidator | null): Promise<Enrichment> {
  const a = lead.address;
  if (!a) return { address: null, regionCode: null, addressVerified: null, findings: ['geen adres opgegeven'] };
  const findings: string[] = [];
  const pc4 = lookupPc4(a.postcode.slice(0, 4));
  const region = primaryRegion(a.postcode);
  if (!pc4) findings.push(`postcode ${a.postcode} niet in de PC4-tabel`);
  let verified: VerifiedAddress | null = null;
  let addressVerified: boolean | null = null;
  if (validator) {
    try {
      verified = await validator.lookup(a.postcode, a.houseNumber, a.addition);
      addressVerified = !!verified;
      findings.push(verified ? `adres bevestigd door ${validator.name}` : `${validator.name} kent dit adres niet`);
    } catch (err) {
      findings.push(`${validator.name} niet bereikbaar: ${(err as Error).message}`);
    }
  }
  return {
    address: {
      ...a,
      street: verified?.street ?? a.street,
      city: verified?.city ?? a.city,
      municipality: verified?.municipality ?? pc4?.municipality ?? null,
      province: verified?.province ?? pc4?.province ?? null,
      lat: verified?.lat ?? pc4?.lat ?? null,
      lon: verified?.lon ?? pc4?.lon ?? null,
    },
    regionCode: region?.code ?? null,
    addressVerified,
    findings,
  };
}
