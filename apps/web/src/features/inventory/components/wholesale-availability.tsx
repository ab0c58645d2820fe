import { ErrorNotice } from '../../../design/error-notice';
import { Notice, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useWholesaleAvailability } from '../api/wholesale-availability';
import { StockTable } from './stock-table';

const BAND_CLASS = { in_stock: 'text-brand-800', limited: 'text-ink', out_of_stock: 'text-danger-700' } as const;

/**
 * For contractors of ZaptecShop.nl and RatioShop.nl: the wholesale products on their price list with
 * availability in words (in stock, limited, out of stock with the expected date), never a number.
 */
export function WholesaleAvailabilityView() {
  const { t, label, formatDate } = useI18n();
  const availability = useWholesaleAvailability();
  if (availability.error) return <ErrorNotice error={availability.error} />;
  if (!availability.data) return <Spinner label={t('common.loading')} />;
  if (!availability.data.eligible) return <Notice>{t('inventory.wholesale.notEligible')}</Notice>;
  return (
    <StockTable
      label={t('inventory.wholesale.title')}
      rows={availability.data.products}
      empty={t('inventory.wholesale.none')}
      rowKey={(p) => p.productId}
      columns={[
        { header: t('inventory.product'), cell: (p) => `${p.sku} · ${p.name}` },
        {
          header: t('inventory.wholesale.availability'),
          cell: (p) => (
            <span className={`font-medium ${BAND_CLASS[p.band]}`}>{label('inventory.wholesale.band', p.band)}</span>
          ),
        },
        {
          header: t('inventory.wholesale.expected'),
          cell: (p) =>
            p.expectedOn
              ? formatDate(p.expectedOn)
              : p.band === 'out_of_stock'
                ? t('inventory.wholesale.unknown')
                : '—',
        },
      ]}
    />
  );
}
