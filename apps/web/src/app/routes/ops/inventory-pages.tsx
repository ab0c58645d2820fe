import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../../design/breadcrumbs';
import { PageHeader } from '../../../design/page-header';
import { ProductStock } from '../../../features/inventory/components/product-stock';
import { PurchaseOrderDetailView } from '../../../features/inventory/components/purchase-order-detail';
import { PurchaseOrders } from '../../../features/inventory/components/purchase-orders';
import { SerialLookup } from '../../../features/inventory/components/serial-lookup';
import { PickingListView } from '../../../features/inventory/components/picking-list';
import { ReorderSuggestions } from '../../../features/inventory/components/reorder-suggestions';
import { StockOverview } from '../../../features/inventory/components/stock-overview';
import { StockCounts } from '../../../features/inventory/components/stock-counts';
import { ToolsRegister } from '../../../features/inventory/components/tools-register';
import { ToolView } from '../../../features/inventory/components/tool-detail';
import { ToolReadinessView } from '../../../features/inventory/components/tool-readiness';
import { StockCountView } from '../../../features/inventory/components/stock-count-detail';
import { DemandForecastView } from '../../../features/inventory/components/demand-forecast';
import { StockOutWarnings } from '../../../features/inventory/components/stock-out-warnings';
import { TransferForm } from '../../../features/inventory/components/transfer-form';
import { TransferList } from '../../../features/inventory/components/transfer-list';
import { VanRequests } from '../../../features/inventory/components/van-requests';
import { useVanRequests } from '../../../features/inventory/api/transfers';
import { Notice, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';

const productHref = (id: string) => `/ops/inventory/products/${id}`;
const purchaseOrderHref = (id: string) => `/ops/inventory/purchase-orders/${id}`;
const countHref = (id: string) => `/ops/inventory/counts/${id}`;
const toolHref = (id: string) => `/ops/inventory/tools/${id}`;

export function StockPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('inventory.title')} />
      <StockOverview productHref={productHref} />
    </>
  );
}

export function ProductStockPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <ProductStock
      key={id}
      productId={id}
      above={(p) => (
        <Breadcrumbs items={[{ label: t('inventory.title'), to: '/ops/inventory' }, { label: p.product.sku }]} />
      )}
    />
  );
}

/** `canOpenOrders`: the order link only for roles whose portal has the order page. */
export function SerialLookupPage({ canOpenOrders }: { canOpenOrders: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('inventory.serials.title')} />
      <SerialLookup orderHref={canOpenOrders ? (id) => `/ops/orders/${id}` : null} />
    </>
  );
}

export function PurchaseOrdersPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('inventory.purchaseOrders.title')} />
      <PurchaseOrders orderHref={purchaseOrderHref} />
    </>
  );
}

export function PurchaseOrderPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <PurchaseOrderDetailView
      key={id}
      id={id}
      above={(po) => (
        <Breadcrumbs
          items={[
            { label: t('inventory.purchaseOrders.title'), to: '/ops/inventory/purchase-orders' },
            { label: po.number },
          ]}
        />
      )}
    />
  );
}

export function PickingListPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('inventory.picking.title')} />
      <PickingListView />
    </>
  );
}

export function ReorderPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('inventory.reorder.title')} />
      <ReorderSuggestions orderHref={purchaseOrderHref} />
    </>
  );
}

export function StockCountsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('inventory.counts.title')} />
      <StockCounts countHref={countHref} />
    </>
  );
}

export function StockCountPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <StockCountView
      key={id}
      id={id}
      above={(c) => (
        <Breadcrumbs
          items={[{ label: t('inventory.counts.title'), to: '/ops/inventory/counts' }, { label: c.number }]}
        />
      )}
    />
  );
}

export function ToolsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('inventory.tools.title')} />
      <div className="flex flex-col gap-6">
        <ToolsRegister toolHref={toolHref} />
        <ToolReadinessView />
      </div>
    </>
  );
}

export function ToolPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <ToolView
      key={id}
      id={id}
      above={(x) => (
        <Breadcrumbs items={[{ label: t('inventory.tools.title'), to: '/ops/inventory/tools' }, { label: x.code }]} />
      )}
    />
  );
}

export function ForecastPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('inventory.forecast.title')} />
      <DemandForecastView warningsHref="/ops/inventory/stock-outs" />
    </>
  );
}

/** The visit and its order link only for roles whose portal has those pages. */
export function StockOutsPage({ canOpenVisits, canOpenOrders }: { canOpenVisits: boolean; canOpenOrders: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('inventory.stockOuts.title')} />
      <StockOutWarnings
        visitHref={canOpenVisits ? (id) => `/ops/visits/${id}` : null}
        orderHref={canOpenOrders ? (id) => `/ops/orders/${id}` : null}
      />
    </>
  );
}

const transfersHref = '/ops/inventory/transfers';
const vanRequestsHref = '/ops/inventory/van-requests';

/** Transfers; `?request=<id>` fills the form from that open van request, and goes back to the requests once sent. */
export function TransfersPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const requestId = params.get('request');
  const open = useVanRequests('open');
  const vanRequest = requestId ? (open.data?.find((r) => r.id === requestId) ?? null) : null;
  return (
    <>
      <PageHeader title={t('inventory.transfers.title')} />
      <div className="flex flex-col gap-6">
        {!requestId ? (
          <TransferForm vanRequest={null} onSent={() => undefined} />
        ) : open.isPending ? (
          <Spinner label={t('common.loading')} />
        ) : vanRequest ? (
          <TransferForm key={vanRequest.id} vanRequest={vanRequest} onSent={() => navigate(vanRequestsHref)} />
        ) : (
          <Notice>{t('inventory.vanRequests.notOpen')}</Notice>
        )}
        <TransferList />
      </div>
    </>
  );
}

export function VanRequestsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('inventory.vanRequests.title')} />
      <VanRequests transferHref={(id) => `${transfersHref}?request=${id}`} />
    </>
  );
}
