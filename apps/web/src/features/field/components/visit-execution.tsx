import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { VISIT_OUTCOMES } from '@chargecars/contract';
import { Button } from '../../../design/button';
import { useI18n } from '../../../lib/i18n/i18n';
import { fieldDb, getMeta, type Templates } from '../store/field-db';
import { openCheckpoints, withPending } from '../store/local-view';
import { enqueue } from '../store/sync-engine';
import { useLive } from '../store/use-live';
import { ChecklistStep } from './checklist-step';
import { PartsUsed } from './parts-used';
import { PhotoButton } from './photo-button';
import { VisitContact } from './visit-contact';

const SignatureField = lazy(() => import('./signature-field').then((m) => ({ default: m.SignatureField })));
const ISSUE_CATEGORIES = ['material', 'access', 'customer', 'safety', 'other'] as const;
type Outcome = (typeof VISIT_OUTCOMES)[number];

/** Working one visit: on the way, arrive, checklist, parts, issue, signature, satisfaction, outcome. All offline. */
export function VisitExecution() {
  const { t, formatTime, localized } = useI18n();
  const { id = '' } = useParams();
  const data = useLive(
    async () => ({
      visit: await fieldDb.visits.get(id),
      queued: await fieldDb.outbox.where('visitId').equals(id).sortBy('seq'),
      templates: await getMeta<Templates>('templates'),
    }),
    id,
  );
  const [outcome, setOutcome] = useState<Outcome>('completed');
  const [reason, setReason] = useState('');
  const [issueCategory, setIssueCategory] = useState<(typeof ISSUE_CATEGORIES)[number]>('material');
  const [issueNote, setIssueNote] = useState('');
  const [issuePhoto, setIssuePhoto] = useState<string | null>(null);
  if (!data) return null;
  if (!data.visit)
    return (
      <Link to="/technician" className="text-brand-700 underline">
        {t('field.back')}
      </Link>
    );
  const visit = withPending(data.visit, data.queued);
  const e = visit.execution;
  const missing = openCheckpoints(visit, data.templates, {
    nameOf: (step) => localized(step.label, step.labelEn),
    signature: t('field.signature'),
  });
  const finished = e.outcome !== null;
  return (
    <div className="space-y-6 pb-8">
      <Link to="/technician" className="inline-block py-2 text-brand-700 underline">
        {t('field.back')}
      </Link>
      <VisitContact visit={visit} />
      {!e.arrivedAt && visit.status === 'scheduled' ? (
        e.onTheWayAt ? (
          <p className="rounded-md bg-surface px-3 py-2">
            {t('field.onTheWaySince', {
              time: formatTime(e.onTheWayAt),
            })}
          </p>
        ) : (
          <Button
            variant="secondary"
            className="h-14 w-full text-lg"
            onClick={() => void enqueue(visit.id, { kind: 'on_the_way' })}
          >
            {t('field.onTheWay')}
          </Button>
        )
      ) : null}
      {e.arrivedAt ? (
        <p className="rounded-md bg-surface px-3 py-2">
          {t('field.arrivedAt', {
            time: formatTime(e.arrivedAt),
          })}
        </p>
      ) : (
        <Button className="h-14 w-full text-lg" onClick={() => void enqueue(visit.id, { kind: 'arrive' })}>
          {t('field.arrive')}
        </Button>
      )}
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t('field.checklist')}</h2>
        <ol className="space-y-3">
          {(data.templates?.[visit.type] ?? []).map((item) => (
            <ChecklistStep key={item.key} visit={visit} item={item} />
          ))}
        </ol>
      </section>
      <PartsUsed visit={visit} />
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t('field.issue')}</h2>
        {e.issues.map((i) => (
          <p key={i.commandId} className="rounded-md bg-surface px-3 py-2">
            {t(`field.issue.${i.category as (typeof ISSUE_CATEGORIES)[number]}`)}: {i.note}
          </p>
        ))}
        <label className="block text-sm font-medium">
          {t('field.issueCategory')}
          <select
            className="mt-1 block h-12 w-full rounded-md border border-line bg-panel px-3 text-base"
            value={issueCategory}
            onChange={(ev) => setIssueCategory(ev.target.value as (typeof ISSUE_CATEGORIES)[number])}
          >
            {ISSUE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`field.issue.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t('field.issueNote')}
          <textarea
            className="mt-1 block w-full rounded-md border border-line px-3 py-2 text-base"
            rows={2}
            value={issueNote}
            onChange={(ev) => setIssueNote(ev.target.value)}
          />
        </label>
        <div className="flex gap-2">
          <PhotoButton onPhoto={setIssuePhoto} label={issuePhoto ? '✓' : undefined} />
          <Button
            variant="secondary"
            className="h-12 flex-1 text-base"
            disabled={!issueNote.trim()}
            onClick={() => {
              void enqueue(visit.id, {
                kind: 'issue',
                category: issueCategory,
                note: issueNote.trim(),
                photoSha256: issuePhoto,
              });
              setIssueNote('');
              setIssuePhoto(null);
            }}
          >
            {t('field.issue')}
          </Button>
        </div>
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t('field.signature')}</h2>
        {e.signature ? (
          <p className="rounded-md bg-surface px-3 py-2">{t('field.signed', { name: e.signature.signerName })}</p>
        ) : (
          <Suspense fallback={null}>
            <SignatureField
              onSigned={async (signerName, image, strokes) => {
                const { keepPhoto } = await import('../store/sync-engine');
                const imageSha256 = await keepPhoto(image);
                await enqueue(visit.id, { kind: 'signature', signerName, imageSha256, strokes });
              }}
            />
          </Suspense>
        )}
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t('field.satisfaction')}</h2>
        <div className="flex gap-2" role="group" aria-label={t('field.satisfaction')}>
          {[1, 2, 3, 4, 5].map((score) => (
            <Button
              key={score}
              variant={e.satisfaction === score ? 'primary' : 'secondary'}
              aria-pressed={e.satisfaction === score}
              className="h-14 flex-1 text-lg"
              onClick={() => void enqueue(visit.id, { kind: 'satisfaction', score })}
            >
              {score}
            </Button>
          ))}
        </div>
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t('field.outcome')}</h2>
        {finished ? (
          <p className="rounded-md bg-brand-50 px-3 py-2 font-medium">
            {t('field.done', { outcome: t(`field.outcome.${e.outcome!}`) })}
          </p>
        ) : (
          <>
            <label className="block text-sm font-medium">
              {t('field.outcome')}
              <select
                className="mt-1 block h-12 w-full rounded-md border border-line bg-panel px-3 text-base"
                value={outcome}
                onChange={(ev) => setOutcome(ev.target.value as Outcome)}
              >
                {VISIT_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`field.outcome.${o}`)}
                  </option>
                ))}
              </select>
            </label>
            {outcome !== 'completed' ? (
              <label className="block text-sm font-medium">
                {t('field.reason')}
                <input
                  className="mt-1 block h-12 w-full rounded-md border border-line px-3 text-base"
                  value={reason}
                  onChange={(ev) => setReason(ev.target.value)}
                />
              </label>
            ) : missing.length ? (
              <div className="rounded-md border border-warning-600 bg-warning-50 px-3 py-2 text-sm">
                <p className="font-medium">{t('field.missing')}</p>
                <ul className="list-disc pl-5">
                  {missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <Button
              className="h-14 w-full text-lg"
              disabled={outcome === 'completed' ? missing.length > 0 : !reason.trim()}
              onClick={() =>
                void enqueue(visit.id, {
                  kind: 'outcome',
                  outcome,
                  reason: outcome === 'completed' ? null : reason.trim(),
                })
              }
            >
              {t('field.finish')}
            </Button>
          </>
        )}
      </section>
    </div>
  );
}
