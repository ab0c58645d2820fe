import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { todayInAmsterdam } from '../platform/calendar.ts';
import type { Actor } from '../platform/http/actor.ts';
import { isStaff } from '../platform/http/actor.ts';
import { addresses, customers } from '../modules/crm/crm.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { teams, visits } from '../modules/planning/planning.schema.ts';

/** Today's date in Europe/Amsterdam, where planning lives. */

/** The visits of a day: a technician always gets their own team's; staff may pick a team. */
export async function listVisits(
  db: DbOrTx,
  actor: Actor,
  opts: { date?: string | undefined; teamId?: string | undefined },
) {
  const date = opts.date ?? todayInAmsterdam();
  const where: SQL[] = [eq(visits.scheduledDate, date)];
  if (actor.role === 'technician') where.push(actor.teamId ? eq(visits.teamId, actor.teamId) : sql`false`);
  else if (!isStaff(actor)) where.push(sql`false`);
  else if (opts.teamId) where.push(eq(visits.teamId, opts.teamId));
  const rows = await db
    .select({
      id: visits.id,
      number: visits.number,
      orderNumber: orders.number,
      type: visits.type,
      status: visits.status,
      date: visits.scheduledDate,
      block: visits.block,
      teamId: visits.teamId,
      teamName: teams.name,
      customerName: customers.name,
      phone: customers.phone,
      street: addresses.street,
      houseNumber: addresses.houseNumber,
      houseNumberAddition: addresses.houseNumberAddition,
      postcode: addresses.postcode,
      city: addresses.city,
      lat: addresses.lat,
      lon: addresses.lon,
      durationMinutes: visits.durationMinutes,
      notes: visits.instructions,
    })
    .from(visits)
    .innerJoin(orders, eq(orders.id, visits.orderId))
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(addresses, eq(addresses.id, visits.addressId))
    .leftJoin(teams, eq(teams.id, visits.teamId))
    .where(and(...where))
    .orderBy(asc(teams.name), sql`case ${visits.block} when 'morning' then 0 else 1 end`, asc(visits.number))
    .limit(500);
  return { items: rows, total: rows.length, page: 1, pageSize: 500 };
}
