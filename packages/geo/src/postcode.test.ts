import { describe, expect, it } from 'vitest';
import {
  formatAddress,
  formatAddressLines,
  formatHouseNumber,
  formatPostcode,
  parsePostcode,
  toPc4,
} from './postcode.ts';

describe('parsePostcode', () => {
  it.each(['1234ab', '1234 AB', ' 1234  ab ', '1234Ab', '\t1234\tAB\n'])('accepts %j', (input) => {
    expect(parsePostcode(input)).toEqual({ pc4: '1234', letters: 'AB', formatted: '1234 AB' });
  });
  it.each([
    '0123 AB', // first digit 0
    '1234 SA',
    '1234 sd',
    '1234SS', // letter pairs that are not issued
    '123 AB',
    '12345 AB',
    '1234 A',
    '1234 ABC', // wrong lengths
    '1234',
    'AB 1234',
    '1234-AB',
    '12 34 AB',
    '',
    '   ',
    '1234 Á B',
  ])('rejects %j', (input) => {
    expect(parsePostcode(input)).toBeNull();
  });
  it('accepts other S pairs such as SB and ZS', () => {
    expect(parsePostcode('1234sb')?.formatted).toBe('1234 SB');
    expect(parsePostcode('1234 ZS')?.formatted).toBe('1234 ZS');
  });
});

describe('toPc4 and formatPostcode', () => {
  it('takes the PC4 from a bare PC4 or a full postcode', () => {
    expect(toPc4(' 3861 ')).toBe('3861');
    expect(toPc4('3861ab')).toBe('3861');
    expect(toPc4('0861')).toBeNull();
    expect(toPc4('3861 SS')).toBeNull();
  });
  it('formats valid input and leaves anything else as typed', () => {
    expect(formatPostcode('3861ab')).toBe('3861 AB');
    expect(formatPostcode(' 3861 ')).toBe('3861');
    expect(formatPostcode(' B-2000 ')).toBe('B-2000');
  });
});

describe('formatAddress', () => {
  it('writes the example from the brief', () => {
    expect(
      formatAddress({
        street: 'Dorpsstraat',
        houseNumber: '12',
        houseNumberAddition: 'A',
        postcode: '1234ab',
        city: 'Amsterdam',
      }),
    ).toBe('Dorpsstraat 12A, 1234 AB Amsterdam');
  });
  it('joins letters and additions the Dutch way', () => {
    expect(formatHouseNumber({ houseNumber: 12, houseNumberAddition: 'a' })).toBe('12A');
    expect(formatHouseNumber({ houseNumber: 1, houseNumberAddition: '026' })).toBe('1-026');
    expect(formatHouseNumber({ houseNumber: 12, houseNumberAddition: ' -2 ' })).toBe('12-2');
    expect(formatHouseNumber({ houseNumber: 7, houseLetter: 'b', houseNumberAddition: 'hs' })).toBe('7B-hs');
    expect(formatHouseNumber({ houseNumber: 7, houseNumberAddition: null })).toBe('7');
  });
  it('leaves out missing parts', () => {
    expect(formatAddress({ street: 'Kerkweg', houseNumber: 3, city: 'Nijkerk' })).toBe('Kerkweg 3, Nijkerk');
    expect(formatAddressLines({ street: 'Kerkweg', houseNumber: 3, postcode: '3861AB', city: ' ' })).toEqual([
      'Kerkweg 3',
      '3861 AB',
    ]);
  });
});
