import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import { BilingualError, notFound } from '../../platform/errors.ts';
import { surveyByTokenHash } from '../../read-models/satisfaction-scores.ts';
import { satisfactionSurveys } from './notifications.schema.ts';

const unknownSurvey = () => notFound('Vragenlijst', 'Survey');

/** The survey a customer's link opens: which visit it is about, and their answer if they gave one. */
export async function customerSurvey(db: Db, token: string) {
  const survey = await surveyByTokenHash(db, hashToken(token));
  if (!survey) throw unknownSurvey();
  const { visitId: _visitId, ...shown } = survey;
  return { ...shown, answered: survey.score !== null };
}

/** The customer's score (1 to 10) and remark, once: a second answer is refused, the first one stands. */
export async function answerSurvey(db: Db, token: string, answer: { score: number; remark?: string | undefined }) {
  const tokenHash = hashToken(token);
  const [saved] = await db
    .update(satisfactionSurveys)
    .set({ score: answer.score, remark: answer.remark || null, answeredAt: new Date() })
    .where(and(eq(satisfactionSurveys.tokenHash, tokenHash), isNull(satisfactionSurveys.answeredAt)))
    .returning({ visitId: satisfactionSurveys.visitId });
  if (!saved) {
    if (!(await surveyByTokenHash(db, tokenHash))) throw unknownSurvey();
    throw new BilingualError(409, 'survey_answered', {
      nl: 'U heeft deze vragenlijst al ingevuld. Dank u wel!',
      en: 'You have already answered this survey. Thank you!',
    });
  }
  return customerSurvey(db, token);
}
