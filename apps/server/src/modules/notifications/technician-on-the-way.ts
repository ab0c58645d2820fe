import type { Db } from '../../platform/db/client.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { storeEmail } from '../../platform/mail.ts';
import type { MessageChannel } from '../../platform/mail.schema.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { technicianDeparture } from '../../read-models/technician-route-point.ts';
import { visitAsCustomerSeesIt, type ScheduledVisit } from '../../read-models/visit-reminders.ts';
import type { TravelProvider } from '../planning/index.ts';
import { visitAddress, visitHours, visitWork } from './visit-reminders.ts';

const FIVE_MINUTES = 5 * 60_000;

const clock = (at: Date) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(at);

/**
 * The channel a customer hears it on: a text message on their phone if they take SMS, else WhatsApp if they
 * opted in to it, else e-mail (without a choice of their own: e-mail and SMS, so SMS).
 */
function channelFor(v: ScheduledVisit): MessageChannel {
  const channels = v.channels ?? ['email', 'sms'];
  if (v.phone && channels.includes('sms')) return 'sms';
  if (v.phone && channels.includes('whatsapp') && v.whatsappOptInAt) return 'whatsapp';
  return 'email';
}

/**
 * When the team will be there: the moment it set out plus the travel time (the configured travel provider:
 * OSRM's road times, else straight line x 1.3 at 60 km/h) from the last stop it reached that day, or from
 * its base for the day's first visit; rounded up to five minutes. Null when a location or the travel time is unknown.
 */
async function arrivalEstimate(
  travel: TravelProvider,
  departure: NonNullable<Awaited<ReturnType<typeof technicianDeparture>>>,
  v: ScheduledVisit,
): Promise<Date | null> {
  if (v.lat === null || v.lon === null) return null;
  const points = [
    { lat: departure.from.lat, lon: departure.from.lon },
    { lat: v.lat, lon: v.lon },
  ];
  // A travel service that is down costs the customer the exact time, not the message.
  const matrix = await travel.matrix(points).catch(() => null);
  const minutes = Number(matrix?.durations[1]);
  if (!Number.isFinite(minutes)) return null;
  const at = departure.onTheWayAt.getTime() + minutes * 60_000;
  return new Date(Math.ceil(at / FIVE_MINUTES) * FIVE_MINUTES);
}

/**
 * When the technician taps "Onderweg" the customer hears it, with the time they may expect the team, on the
 * channel their preferences give. Once per visit (its dedupe key), however often the team taps or the event
 * comes. Nothing is said once the team has arrived, or when the phone synced so late that the estimate has
 * passed; without a known location the message names the agreed time block instead of a time.
 */
export async function tellCustomerTechnicianOnTheWay(
  db: Db,
  event: RelayedEvent<'visit.executed'>,
  travel: TravelProvider,
  now = new Date(),
) {
  if (event.data.kind !== 'on_the_way') return;
  const v = await visitAsCustomerSeesIt(db, event.subjectId);
  if (!v || v.status !== 'scheduled') return;
  const departure = await technicianDeparture(db, v.id);
  if (!departure || departure.arrivedAt) return;
  const estimate = await arrivalEstimate(travel, departure, v);
  if (estimate && estimate.getTime() < now.getTime()) return;
  const language = v.language ?? 'nl';
  const [from, to] = visitHours(v);
  const arrival = estimate
    ? language === 'nl'
      ? `rond ${clock(estimate)} uur`
      : `around ${clock(estimate)}`
    : language === 'nl'
      ? `binnen de afgesproken tijd, ${from}:00–${to}:00 uur`
      : `within the agreed time, ${from}:00–${to}:00`;
  const channel = channelFor(v);
  await storeEmail(db, {
    to: channel === 'email' ? v.email : v.phone!,
    customerId: v.customerId,
    dedupeKey: `technician_on_the_way:${v.id}`,
    ...(await renderMessage(db, {
      type: 'technician_on_the_way',
      channel,
      language,
      brand: v.entity,
      values: {
        customerName: v.customerName,
        visitNumber: v.number,
        work: visitWork(v, language),
        address: visitAddress(v),
        arrival,
      },
    })),
  });
}
