// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { addDays, amsterdamDay, formatDate, formatDateTime, formatDay, formatMonth } from './date';
import { formattersFor } from './formatters';
import { formatCents, formatCount, formatNumber, formatPercent } from './money';
import { formatPhone, phoneHref } from './phone';
import { formatHouseNumber, formatPostcode } from './postcode';

describe('money', () => {
  test('euro cents in Dutch notation', () => {
    expect(formatCents(123456, 'nl-NL')).toBe('€ 1.234,56');
    expect(formatCents(0, 'nl-NL')).toBe('€ 0,00');
    expect(formatCents(5, 'nl-NL')).toBe('€ 0,05');
    expect(formatCents(100000000, 'nl-NL')).toBe('€ 1.000.000,00');
    expect(formatCents(-2500, 'nl-NL')).toBe('€ -25,00');
  });
  test('euro cents in English notation', () => {
    expect(formatCents(123450, 'en')).toBe('€1,234.50');
    expect(formatCents(-2500, 'en')).toBe('-€25.00');
  });
  test('counts, quantities and percentages', () => {
    expect(formatCount(6959, 'nl-NL')).toBe('6.959');
    expect(formatCount(6959, 'en')).toBe('6,959');
    expect(formatNumber(2.5, 'nl-NL')).toBe('2,5');
    expect(formatNumber(2.5, 'en')).toBe('2.5');
    expect(formatPercent(0.425, 'nl-NL')).toBe('42,5%');
    expect(formatPercent(0.425, 'en')).toBe('42.5%');
  });
});

describe('dates in Europe/Amsterdam', () => {
  test('a UTC instant late in the evening is the next day in Amsterdam', () => {
    expect(formatDate('2026-03-01T23:30:00Z', 'nl-NL')).toBe('02-03-2026');
    expect(formatDateTime('2026-03-01T23:30:00Z', 'nl-NL')).toBe('02-03-2026 00:30');
    // English writes the month out: "02/03/2026" is the 3rd of February to an American reader.
    expect(formatDate('2026-03-01T23:30:00Z', 'en')).toBe('2 Mar 2026');
    expect(formatDateTime('2026-03-01T23:30:00Z', 'en')).toBe('2 Mar 2026 00:30');
  });
  test('summer time is UTC+2', () => {
    expect(formatDateTime('2026-07-01T10:05:00Z', 'nl-NL')).toBe('01-07-2026 12:05');
    expect(formatDateTime('2026-07-01T10:05:00Z', 'en')).toBe('1 Jul 2026 12:05');
  });
  test('the local day of an instant', () => {
    expect(amsterdamDay(new Date('2026-11-20T23:15:00Z'))).toBe('2026-11-21');
    expect(amsterdamDay(new Date('2026-11-20T22:59:00Z'))).toBe('2026-11-20');
  });
  test('day arithmetic crosses months, years and DST changes without skipping', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  test('a local date with its weekday in the UI language', () => {
    expect(formatDay('2026-11-23', 'nl-NL')).toBe('maandag 23 november 2026');
    // British English, day before month, like the server's texts (the American "November 23" is not it).
    expect(formatDay('2026-11-23', 'en')).toMatch(/^Monday,? 23 November 2026$/);
    // A month by its name, never "2026-11" (the commission statement's total, a monthly invoice's period).
    expect(formatMonth('2026-11', 'nl-NL')).toBe('november 2026');
    expect(formatMonth('2027-01', 'en')).toBe('January 2027');
  });
  test('the bound set a page gets from useI18n follows its language', () => {
    const nl = formattersFor('nl-NL');
    const en = formattersFor('en');
    expect(nl.formatShortDay('2026-12-15')).toBe('di 15 dec');
    expect(en.formatShortDay('2026-12-15')).toBe('Tue 15 Dec');
    expect(en.formatNarrowDay('2026-12-15')).toBe('Tue 15');
    expect(en.formatDayInWeek('2026-12-15')).toBe('Tuesday 15 December');
    expect(en.formatTime('2026-12-15T12:00:00Z')).toBe('13:00');
    expect(formattersFor('en')).toBe(en);
  });
});

describe('postcodes and house numbers', () => {
  test('four digits, a space, two capitals', () => {
    expect(formatPostcode('1234ab')).toBe('1234 AB');
    expect(formatPostcode(' 1234 AB ')).toBe('1234 AB');
    expect(formatPostcode('9999zz')).toBe('9999 ZZ');
  });
  test('anything else is left alone', () => {
    expect(formatPostcode('0123AB')).toBe('0123AB');
    expect(formatPostcode('B-1000')).toBe('B-1000');
  });
  test('additions', () => {
    expect(formatHouseNumber(12, 'a')).toBe('12A');
    expect(formatHouseNumber('12', '2')).toBe('12-2');
    expect(formatHouseNumber(7, null)).toBe('7');
  });
});

describe('Dutch phone numbers', () => {
  test('mobile numbers in pairs, whatever the input notation', () => {
    expect(formatPhone('+31612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('0031 6 1234 5678')).toBe('06 12 34 56 78');
    expect(formatPhone('06-12345678')).toBe('06 12 34 56 78');
  });
  test('landlines grouped after the area code', () => {
    expect(formatPhone('0201234567')).toBe('020 123 4567');
    expect(formatPhone('+31101234567')).toBe('010 123 4567');
    expect(formatPhone('0513123456')).toBe('0513 123 456');
  });
  test('foreign or broken numbers are shown as given', () => {
    expect(formatPhone('+32 2 123 45 67')).toBe('+32 2 123 45 67');
    expect(formatPhone('12345')).toBe('12345');
  });
  test('tel: links dial internationally', () => {
    expect(phoneHref('06 12 34 56 78')).toBe('tel:+31612345678');
    expect(phoneHref('020 123 4567')).toBe('tel:+31201234567');
  });
});
