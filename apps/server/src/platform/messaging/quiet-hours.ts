import { addDaysToDate, todayInAmsterdam } from '../calendar.ts';

/** No SMS or WhatsApp from 21:00 until 08:00 Amsterdam time: such messages wait for the morning. */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

const hourInAmsterdam = (at: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' }).format(at),
  );

/** The UTC instant of a wall-clock hour on a local day in Amsterdam (its offset that day, summer or winter). */
export function amsterdamInstant(date: string, hour: number): Date {
  const guess = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
    .formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+01:00"
  // "GMT" alone is an offset of zero (never so in Amsterdam, but the format allows it).
  const [, sign = '+', hh = '0', mm = '0'] = offset.match(/GMT([+-])(\d{2}):(\d{2})/) ?? [];
  const minutes = (Number(hh) * 60 + Number(mm)) * (sign === '-' ? -1 : 1);
  return new Date(guess.getTime() - minutes * 60_000);
}

/** When a phone message may go if it is quiet now; null when it may go at once. */
export function quietUntil(now: Date): Date | null {
  const hour = hourInAmsterdam(now);
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return null;
  const today = todayInAmsterdam(now);
  return amsterdamInstant(hour >= QUIET_FROM_HOUR ? addDaysToDate(today, 1) : today, QUIET_UNTIL_HOUR);
}
