import { describe, expect, it } from 'vitest';
import { AppError, requestLanguage } from './errors.ts';

describe('the language of a refusal', () => {
  it('is English only when Accept-Language prefers English to Dutch', () => {
    expect(requestLanguage(undefined)).toBe('nl');
    expect(requestLanguage('en')).toBe('en');
    expect(requestLanguage('en-GB,en;q=0.9,nl;q=0.8')).toBe('en');
    expect(requestLanguage('nl-NL,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(requestLanguage('nl;q=0.5, en;q=0.9')).toBe('en');
    expect(requestLanguage('de-DE,fr')).toBe('nl');
    expect(requestLanguage('*')).toBe('nl');
  });

  it('falls back to Dutch where no English was written, per message and per field', () => {
    const error = new AppError(
      422,
      'x',
      'Te veel',
      [
        { field: 'a', message: 'te hoog' },
        { field: 'b', message: 'fout' },
      ],
      {
        message: 'Too much',
        errors: { a: 'too high' },
      },
    );
    expect(error.in('en')).toEqual({
      message: 'Too much',
      errors: [
        { field: 'a', message: 'too high' },
        { field: 'b', message: 'fout' },
      ],
    });
    expect(error.in('nl').message).toBe('Te veel');
    expect(new AppError(409, 'y', 'Alleen Nederlands').in('en').message).toBe('Alleen Nederlands');
  });
});
