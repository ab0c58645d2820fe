import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Modal } from '../../../design/modal';
import { Spinner } from '../../../design/status-message';
import { ErrorNotice } from '../../../design/error-notice';
import { useI18n } from '../../../lib/i18n/i18n';
import { useVisitOptions, type Card, type Slot } from '../api/planning-board';

/**
 * The best few slots for one visit (the engine's insertion, each checked), to plan with one click or key;
 * with `resultHref`, also the way to what the team recorded on it.
 */
export function VisitOptionsDialog({
  card,
  onClose,
  onPick,
  resultHref,
}: {
  card: Card | null;
  onClose: () => void;
  onPick: (card: Card, slot: Slot) => void;
  resultHref?: ((visitId: string) => string) | undefined;
}) {
  const { t } = useI18n();
  const options = useVisitOptions(card?.id ?? null);
  return (
    <Modal
      open={card !== null}
      onOpenChange={(open) => !open && onClose()}
      title={t('planning.optionsTitle', { number: card?.number ?? '' })}
    >
      {card && resultHref ? (
        <p className="mb-3 text-sm">
          <Link className="text-brand-700 underline" to={resultHref(card.id)}>
            {t('visitResult.open')}
          </Link>
        </p>
      ) : null}
      {options.isPending ? <Spinner label={t('planning.options')} /> : null}
      {options.error ? <ErrorNotice error={options.error} /> : null}
      {options.data && options.data.options.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('planning.noOptions')}</p>
      ) : null}
      <ul className="flex flex-col gap-2" data-testid="options">
        {options.data?.options.map((o) => (
          <li key={`${o.teamId}${o.date}${o.block}`} className="flex items-center justify-between gap-2 text-sm">
            <span>
              {t('planning.optionLine', {
                date: o.date,
                block: t(o.block === 'morning' ? 'planning.morning' : 'planning.afternoon').toLowerCase(),
                team: o.teamName,
                km: o.addedKm,
              })}
            </span>
            <Button size="sm" onClick={() => card && onPick(card, { teamId: o.teamId, date: o.date, block: o.block })}>
              {t('planning.planHere')}
            </Button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
