import { parsePostcode, regionsForPostcode } from '@chargecars/geo';
import { describe, expect, it } from 'vitest';
import { CATALOG_CATEGORIES } from './catalog.ts';
import { DEMO_EMAIL_DOMAINS } from './dutch-names.ts';
import { ENTITY_CODES } from './entities.ts';
import { PARTNER_CATEGORIES, generatePartners, partnerMix } from './partners.ts';
import { createRng } from './random.ts';

const partners = generatePartners(createRng('demo').fork('partners'));

describe('generatePartners', () => {
  it('is deterministic: same seed, same partners; another seed, others', () => {
    expect(generatePartners(createRng('demo').fork('partners'))).toEqual(partners);
    expect(generatePartners(createRng('other').fork('partners'))).not.toEqual(partners);
  });
  it('makes 391 partners in the 160/90/50/91 mix, spread over the codes', () => {
    expect(partners).toHaveLength(391);
    const mix = Object.fromEntries(PARTNER_CATEGORIES.map((c) => [c, partners.filter((p) => p.category === c).length]));
    expect(mix).toEqual({ LeadTransfer: 160, Automotive: 90, Energy: 50, B2BContractor: 91 });
    expect(new Set(partners.slice(0, 40).map((p) => p.category)).size).toBe(4);
    expect(partners.map((p) => p.code)).toEqual(partners.map((_, i) => `P${String(i + 1).padStart(4, '0')}`));
  });
  it('splits other counts in proportion', () => {
    expect(partnerMix(10)).toEqual({ LeadTransfer: 4, Automotive: 2, Energy: 1, B2BContractor: 3 });
    expect(Object.values(partnerMix(1000)).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(generatePartners(createRng(1), 12)).toHaveLength(12);
  });
  it('has unique names, KvK numbers and contact e-mails', () => {
    for (const key of ['name', 'kvkNumber'] as const) expect(new Set(partners.map((p) => p[key])).size).toBe(391);
    expect(new Set(partners.map((p) => p.contact.email)).size).toBe(391);
    for (const p of partners) {
      expect(p.kvkNumber).toMatch(/^[1-9]\d{7}$/);
      expect(p.contact.email.endsWith('.example.nl')).toBe(true);
      expect(p.contact.phone).toMatch(/^\+316\d{8}$/);
    }
    expect(DEMO_EMAIL_DOMAINS).toContain('example.nl');
  });
  it('gives installation companies (and only them) a unique Dutch VAT number for reverse charge', () => {
    const contractors = partners.filter((p) => p.category === 'B2BContractor');
    for (const p of contractors) expect(p.vatNumber, p.code).toMatch(/^NL\d{9}B\d{2}$/);
    expect(new Set(contractors.map((p) => p.vatNumber)).size).toBe(contractors.length);
    expect(partners.filter((p) => p.category !== 'B2BContractor').every((p) => p.vatNumber === null)).toBe(true);
  });
  it('has valid addresses whose region serves the postcode', () => {
    for (const p of partners) {
      expect(parsePostcode(p.address.postcode)?.formatted, p.code).toBe(p.address.postcode);
      expect(regionsForPostcode(p.address.postcode).map((r) => r.code)).toContain(p.region);
    }
    expect(new Set(partners.map((p) => p.region)).size).toBe(7);
  });
  it('gives commission agreements to lead-transfer partners only, within the agreed bounds', () => {
    const kinds = new Set<string>();
    for (const p of partners) {
      if (p.category !== 'LeadTransfer') {
        expect(p.commission).toBeNull();
        continue;
      }
      const c = p.commission!;
      kinds.add(c.kind);
      if (c.kind === 'percentage') expect(c.percent >= 3 && c.percent <= 8).toBe(true);
      if (c.kind === 'fixed')
        expect(c.amountCents >= 5000 && c.amountCents <= 15000 && Number.isInteger(c.amountCents)).toBe(true);
      if (c.kind === 'tiered') {
        expect(c.tiers[0]!.fromConvertedLeads).toBe(0);
        for (let i = 1; i < c.tiers.length; i++) {
          expect(c.tiers[i]!.fromConvertedLeads).toBeGreaterThan(c.tiers[i - 1]!.fromConvertedLeads);
          expect(c.tiers[i]!.percent).toBeGreaterThanOrEqual(c.tiers[i - 1]!.percent);
        }
        for (const t of c.tiers) expect(t.percent >= 3 && t.percent <= 8).toBe(true);
      }
    }
    expect(kinds).toEqual(new Set(['percentage', 'fixed', 'tiered']));
  });
  it('has billing rules that split all line categories between partner and customer', () => {
    for (const p of partners) {
      const { partnerPays, customerPays } = p.billing;
      expect([...partnerPays, ...customerPays].sort()).toEqual([...CATALOG_CATEGORIES].sort());
      if (p.category === 'LeadTransfer') expect(partnerPays).toEqual([]);
      if (p.category === 'B2BContractor') expect(customerPays).toEqual([]);
      for (const e of p.entities) expect(ENTITY_CODES).toContain(e);
      expect(p.since).toMatch(/^20(19|2[0-6])-\d\d-\d\d$/);
    }
  });
});
