import { Link } from 'react-router';
import { Card } from '../../../design/card';
import { useI18n } from '../../../lib/i18n/i18n';
import type { CustomerDetail } from '../api/get-customer';

/** Quotes, orders and visits of the customer, each as a compact list linking onwards where a page exists. */
export function CustomerRecords({
  customer,
  orderHref,
  quoteHref,
}: {
  customer: CustomerDetail;
  orderHref?: (id: string) => string;
  quoteHref?: (id: string) => string;
}) {
  const { t, label, formatCents, formatDate, formatDay } = useI18n();
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <Card title={t('customer.quotes')}>
        <SimpleList
          empty={t('customer.noQuotes')}
          rows={customer.quotes.map((q) => ({
            id: q.id,
            main: q.number,
            href: quoteHref?.(q.id),
            // Staff see both parts, customer / partner, as on the quote itself.
            meta: [
              label('quoteStatus', q.status),
              `${formatCents(q.customerTotalCents)} / ${formatCents(q.partnerTotalCents)}`,
              formatDate(q.createdAt),
            ],
          }))}
        />
      </Card>
      <Card title={t('customer.orders')}>
        <SimpleList
          empty={t('customer.noOrders')}
          rows={customer.orders.map((o) => ({
            id: o.id,
            main: o.number,
            href: orderHref?.(o.id),
            meta: [label('stage', o.stage), formatCents(o.totalCents), formatDate(o.createdAt)],
          }))}
        />
      </Card>
      <Card title={t('customer.visits')}>
        <SimpleList
          empty={t('customer.noVisits')}
          rows={customer.visits.map((v) => ({
            id: v.id,
            main: v.number,
            meta: [
              label('visitType', v.type),
              v.date ? formatDay(v.date) : null,
              v.block ? label('block', v.block) : null,
              label('visitStatus', v.status),
            ],
          }))}
        />
      </Card>
    </div>
  );
}

type Row = { id: string; main: string; href?: string | undefined; meta: (string | null)[] };

function SimpleList({ rows, empty }: { rows: Row[]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-ink-muted">{empty}</p>;
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {rows.map((r) => (
        <li key={r.id}>
          {r.href ? (
            <Link to={r.href} className="font-mono font-medium text-brand-700 hover:underline">
              {r.main}
            </Link>
          ) : (
            <span className="font-mono font-medium">{r.main}</span>
          )}
          <span className="block text-xs text-ink-muted">{r.meta.filter(Boolean).join(' · ')}</span>
        </li>
      ))}
    </ul>
  );
}
