import { addDaysToDate } from '../platform/calendar.ts';
import { amsterdamInstant } from '../platform/messaging/quiet-hours.ts';

/**
 * A day for a message sender's test clock: the first day whose noon in Amsterdam is at least an hour
 * from now. The sender sends only what is due by its clock, and messages are due from the moment they
 * are stored (the real time); a clock fixed on a calendar day, or at noon today, stops sending once the
 * real time passes it, so a suite that passed in the morning failed in the afternoon, and would have
 * failed for good once the date had passed.
 */
export function awakeDay(from = new Date()): { day: string; noon: Date; at: (hour: number, minutes?: number) => Date } {
  let day = from.toISOString().slice(0, 10);
  while (amsterdamInstant(day, 12).getTime() < from.getTime() + 60 * 60_000) day = addDaysToDate(day, 1);
  return {
    day,
    noon: amsterdamInstant(day, 12),
    at: (hour, minutes = 0) => new Date(amsterdamInstant(day, hour).getTime() + minutes * 60_000),
  };
}
