import { useI18n } from '../../../lib/i18n/i18n';
import type { FieldVisit } from '../store/field-db';

const addressLine = (v: FieldVisit) =>
  `${v.address.street} ${v.address.houseNumber}${v.address.houseNumberAddition ?? ''}, ${v.address.postcode} ${v.address.city}`;

/** Who and where: call the customer, or open the phone's maps app at the address. */
export function VisitContact({ visit }: { visit: FieldVisit }) {
  const { t, formatNumber, localized } = useI18n();
  const destination =
    visit.address.lat !== null && visit.address.lon !== null
      ? `${visit.address.lat},${visit.address.lon}`
      : addressLine(visit);
  return (
    <div className="space-y-2">
      <h1 className="text-xl font-semibold">{visit.customer.name}</h1>
      <p>{addressLine(visit)}</p>
      <p className="text-sm text-ink-muted">
        {visit.number} · {visit.orderNumber}
      </p>
      <div className="flex gap-2">
        {visit.customer.phone ? (
          <a
            href={`tel:${visit.customer.phone}`}
            className="inline-flex h-12 flex-1 items-center justify-center rounded-md border border-line bg-panel font-medium"
          >
            {t('field.call')}
          </a>
        ) : null}
        <a
          href={`https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`}
          target="_blank"
          rel="noreferrer"
          className="inline-flex h-12 flex-1 items-center justify-center rounded-md border border-line bg-panel font-medium"
        >
          {t('field.navigate')}
        </a>
      </div>
      {visit.instructions ? (
        <p className="rounded-md border border-warning-600 bg-warning-50 px-3 py-2">
          <span className="font-medium">{t('field.instructions')}: </span>
          {visit.instructions}
        </p>
      ) : null}
      {visit.lines.length ? (
        <details>
          <summary className="cursor-pointer py-2 font-medium">{t('field.materials')}</summary>
          <ul className="list-disc pl-5 text-sm">
            {visit.lines.map((l, i) => (
              <li key={i}>
                {formatNumber(l.quantity)} × {localized(l.description, l.descriptionEn)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
