import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { newToken, hashToken } from '../../platform/auth/tokens.ts';
import { storeEmail, type OutgoingEmail } from '../../platform/mail.ts';
import type { Brand } from '../../platform/messaging/templates/email-layout.ts';
import { overridesOf, renderWith, type TemplateOverrides } from '../../platform/messaging/templates/render-message.ts';
import { messageBrandsById } from '../../read-models/message-brands.ts';
import { customerLanguage } from '../../read-models/message-recipients.ts';
import { leadIntakes } from './leads.schema.ts';

export const intakeUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/intake/${token}`;

/** A reminder gets a fresh link: the old token is replaced, so only the newest mail works. */
export async function resendIntake(
  tx: DbOrTx,
  lead: { id: string; name: string; email: string; number: string; entityId: string; customerId: string | null },
  publicUrl: string,
  at = new Date(),
) {
  const token = newToken();
  const [row] = await tx.select().from(leadIntakes).where(eq(leadIntakes.leadId, lead.id));
  await tx
    .update(leadIntakes)
    .set({ tokenHash: hashToken(token), remindersSent: (row?.remindersSent ?? 0) + 1, lastReminderAt: at })
    .where(eq(leadIntakes.leadId, lead.id));
  const brand = (await messageBrandsById(tx, [lead.entityId])).get(lead.entityId)!;
  const overrides = await overridesOf(tx, 'intake_reminder');
  const language = lead.customerId ? await customerLanguage(tx, lead.customerId) : 'nl';
  await storeEmail(tx, intakeEmail(lead, brand, intakeUrl(publicUrl, token), 'intake_reminder', overrides, language));
}

/**
 * Step 6: the intake questionnaire by a tokenised link, in the language of the customer the lead belongs to
 * (Dutch for a new one). The link is in the email only; the table holds its hash.
 */
export function intakeEmail(
  lead: { name: string; email: string; number: string; customerId: string | null },
  brand: Brand,
  link: string,
  type: 'intake_invitation' | 'intake_reminder',
  overrides: TemplateOverrides,
  language: 'nl' | 'en',
): OutgoingEmail {
  const firstName = lead.name.split(' ')[0] ?? lead.name;
  return {
    to: lead.email,
    customerId: lead.customerId,
    ...renderWith(overrides, {
      type,
      language,
      brand,
      values: { firstName, leadNumber: lead.number, link },
    }),
  };
}
