import { describe, expect, it } from 'vitest';
import { normaliseLead, toE164 } from './normalise-lead.ts';
import { enrichLead } from './enrich-lead.ts';
import { isComplete, scoreLead } from './score-lead.ts';
import { routeLead } from './route-lead.ts';

const entities = new Set(['chargecars', 'laderthuis', 'meterkastthuis']);
const rule = (over: Partial<Parameters<typeof routeLead>[0][number]>) => ({
  id: 'r',
  priority: 10,
  name: 'regel',
  partnerEntityId: null,
  productInterest: null,
  customerKind: null,
  entityId: 'meterkastthuis',
  active: true,
  updatedAt: new Date(),
  ...over,
});

describe('normalising', () => {
  it('writes phone numbers as E.164 and postcodes as 1234 AB', () => {
    expect(toE164('06-12345678')).toBe('+31612345678');
    expect(toE164('+31 (0)33 123 4567')).toBe('+31331234567');
    expect(toE164('12345')).toBeNull();
    const lead = normaliseLead({
      email: ' Jan@Example.NL',
      name: 'Jan  Jansen',
      phone: '0612345678',
      address: { postcode: '3861ab', houseNumber: 5, addition: 'b' },
    });
    expect(lead).toMatchObject({
      email: 'jan@example.nl',
      name: 'Jan Jansen',
      phone: '+31612345678',
      address: { postcode: '3861 AB', addition: 'B' },
    });
  });
  it('names every wrong field', () => {
    expect(() =>
      normaliseLead({ email: 'a@b.nl', name: 'A', phone: '999', address: { postcode: '1234 SA', houseNumber: 1 } }),
    ).toThrow(
      expect.objectContaining({
        errors: [
          { field: 'body.phone', message: expect.any(String) },
          { field: 'body.address.postcode', message: expect.any(String) },
        ],
      }),
    );
  });
});

describe('scoring', () => {
  it('explains every point and rewards a complete lead in a served region', async () => {
    const lead = normaliseLead({
      email: 'a@b.nl',
      name: 'A B',
      phone: '0612345678',
      address: { postcode: '3861 AB', houseNumber: 1, street: 'Kerkstraat', city: 'Nijkerk' },
      productInterest: 'Laadpaal met zonnepanelen',
    });
    const enrichment = await enrichLead(lead, null);
    expect(enrichment).toMatchObject({ regionCode: 'MIDDEN', address: { municipality: 'Nijkerk' } });
    const s = scoreLead(lead, enrichment, {
      regionTeams: 1,
      regionLoad: 0.5,
      partnerConversion: 0.8,
      partnerLeadCount: 50,
    });
    expect(s.reasons.reduce((n, r) => n + r.points, 0)).toBe(s.score);
    expect(s.breakdown).toEqual({ regio: 25, partnerkwaliteit: 20, volledigheid: 25, productinteresse: 17 });
    expect(isComplete(lead, enrichment)).toBe(true);
  });
  it('scores a bare lead low and calls it incomplete', async () => {
    const lead = normaliseLead({ email: 'a@b.nl', name: 'A' });
    const enrichment = await enrichLead(lead, null);
    const s = scoreLead(lead, enrichment, {
      regionTeams: 0,
      regionLoad: 0,
      partnerConversion: null,
      partnerLeadCount: 0,
    });
    expect(s.score).toBe(15);
    expect(isComplete(lead, enrichment)).toBe(false);
  });
});

describe('routing', () => {
  it('applies the first matching rule by priority', () => {
    const rules = [
      rule({ priority: 20, productInterest: 'meterkast uitbreiden' }),
      rule({ priority: 5, customerKind: 'business', entityId: 'chargecars' }),
    ];
    expect(
      routeLead(
        rules,
        { partnerEntityId: null, productInterest: 'Meterkast uitbreiden', customerKind: 'consumer' },
        entities,
      ).entityId,
    ).toBe('meterkastthuis');
    expect(
      routeLead(
        rules,
        { partnerEntityId: null, productInterest: 'Meterkast uitbreiden', customerKind: 'business' },
        entities,
      ).entityId,
    ).toBe('chargecars');
  });
  it("falls back to the partner's entity, then to B2B or B2C", () => {
    expect(
      routeLead([], { partnerEntityId: 'chargecars', productInterest: null, customerKind: 'consumer' }, entities)
        .entityId,
    ).toBe('chargecars');
    expect(
      routeLead([], { partnerEntityId: null, productInterest: null, customerKind: 'consumer' }, entities).entityId,
    ).toBe('laderthuis');
    expect(
      routeLead(
        [rule({ active: false })],
        { partnerEntityId: null, productInterest: null, customerKind: 'business' },
        entities,
      ).entityId,
    ).toBe('chargecars');
  });
});
