import type { z } from 'zod';
import type { ChecklistItem } from '@chargecars/contract';
import { TableScroll } from '../../../design/table-scroll';
import { useI18n } from '../../../lib/i18n/i18n';
import type { VisitResultView } from '../api/field-ops';
import { PhotoThumbnail } from './photo-thumbnail';

type Item = z.infer<typeof ChecklistItem>;
type Verdict = 'passed' | 'failed' | 'missing' | 'notAnswered';

/** How an answer stands against its step: a mandatory step unanswered blocks completion, as on the phone. */
function verdictOf(item: Item, value: unknown, photos: number): Verdict {
  const answered = item.kind === 'photo' ? photos > 0 : value !== undefined && value !== '';
  if (!answered) return item.mandatory ? 'missing' : 'notAnswered';
  if (item.kind === 'check' && value === false && item.mandatory) return 'failed';
  if (item.kind === 'number' && typeof value === 'number')
    if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max)) return 'failed';
  return 'passed';
}
const TONE: Record<Verdict, string> = {
  passed: 'text-brand-700',
  failed: 'font-semibold text-danger-700',
  missing: 'font-semibold text-danger-700',
  notAnswered: 'text-ink-muted',
};

/** Every step of the visit type's checklist with the answer, the limits, photos and whether it passed. */
export function ChecklistResult({ result }: { result: VisitResultView }) {
  const { t, localized } = useI18n();
  const { answers, photos } = result.execution;
  const show = (value: unknown, unit?: string) =>
    value === true
      ? t('visitResult.yes')
      : value === false
        ? t('visitResult.no')
        : value === undefined
          ? t('visitResult.none')
          : `${String(value)}${unit ? ` ${unit}` : ''}`;
  return (
    <TableScroll label={t('visitResult.checklist')}>
      <table className="w-full text-sm">
        <thead className="text-left text-ink-muted">
          <tr>
            <th className="px-2 py-1">{t('visitResult.step')}</th>
            <th className="px-2 py-1">{t('visitResult.answer')}</th>
            <th className="px-2 py-1">{t('visitResult.limits')}</th>
            <th className="px-2 py-1">{t('visitResult.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {result.checklist.map((item) => {
            const value = answers[item.key]?.value;
            const stepPhotos = photos.filter((p) => p.step === item.key);
            const verdict = verdictOf(item, value, stepPhotos.length);
            const name = localized(item.label, item.labelEn);
            return (
              <tr key={item.key} className="border-t border-line align-top">
                <th scope="row" className="px-2 py-2 text-left font-normal">
                  {name}
                  {item.mandatory ? (
                    <span className="ml-1 text-xs text-ink-muted">({t('visitResult.mandatory')})</span>
                  ) : null}
                </th>
                <td className="px-2 py-2">
                  {item.kind === 'photo' ? (
                    <div className="flex flex-wrap gap-2">
                      {stepPhotos.map((p) => (
                        <PhotoThumbnail
                          key={p.sha256}
                          sha256={p.sha256}
                          label={t('visitResult.photoOf', { step: name })}
                        />
                      ))}
                      {stepPhotos.length ? null : t('visitResult.none')}
                    </div>
                  ) : (
                    show(value, item.unit)
                  )}
                </td>
                <td className="px-2 py-2 whitespace-nowrap">
                  {item.min !== undefined || item.max !== undefined
                    ? `${item.min ?? ''}–${item.max ?? ''} ${item.unit ?? ''}`
                    : t('visitResult.none')}
                </td>
                <td className={`px-2 py-2 ${TONE[verdict]}`}>{t(`visitResult.${verdict}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
