import { useI18n } from '../../../lib/i18n/i18n';

type Side = Record<string, unknown> | null;
const asSide = (v: unknown): Side => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Side) : null);

/**
 * What won and what lost in a case, read from the sides the sync recorded: an answer's value, a
 * status, an outcome with its reason, a serial, an arrival, or the server's message. A checklist case
 * names its step as people read it, never by its key (issue 16); a serial case shows the serial.
 */
export function FieldCaseWhat({
  fieldCase,
}: {
  fieldCase: {
    kind: string;
    field: string | null;
    fieldLabel: { nl: string; en: string; unit: string | null } | null;
    winner: unknown;
    loser: unknown;
  };
}) {
  const { t, label, localized, formatDateTime, formatNumber } = useI18n();
  const describe = (side: Side): string | null => {
    if (!side) return null;
    const parts: string[] = [];
    if ('value' in side)
      parts.push(
        side.value === true
          ? t('visitResult.yes')
          : side.value === false
            ? t('visitResult.no')
            : typeof side.value === 'number' && fieldCase.fieldLabel?.unit
              ? `${formatNumber(side.value)} ${fieldCase.fieldLabel.unit}`
              : String(side.value),
      );
    if (typeof side.status === 'string') parts.push(label('visitStatus', side.status));
    if (typeof side.outcome === 'string') parts.push(label('field.outcome', side.outcome));
    if (typeof side.reason === 'string' && side.reason) parts.push(side.reason);
    if (typeof side.serialNumber === 'string') parts.push(side.serialNumber);
    if (typeof side.arrivedAt === 'string')
      parts.push(`${t('visitResult.arrivedAt')} ${formatDateTime(side.arrivedAt)}`);
    if (typeof side.message === 'string') parts.push(side.message);
    return parts.length ? parts.join(' · ') : null;
  };
  const kept = describe(asSide(fieldCase.winner));
  const lost = describe(asSide(fieldCase.loser));
  return (
    <span className="block">
      {fieldCase.fieldLabel ? (
        <span className="block">{localized(fieldCase.fieldLabel.nl, fieldCase.fieldLabel.en)}</span>
      ) : fieldCase.kind === 'serial_twice' && fieldCase.field ? (
        <span className="font-mono text-xs">{fieldCase.field}</span>
      ) : null}
      {kept ? <span className="block">{t('fieldCase.kept', { value: kept })}</span> : null}
      {lost ? <span className="block">{t('fieldCase.lost', { value: lost })}</span> : null}
    </span>
  );
}
