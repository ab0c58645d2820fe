import { describe, expect, it } from 'vitest';
import { amsterdamInstant, quietUntil } from './quiet-hours.ts';

describe('quiet hours (21:00-08:00 Amsterdam)', () => {
  it('lets messages go by day and holds them until 08:00 local, in winter and in summer', () => {
    expect(quietUntil(new Date('2026-12-01T19:59:00Z'))).toBeNull(); // 20:59 CET
    expect(quietUntil(new Date('2026-12-01T20:00:00Z'))).toEqual(new Date('2026-12-02T07:00:00Z')); // 21:00 CET
    expect(quietUntil(new Date('2026-12-01T23:30:00Z'))).toEqual(new Date('2026-12-02T07:00:00Z')); // 00:30 CET, same morning
    expect(quietUntil(new Date('2026-12-02T07:00:00Z'))).toBeNull(); // 08:00 CET
    expect(quietUntil(new Date('2026-07-01T19:30:00Z'))).toEqual(new Date('2026-07-02T06:00:00Z')); // 21:30 CEST
    expect(quietUntil(new Date('2026-07-02T05:59:00Z'))).toEqual(new Date('2026-07-02T06:00:00Z')); // 07:59 CEST
  });
  it('crosses the change to summer time: the night of 28 to 29 March 2026 ends at 08:00 CEST', () => {
    expect(quietUntil(new Date('2026-03-28T21:00:00Z'))).toEqual(new Date('2026-03-29T06:00:00Z'));
    expect(amsterdamInstant('2026-10-25', 8)).toEqual(new Date('2026-10-25T07:00:00Z'));
  });
});
