import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/auth.schema.ts';
import { storeEmails } from '../../platform/mail.ts';
import { formatDutchDate } from '../../platform/calendar.ts';
import { toolsDueForReminder } from '../../read-models/tools-register.ts';

/**
 * The daily reminder to operations: every tool in use whose inspection or calibration is overdue or due
 * within two weeks, in one e-mail per operations user. Its dedupe key is the user and the day, so a run
 * repeated on the same day (a restart, a second instance) sends nothing twice.
 */
export async function remindToolsDue(db: DbOrTx, today: string) {
  const due = await toolsDueForReminder(db, today);
  if (!due.length) return { tools: 0, mails: 0 };
  const ops = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'operations'), eq(users.active, true)));
  const line = (what: string, date: string | null, state: string) =>
    date && state !== 'ok' && state !== 'none'
      ? `${what} ${state === 'overdue' ? 'verlopen sinds' : 'uiterlijk'} ${formatDutchDate(date)}`
      : null;
  const body = due
    .map((t) =>
      [
        `- ${t.code} ${t.type}${t.serialNumber ? ` (${t.serialNumber})` : ''}, ${t.team?.name ?? 'magazijn'}:`,
        [
          line('keuring', t.inspectionDueOn, t.inspectionState),
          line('kalibratie', t.calibrationDueOn, t.calibrationState),
        ]
          .filter(Boolean)
          .join('; '),
      ].join(' '),
    )
    .join('\n');
  const overdue = due.filter((t) => t.inspectionState === 'overdue' || t.calibrationState === 'overdue').length;
  const stored = await storeEmails(
    db,
    ops.map((u) => ({
      to: u.email,
      subject: `Gereedschap: ${overdue} keuring(en) verlopen, ${due.length - overdue} binnenkort`,
      bodyText: `Beste ${u.name},\n\nDeze gereedschappen moeten worden gekeurd of gekalibreerd:\n\n${body}\n\nBoek de keuring in het menu Voorraad > Gereedschap.\n\nChargeCars`,
      dedupeKey: `tool_due:${u.id}:${today}`,
    })),
  );
  return { tools: due.length, mails: stored.length };
}
