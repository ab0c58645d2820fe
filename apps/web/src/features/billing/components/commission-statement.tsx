import { TableScroll } from '../../../design/table-scroll';
import { useState } from 'react';
import { Link } from 'react-router';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Spinner } from '../../../design/status-message';
import { amsterdamDay } from '../../../lib/format/date';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCommissionStatement } from '../api/finance-reports';
import { useEntityName } from '../../reference/api/list-entities';

/**
 * A partner's commission for a month: per agreement, each converted lead with its order value and
 * commission; when there is none, why (no agreement, none agreed, no orders that month, below the first tier).
 */
export function CommissionStatementView({
  partnerId,
  orderHref,
}: {
  partnerId: string;
  orderHref?: (id: string) => string;
}) {
  const entityName = useEntityName();
  const { t, label, formatCents, formatDate, formatMonth, formatNumber } = useI18n();
  const [month, setMonth] = useState(amsterdamDay().slice(0, 7));
  const query = useCommissionStatement(partnerId, month);
  return (
    <div className="flex flex-col gap-4">
      <Input
        label={t('commission.month')}
        type="month"
        value={month}
        onChange={(e) => e.target.value && setMonth(e.target.value)}
        className="max-w-xs"
      />
      {query.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : (
        <>
          <p className="text-lg font-semibold">
            {t('commission.total', { month: formatMonth(month) })}: {formatCents(query.data.totalCents)}
          </p>
          {query.data.noCommissionReason ? (
            <p className="text-sm text-ink-muted" data-testid="commission-reason">
              {t('commission.none')} {label('noCommission', query.data.noCommissionReason)}
            </p>
          ) : null}
          {query.data.sections
            .filter((s) => s.lines.length)
            .map((s) => (
              <Card
                key={s.entityId}
                title={`${entityName(s.entityId)} · ${label('commissionType', s.commissionType)}${s.basisPoints !== null ? ` · ${formatNumber(s.basisPoints / 100)}%` : ''}`}
              >
                <TableScroll label={t('commission.title')}>
                  <table className="w-full text-sm">
                    <thead className="text-left text-xs text-ink-muted uppercase">
                      <tr>
                        <th className="px-2 py-1">{t('commission.order')}</th>
                        <th className="px-2 py-1" />
                        <th className="px-2 py-1 text-right">{t('commission.orderValue')}</th>
                        <th className="px-2 py-1 text-right">{t('commission.amount')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.lines.map((l) => (
                        <tr key={l.orderId} className="border-t border-line">
                          <td className="px-2 py-1 font-mono">
                            {orderHref ? (
                              <Link to={orderHref(l.orderId)} className="text-brand-700 hover:underline">
                                {l.orderNumber}
                              </Link>
                            ) : (
                              l.orderNumber
                            )}
                          </td>
                          <td className="px-2 py-1">{formatDate(l.createdAt)}</td>
                          <td className="px-2 py-1 text-right tabular-nums">{formatCents(l.orderTotalCents)}</td>
                          <td className="px-2 py-1 text-right tabular-nums">{formatCents(l.commissionCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </Card>
            ))}
        </>
      )}
    </div>
  );
}
