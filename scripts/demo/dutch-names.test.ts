import { describe, expect, it } from 'vitest';
import {
  DEMO_EMAIL_DOMAINS,
  STREET_NAMES,
  dutchMobile,
  email,
  emailSlug,
  personName,
  streetName,
} from './dutch-names.ts';
import { createRng } from './random.ts';

describe('personName', () => {
  it('is deterministic and builds full and sort names with tussenvoegsels', () => {
    const a = Array.from(
      { length: 200 },
      (
        (rng) => () =>
          personName(rng)
      )(createRng('names')),
    );
    const b = Array.from(
      { length: 200 },
      (
        (rng) => () =>
          personName(rng)
      )(createRng('names')),
    );
    expect(a).toEqual(b);
    const withTv = a.find((n) => n.tussenvoegsel !== '')!;
    expect(withTv.fullName).toBe(`${withTv.firstName} ${withTv.tussenvoegsel} ${withTv.lastName}`);
    expect(withTv.sortName).toBe(`${withTv.lastName}, ${withTv.firstName} ${withTv.tussenvoegsel}`);
    expect(new Set(a.map((n) => n.gender))).toEqual(new Set(['m', 'f']));
  });
});

describe('email', () => {
  it('gives 5,000 unique addresses on demo domains only', () => {
    const rng = createRng('emails');
    const used = new Set<string>();
    const list = Array.from({ length: 5000 }, () => email(rng, personName(rng), used));
    expect(new Set(list).size).toBe(5000);
    expect(used.size).toBe(5000);
    for (const address of list) {
      expect(address).toMatch(/^[a-z0-9.]+@[a-z.]+$/);
      expect(DEMO_EMAIL_DOMAINS).toContain(address.split('@')[1]);
    }
  });
  it('numbers a repeat of the same name', () => {
    const used = new Set<string>();
    const name = { firstName: 'Jan', tussenvoegsel: 'van der', lastName: 'Meer' };
    const first = email(createRng(1), name, used, 'example.nl');
    const second = email(createRng(1), name, used, 'example.nl');
    expect(second).not.toBe(first);
    expect(second.replace(/2@/, '@')).toBe(first);
  });
  it('slugs accents, spaces and apostrophes away', () => {
    expect(emailSlug("in 't Veld")).toBe('intveld');
    expect(emailSlug('Jildou Súdwest-Fryslân')).toBe('jildousudwestfryslan');
  });
});

describe('dutchMobile and streetName', () => {
  it('gives E.164 Dutch mobile numbers', () => {
    const rng = createRng('phones');
    for (let i = 0; i < 500; i++) expect(dutchMobile(rng)).toMatch(/^\+316[1-58]\d{7}$/);
  });
  it('has a few hundred distinct street names of the expected kinds', () => {
    expect(STREET_NAMES.length).toBeGreaterThanOrEqual(300);
    expect(new Set(STREET_NAMES).size).toBe(STREET_NAMES.length);
    for (const s of ['Dorpsstraat', 'Kerkweg', 'Molenlaan', 'Eikenlaan', 'Rozenhof', 'Vondelstraat'])
      expect(STREET_NAMES).toContain(s);
    expect(STREET_NAMES).toContain(streetName(createRng('street')));
  });
});
