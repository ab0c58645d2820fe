import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { LeadIntakeAnswers } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import { PIPELINE_ACTOR } from './process-received-leads.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { leadIntakePhotos, leadIntakes, leads } from './leads.schema.ts';
import { recordSteps } from './lead-timeline.ts';
import { changeLeadStatus } from './change-lead-status.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

async function intakeByToken(db: Db, token: string) {
  const [row] = await db
    .select({ intake: leadIntakes, lead: leads })
    .from(leadIntakes)
    .innerJoin(leads, eq(leads.id, leadIntakes.leadId))
    .where(eq(leadIntakes.tokenHash, hashToken(token)));
  if (!row) throw notFound('Vragenlijst');
  return row;
}

/** What the customer's link shows before answering: whose lead it is, and whether it is done. */
export async function getIntake(db: Db, token: string) {
  const { intake, lead } = await intakeByToken(db, token);
  return { leadNumber: lead.number, firstName: lead.name.split(' ')[0] ?? lead.name, completed: !!intake.completedAt };
}

/**
 * The customer's answers (home situation and meter-cabinet photos) are stored on the lead for the
 * quote. A lead that waited only for this and is otherwise complete is qualified right away.
 */
export async function submitIntake(
  db: Db,
  token: string,
  answers: z.infer<typeof LeadIntakeAnswers>,
  now = new Date(),
) {
  const { intake, lead } = await intakeByToken(db, token);
  if (intake.completedAt) throw conflict('Deze vragenlijst is al ingevuld');
  const { photos, ...rest } = answers;
  return db.transaction(async (tx) => {
    const done = await tx
      .update(leadIntakes)
      .set({ completedAt: now, answers: rest })
      .where(eq(leadIntakes.leadId, lead.id))
      .returning({ id: leadIntakes.leadId });
    if (!done.length) throw notFound('Vragenlijst');
    if (photos.length)
      await tx.insert(leadIntakePhotos).values(
        photos.map((p) => ({
          leadId: lead.id,
          fileName: p.fileName,
          contentType: p.contentType,
          dataBase64: p.dataBase64,
          uploadedAt: now,
        })),
      );
    await recordSteps(
      tx,
      lead.id,
      'Klant',
      [
        {
          step: 'intake_completed',
          sentence: sentence('lead.intake_completed', {
            phases: String(rest.phases),
            meters: rest.distanceCabinetToParkingMeters,
            photos: photos.length,
          }),
        },
      ],
      now,
    );
    await recordAudit(
      tx,
      { ...PIPELINE_ACTOR, name: 'Klant' },
      { action: 'lead.intake_completed', subjectType: 'lead', subjectId: lead.id, after: rest },
    );
    const complete = !!lead.phone && !!lead.street && !!lead.city && !!lead.regionCode;
    if (lead.status === 'awaiting_intake' && complete) {
      await changeLeadStatus(
        tx,
        PIPELINE_ACTOR,
        lead.id,
        {
          to: 'qualified',
          from: ['awaiting_intake'],
          step: 'qualified',
          sentence: sentence('lead.auto_qualified_after_intake', {}),
          set: { qualifiedAt: now },
        },
        now,
      );
    }
    return { leadNumber: lead.number, firstName: lead.name.split(' ')[0] ?? lead.name, completed: true };
  });
}
