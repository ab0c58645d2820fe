import { useState } from 'react';
import type { z } from 'zod';
import type { ChecklistItem } from '@chargecars/contract';
import { Button } from '../../../design/button';
import { useI18n } from '../../../lib/i18n/i18n';
import type { FieldVisit } from '../store/field-db';
import { enqueue } from '../store/sync-engine';
import { PhotoButton } from './photo-button';

type Item = z.infer<typeof ChecklistItem>;

/** One step: a yes/no, a measurement within its limits, a text, or a photo. */
export function ChecklistStep({ visit, item }: { visit: FieldVisit; item: Item }) {
  const { t, localized } = useI18n();
  const name = localized(item.label, item.labelEn);
  const answer = visit.execution.answers[item.key]?.value;
  const [draft, setDraft] = useState(answer === undefined ? '' : String(answer));
  const photos = visit.execution.photos.filter((p) => p.step === item.key).length;
  const outOfRange =
    typeof answer === 'number' &&
    ((item.min !== undefined && answer < item.min) || (item.max !== undefined && answer > item.max));
  const send = (value: boolean | number | string) => enqueue(visit.id, { kind: 'answer', field: item.key, value });
  return (
    <li className="rounded-lg border border-line bg-panel p-3">
      <p className="font-medium">
        {name}
        {item.unit ? ` (${item.unit})` : ''}
        {item.mandatory ? <span className="ml-2 text-xs text-danger-700">{t('field.mandatory')}</span> : null}
      </p>
      {item.kind === 'check' ? (
        <div className="mt-2 flex gap-2" role="group" aria-label={name}>
          {[true, false].map((v) => (
            <Button
              key={String(v)}
              variant={answer === v ? 'primary' : 'secondary'}
              aria-pressed={answer === v}
              className="h-12 flex-1 text-base"
              onClick={() => void send(v)}
            >
              {v ? t('field.yes') : t('field.no')}
            </Button>
          ))}
        </div>
      ) : item.kind === 'photo' ? (
        <div className="mt-2 flex items-center gap-3">
          <PhotoButton onPhoto={(sha256) => void enqueue(visit.id, { kind: 'photo', sha256, step: item.key })} />
          <span className="text-sm text-ink-muted">{t('field.photos', { count: photos })}</span>
        </div>
      ) : (
        <form
          className="mt-2 flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (item.kind === 'number') {
              const n = Number(draft.replace(',', '.'));
              if (draft.trim() !== '' && Number.isFinite(n)) void send(n);
            } else if (draft.trim()) void send(draft.trim());
          }}
        >
          <input
            aria-label={name}
            inputMode={item.kind === 'number' ? 'decimal' : 'text'}
            className="block h-12 min-w-0 flex-1 rounded-md border border-line px-3 text-base"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <Button type="submit" className="h-12 text-base">
            {t('field.save')}
          </Button>
        </form>
      )}
      {outOfRange ? (
        <p className="mt-1 text-sm text-danger-700">
          {item.min}–{item.max} {item.unit}
        </p>
      ) : null}
    </li>
  );
}
