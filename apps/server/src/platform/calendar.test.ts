import { describe, expect, it } from 'vitest';
import { monthBounds, monthName } from './calendar.ts';

describe('months', () => {
  it('are written by name on documents, not as YYYY-MM', () => {
    expect(monthName('2026-11')).toBe('november 2026');
    expect(monthName('2027-01')).toBe('januari 2027');
  });
  it('run from their first to their last day', () => {
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
