import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { PageHeader } from '../../../design/page-header';
import { Spinner } from '../../../design/status-message';
import { TableScroll } from '../../../design/table-scroll';
import { useI18n } from '../../../lib/i18n/i18n';
import { photoUrl, reportUrl, useVisitResult } from '../api/field-ops';
import { ChecklistResult } from './checklist-result';
import { FieldCaseWhat } from './field-case-what';
import { PhotoThumbnail } from './photo-thumbnail';

/**
 * What the team did on one visit, as ops check it: arrival, the checklist against its limits with the
 * photos, the parts with their serials, the issues, the customer's signature and rating, the outcome,
 * the installation report and the cases the sync left.
 */
export function VisitResult({
  visitId,
  orderHref,
  above,
}: {
  visitId: string;
  orderHref: (orderId: string) => string;
  above?: (visit: { number: string; orderId: string; orderNumber: string }) => ReactNode;
}) {
  const { t, label, localized, formatDateTime, formatDay } = useI18n();
  const query = useVisitResult(visitId);
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} notFound={t('visitResult.notFound')} />;
  const result = query.data;
  const { visit, execution: x } = result;
  const stepKeys = new Set(result.checklist.map((i) => i.key));
  const otherPhotos = x.photos.filter((p) => !stepKeys.has(p.step));
  return (
    <div className="flex flex-col gap-4">
      {above?.(visit)}
      <PageHeader
        title={t('visitResult.title', { number: visit.number })}
        subtitle={[
          label('visitType', visit.type),
          label('visitStatus', visit.status),
          visit.date ? `${formatDay(visit.date)}${visit.block ? `, ${label('block', visit.block)}` : ''}` : null,
          visit.teamName,
          `${visit.customerName}, ${visit.address}`,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <div className="flex flex-wrap gap-3 text-sm">
            <Link className="text-brand-700 hover:underline" to={orderHref(visit.orderId)}>
              {t('visitResult.order', { number: visit.orderNumber })}
            </Link>
            {result.reportAvailable ? (
              <a className="text-brand-700 hover:underline" href={reportUrl(visitId)} target="_blank" rel="noreferrer">
                {t('visitResult.report')}
              </a>
            ) : null}
          </div>
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={t('visitResult.progress')}>
          <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-ink-muted">{t('visitResult.arrivedAt')}</dt>
            <dd>{x.arrivedAt ? formatDateTime(x.arrivedAt) : t('visitResult.notArrived')}</dd>
            <dt className="text-ink-muted">{t('visitResult.outcome')}</dt>
            <dd>{x.outcome ? label('field.outcome', x.outcome) : t('visitResult.noOutcome')}</dd>
            {x.outcomeReason ? (
              <>
                <dt className="text-ink-muted">{t('visitResult.reason')}</dt>
                <dd>{x.outcomeReason}</dd>
              </>
            ) : null}
            <dt className="text-ink-muted">{t('visitResult.satisfaction')}</dt>
            <dd>{x.satisfaction ? t('visitResult.score', { score: x.satisfaction }) : t('visitResult.none')}</dd>
          </dl>
        </Card>
        <Card title={t('visitResult.signature')}>
          {x.signature ? (
            <figure className="flex flex-col gap-2">
              <img
                src={photoUrl(x.signature.imageSha256)}
                alt={t('visitResult.signatureOf', { name: x.signature.signerName })}
                className="h-32 w-auto max-w-full self-start rounded-md border border-line bg-white object-contain"
              />
              <figcaption className="text-sm">
                {t('visitResult.signedBy', { name: x.signature.signerName, time: formatDateTime(x.signature.actedAt) })}
              </figcaption>
            </figure>
          ) : (
            <p className="text-sm text-ink-muted">{t('visitResult.noSignature')}</p>
          )}
        </Card>
      </div>
      <Card title={t('visitResult.checklist')}>
        <ChecklistResult result={result} />
        {otherPhotos.length ? (
          <div className="mt-3">
            <h3 className="mb-1 text-sm font-medium">{t('visitResult.otherPhotos')}</h3>
            <div className="flex flex-wrap gap-2">
              {otherPhotos.map((p) => (
                <PhotoThumbnail
                  key={`${p.step}-${p.sha256}`}
                  sha256={p.sha256}
                  label={t('visitResult.photoOf', { step: p.step })}
                />
              ))}
            </div>
          </div>
        ) : null}
      </Card>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={t('visitResult.parts')}>
          {x.parts.length ? (
            <TableScroll label={t('visitResult.parts')}>
              <table className="w-full text-sm">
                <thead className="text-left text-ink-muted">
                  <tr>
                    <th className="px-2 py-1">{t('visitResult.product')}</th>
                    <th className="px-2 py-1 text-right">{t('visitResult.quantity')}</th>
                    <th className="px-2 py-1">{t('visitResult.serial')}</th>
                  </tr>
                </thead>
                <tbody>
                  {x.parts.map((p) => (
                    <tr key={p.commandId} className="border-t border-line">
                      <td className="px-2 py-1">{localized(p.productName, p.productNameEn)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{p.quantity}</td>
                      <td className="px-2 py-1 font-mono">{p.serialNumber ?? t('visitResult.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p className="text-sm text-ink-muted">{t('visitResult.noParts')}</p>
          )}
        </Card>
        <Card title={t('visitResult.issues')}>
          {x.issues.length ? (
            <ul className="flex flex-col gap-2 text-sm">
              {x.issues.map((i) => (
                <li key={i.commandId} className="flex gap-3">
                  {i.photoSha256 ? (
                    <PhotoThumbnail
                      sha256={i.photoSha256}
                      label={t('visitResult.photoOf', { step: label('field.issue', i.category) })}
                    />
                  ) : null}
                  <span>
                    <span className="font-medium">{label('field.issue', i.category)}</span>
                    <span className="block">{i.note}</span>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-ink-muted">{t('visitResult.noIssues')}</p>
          )}
        </Card>
      </div>
      <Card title={t('visitResult.cases')}>
        {result.cases.length ? (
          <ul className="flex flex-col gap-2 text-sm">
            {result.cases.map((c) => (
              <li key={c.id} className="rounded-md bg-surface p-2">
                <span className="font-medium">{label('fieldCase.kind', c.kind)}</span>
                <span className="ml-2 text-ink-muted">{formatDateTime(c.createdAt)}</span>
                <FieldCaseWhat fieldCase={c} />
                {c.resolvedAt ? (
                  <span className="block text-ink-muted">
                    {t('visitResult.resolvedNote', {
                      time: formatDateTime(c.resolvedAt),
                      note: c.resolutionNote ?? '',
                    })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-muted">{t('visitResult.noCases')}</p>
        )}
      </Card>
    </div>
  );
}
