import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { newToken, hashToken } from '../../platform/auth/tokens.ts';
import { storeEmail } from '../../platform/mail.ts';
import { leadIntakes } from './leads.schema.ts';

export const intakeUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/intake/${token}`;

/** A reminder gets a fresh link: the old token is replaced, so only the newest mail works. */
export async function resendIntake(
  tx: DbOrTx,
  lead: { id: string; name: string; email: string; number: string },
  publicUrl: string,
  at = new Date(),
) {
  const token = newToken();
  const [row] = await tx.select().from(leadIntakes).where(eq(leadIntakes.leadId, lead.id));
  await tx
    .update(leadIntakes)
    .set({ tokenHash: hashToken(token), remindersSent: (row?.remindersSent ?? 0) + 1, lastReminderAt: at })
    .where(eq(leadIntakes.leadId, lead.id));
  await storeEmail(tx, { ...intakeEmail(lead, intakeUrl(publicUrl, token), true), messageType: 'intake_reminder' });
}

/** Step 6: the intake questionnaire by a tokenised link. The link is in the email only; the table holds its hash. */
export function intakeEmail(lead: { name: string; email: string; number: string }, link: string, reminder: boolean) {
  const first = lead.name.split(' ')[0] ?? lead.name;
  return {
    to: lead.email,
    subject: `${reminder ? 'Herinnering: e' : 'E'}en paar vragen over uw laadpaal (${lead.number})`,
    bodyText: `Beste ${first},\n\nBedankt voor uw aanvraag. Met een paar vragen over uw meterkast en parkeerplek kunnen we u snel een passende offerte sturen:\n${link}\n\nMet vriendelijke groet,\nChargeCars`,
  };
}
