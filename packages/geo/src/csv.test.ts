import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvObjects } from './csv.ts';

describe('parseCsv', () => {
  it('splits plain records and ignores a final line break', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('5671,"Nuenen, Gerwen en Nederwetten",x\n')).toEqual([
      ['5671', 'Nuenen, Gerwen en Nederwetten', 'x'],
    ]);
    expect(parseCsv('"say ""hi""","a\nb"\n')).toEqual([['say "hi"', 'a\nb']]);
  });
  it('keeps empty fields and quoted empty fields', () => {
    expect(parseCsv('a,,c\n,\n""\n')).toEqual([['a', '', 'c'], ['', ''], ['']]);
  });
  it('drops a byte order mark', () => {
    expect(parseCsv('\uFEFFpc4\n1011\n')).toEqual([['pc4'], ['1011']]);
  });
  it('returns no records for empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
  it('rejects malformed quoting', () => {
    expect(() => parseCsv('"open,1\n')).toThrow(SyntaxError);
    expect(() => parseCsv('"a"b,1\n')).toThrow(SyntaxError);
    expect(() => parseCsv('a"b,1\n')).toThrow(SyntaxError);
  });
});

describe('parseCsvObjects', () => {
  it('keys records by the header', () => {
    expect(parseCsvObjects('pc4,province\n3861,Gelderland\n')).toEqual([{ pc4: '3861', province: 'Gelderland' }]);
  });
  it('rejects records of the wrong width', () => {
    expect(() => parseCsvObjects('a,b\n1\n')).toThrow(/record 2/);
  });
});
