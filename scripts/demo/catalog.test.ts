import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_CATEGORIES, INSTALLATION_KITS, catalogItem } from './catalog.ts';
import { ENTITY_CODES } from './entities.ts';

describe('catalogue', () => {
  it('has unique SKUs, also across kits', () => {
    const skus = [...CATALOG.map((i) => i.sku), ...INSTALLATION_KITS.map((k) => k.sku)];
    expect(new Set(skus).size).toBe(skus.length);
  });
  it('covers every category, with the chargers the brief names', () => {
    for (const c of CATALOG_CATEGORIES)
      expect(
        CATALOG.some((i) => i.category === c),
        c,
      ).toBe(true);
    const chargers = CATALOG.filter((i) => i.category === 'charging_station')
      .map((i) => i.name)
      .join('\n');
    for (const n of [
      'Zaptec Go 2',
      'Zaptec Pro',
      'Alfen Eve Single S-line',
      'Alfen Eve Single Pro-line',
      'Alfen Eve Double Pro-line',
      'Easee Charge Core',
      'Easee One',
      'Ratio io6',
      'Ratio Solar Unit',
    ]) {
      expect(chargers).toContain(n);
    }
  });
  it('has well-formed prices, units and VAT', () => {
    for (const i of CATALOG) {
      expect(Number.isInteger(i.priceCents) && i.priceCents > 0, i.sku).toBe(true);
      expect([0, 9, 21]).toContain(i.vatRate);
      expect(['stuk', 'meter', 'uur']).toContain(i.unit);
      expect(Number.isInteger(i.labourMinutes) && i.labourMinutes >= 0).toBe(true);
      expect(i.entities.length).toBeGreaterThan(0);
      for (const e of i.entities) expect(ENTITY_CODES).toContain(e);
    }
  });
  it('serialises chargers and metering devices only', () => {
    for (const i of CATALOG)
      expect(i.serialised, i.sku).toBe(i.category === 'charging_station' || i.category === 'smart_meter');
  });
  it('sells Zaptec through ZaptecShop.nl and Ratio through RatioShop.nl, not the other way round', () => {
    for (const i of CATALOG.filter((i) => i.category === 'charging_station')) {
      expect(i.entities.includes('ZAPTECSHOP'), i.sku).toBe(i.brand === 'Zaptec');
      expect(i.entities.includes('RATIOSHOP'), i.sku).toBe(i.brand === 'Ratio');
    }
    for (const e of ENTITY_CODES)
      expect(
        CATALOG.some((i) => i.entities.includes(e)),
        e,
      ).toBe(true);
  });
  it('names every item and kit in English too, so an English reader reads no Dutch product name', () => {
    for (const i of [...CATALOG, ...INSTALLATION_KITS]) {
      expect(i.nameEn, i.sku).not.toBe(i.name);
      expect(i.nameEn, i.sku).not.toMatch(/\b(laadpaal|kabel|per meter|groep|pakket|arbeid)\b/i);
    }
  });
  it('throws for an unknown SKU', () => {
    expect(catalogItem('ZAP-GO2-22').brand).toBe('Zaptec');
    expect(() => catalogItem('NOPE')).toThrow(/unknown SKU/);
  });
});

describe('installation kits', () => {
  it('are 4–6 packages of existing products and labour', () => {
    expect(INSTALLATION_KITS.length).toBeGreaterThanOrEqual(4);
    expect(INSTALLATION_KITS.length).toBeLessThanOrEqual(6);
    for (const k of INSTALLATION_KITS) {
      const items = k.components.map((c) => catalogItem(c.sku));
      expect(
        items.some((i) => i.category === 'installation_service' || i.category === 'meter_cabinet'),
        k.sku,
      ).toBe(true);
      for (const c of k.components) expect(Number.isInteger(c.quantity) && c.quantity > 0).toBe(true);
    }
  });
  it('are priced below their parts in whole euros, with summed labour', () => {
    for (const k of INSTALLATION_KITS) {
      const list = k.components.reduce((s, c) => s + catalogItem(c.sku).priceCents * c.quantity, 0);
      const minutes = k.components.reduce((s, c) => s + catalogItem(c.sku).labourMinutes * c.quantity, 0);
      expect(k.priceCents).toBeLessThan(list);
      expect(k.priceCents).toBeGreaterThan(list * 0.85);
      expect(k.priceCents % 100).toBe(0);
      expect(k.labourMinutes).toBe(minutes);
    }
  });
  it('are billed by the category of their costliest component', () => {
    for (const k of INSTALLATION_KITS) {
      const [main] = [...k.components].sort(
        (a, b) => catalogItem(b.sku).priceCents * b.quantity - catalogItem(a.sku).priceCents * a.quantity,
      );
      expect(k.category, k.sku).toBe(catalogItem(main!.sku).category);
    }
  });
  it('are only sold by entities that sell every component', () => {
    for (const k of INSTALLATION_KITS) {
      for (const c of k.components) {
        for (const e of k.entities) expect(catalogItem(c.sku).entities, `${k.sku}/${c.sku}/${e}`).toContain(e);
      }
    }
  });
});
