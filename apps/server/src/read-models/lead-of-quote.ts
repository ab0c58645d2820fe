import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { leadIntakes, leads } from '../modules/leads/leads.schema.ts';

/**
 * The lead a quote was made from, as the quote page shows it to staff: its number, the notes taken with it
 * and the customer's intake answers (meter cabinet, phases, distance, parking, remarks). Photos stay on the lead.
 */
export async function leadOfQuote(db: DbOrTx, leadId: string) {
  const [row] = await db
    .select({ id: leads.id, number: leads.number, notes: leads.notes, answers: leadIntakes.answers })
    .from(leads)
    .leftJoin(leadIntakes, eq(leadIntakes.leadId, leads.id))
    .where(eq(leads.id, leadId));
  if (!row) return null;
  // Photos are kept as their own rows; the answers here are the questionnaire's text and numbers.
  const { photos: _photos, ...answers } = row.answers ?? {};
  return { id: row.id, number: row.number, notes: row.notes, intakeAnswers: row.answers ? answers : null };
}
