import { useState, type FormEvent } from 'react';
import { clsx } from 'clsx';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Textarea } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useAnswerSurvey, useSurvey } from '../api/survey';

const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** The customer's answer to the survey after a visit: a score from 1 to 10 and, if they like, what can be better. */
export function SurveyForm({ token }: { token: string }) {
  const { t, label, formatDate } = useI18n();
  const survey = useSurvey(token);
  const answer = useAnswerSurvey(token);
  const [score, setScore] = useState<number | null>(null);
  const [remark, setRemark] = useState('');
  if (survey.isPending) return <Spinner label={t('common.loading')} />;
  if (survey.isError) return <Notice tone="error">{t('survey.unknown')}</Notice>;
  const s = survey.data;
  const about = t('survey.about', {
    work: label('surveyWork', s.visitType),
    brand: s.brandName,
    visit: s.visitNumber,
    date: s.date ? formatDate(s.date) : '',
  });
  if (s.answered)
    return (
      <Notice tone="success">
        {t('survey.thanks', { score: String(s.score ?? '') })}
        {s.remark ? <span className="mt-1 block break-words italic">“{s.remark}”</span> : null}
      </Notice>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (score !== null) answer.mutate({ score, ...(remark.trim() ? { remark: remark.trim() } : {}) });
  };
  return (
    <Card title={t('survey.hello', { name: s.customerName })}>
      <form onSubmit={submit} className="flex flex-col gap-4" aria-label={t('survey.title')}>
        <p className="text-sm">{about}</p>
        <fieldset>
          <legend className="mb-2 text-sm font-medium">{t('survey.scoreQuestion')}</legend>
          <div className="grid grid-cols-5 gap-2 sm:grid-cols-10">
            {SCORES.map((n) => (
              <label
                key={n}
                className={clsx(
                  'flex h-12 cursor-pointer items-center justify-center rounded-md border text-base font-semibold',
                  'has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
                  score === n ? 'border-brand-700 bg-brand-700 text-white' : 'border-line bg-panel text-ink',
                )}
              >
                <input
                  type="radio"
                  name="score"
                  value={n}
                  className="sr-only"
                  checked={score === n}
                  onChange={() => setScore(n)}
                />
                {n}
              </label>
            ))}
          </div>
          <p className="mt-1 flex justify-between text-xs text-ink-muted">
            <span>{t('survey.low')}</span>
            <span>{t('survey.high')}</span>
          </p>
        </fieldset>
        <Textarea
          label={t('survey.remark')}
          rows={3}
          maxLength={2000}
          value={remark}
          onChange={(e) => setRemark(e.target.value)}
        />
        <Button type="submit" className="self-start" disabled={score === null} busy={answer.isPending}>
          {t('survey.send')}
        </Button>
        {answer.isError ? <ErrorNotice error={answer.error} /> : null}
      </form>
    </Card>
  );
}
