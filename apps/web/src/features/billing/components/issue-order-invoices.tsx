import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Notice } from '../../../design/status-message';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { useInvoices } from '../api/list-invoices';
import { useIssueOrderInvoices } from '../api/invoice-actions';

/**
 * The order's invoices, and for ops a button that issues them (one per payer) once the order is
 * completed. The server refuses an order that is not complete or already invoiced, and says why.
 */
export function OrderInvoices({
  orderId,
  canIssue,
  invoiceHref,
  invoicesOfOrderHref,
}: {
  orderId: string;
  canIssue: boolean;
  invoiceHref: (id: string) => string;
  invoicesOfOrderHref: string;
}) {
  const { t, label, formatCents } = useI18n();
  const invoices = useInvoices({ page: 1, pageSize: 20, orderId });
  const issue = useIssueOrderInvoices(orderId);
  const [refusal, setRefusal] = useState<string | undefined>();
  const items = invoices.data?.items ?? [];
  return (
    <Card
      title={t('invoices.title')}
      actions={
        canIssue ? (
          <Button
            size="sm"
            busy={issue.isPending}
            onClick={() => {
              setRefusal(undefined);
              issue.mutate(undefined, {
                onError: (e) => setRefusal(isProblem(e) ? (e.detail ?? e.title) : t('orderInvoices.failed')),
              });
            }}
          >
            {t('orderInvoices.issue')}
          </Button>
        ) : null
      }
    >
      {items.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('orderInvoices.none')}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {items.map((i) => (
            <li key={i.id} className="flex flex-wrap justify-between gap-2">
              <span>
                <Link to={invoiceHref(i.id)} className="font-mono text-brand-700 hover:underline">
                  {i.number}
                </Link>{' '}
                · {label('invoiceKind', i.kind)} · {label('billTo', i.payer)} · {label('invoiceStatus', i.status)}
              </span>
              <span className="tabular-nums">{formatCents(i.totalCents)}</span>
            </li>
          ))}
        </ul>
      )}
      {invoices.data && invoices.data.total > items.length ? (
        <Link to={invoicesOfOrderHref} className="mt-2 inline-block text-sm text-brand-700 hover:underline">
          {t('orderInvoices.all')}
        </Link>
      ) : null}
      {issue.data ? (
        <p className="mt-2 text-sm" role="status">
          {t('orderInvoices.issued', { numbers: issue.data.map((i) => i.number).join(', ') })}
        </p>
      ) : null}
      {refusal ? (
        <div className="mt-2">
          <Notice tone="error">{refusal}</Notice>
        </div>
      ) : null}
    </Card>
  );
}
