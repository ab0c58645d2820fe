import { lazy } from 'react';
import { addDutchMessages, useI18n } from '../../../lib/i18n/i18n';
import { PortalShell } from '../shared/portal-shell';
import { PortalRoutes, mayOpen, menuFor } from '../shared/portal-routes';
import { RequireRole } from '../shared/require-role';
import { lazyPage } from '../shared/lazy-page';
import { opsPages } from '../portal-pages';
import { CustomerPage } from './customer-page';
import { CustomersPage } from './customers-page';
import { DashboardPage } from './dashboard-page';
import { OrderPage } from './order-page';
import { OrdersPage } from './orders-page';
import { QuotesPage } from './quotes-page';
import { QuoteNewPage } from './quote-new-page';
import { QuotePage } from './quote-page';
import { LeadPage, LeadsPage, NewLeadPage } from './leads-pages';
import { nlPortalExtras } from '../../../lib/i18n/messages-nl-portal-extras';

// The office portals' own texts, before any of their screens renders (the shell has only its own).
addDutchMessages(nlPortalExtras);

// Page groups an office user opens later, each a chunk of its own loaded on first use: the ops
// portal's first download is its dashboard and daily lists (issue 16's budget for the portal).
const admin = () => import('./admin-page');
const AdminPage = lazyPage(admin, 'AdminPage');
const partners = () => import('./partners-pages');
const PartnerPage = lazyPage(partners, 'PartnerPage');
const PartnersPage = lazyPage(partners, 'PartnersPage');
const communication = () => import('./communication-page');
const CommunicationPage = lazyPage(communication, 'CommunicationPage');
const messageTemplates = () => import('./message-templates-page');
const MessageTemplatesPage = lazyPage(messageTemplates, 'MessageTemplatesPage');
const satisfaction = () => import('./satisfaction-page');
const SatisfactionPage = lazyPage(satisfaction, 'SatisfactionPage');
const planning = () => import('./planning-page');
const PlanningPage = lazyPage(planning, 'PlanningPage');
const finance = () => import('./finance-pages');
const CommissionPage = lazyPage(finance, 'CommissionPage');
const FinancePage = lazyPage(finance, 'FinancePage');
const InvoicePage = lazyPage(finance, 'InvoicePage');
const InvoicesPage = lazyPage(finance, 'InvoicesPage');
const MonthlyInvoicePage = lazyPage(finance, 'MonthlyInvoicePage');
const PaymentRemindersPage = lazyPage(finance, 'PaymentRemindersPage');
const inventory = () => import('./inventory-pages');
const ForecastPage = lazyPage(inventory, 'ForecastPage');
const StockOutsPage = lazyPage(inventory, 'StockOutsPage');
const TransfersPage = lazyPage(inventory, 'TransfersPage');
const VanRequestsPage = lazyPage(inventory, 'VanRequestsPage');
const PickingListPage = lazyPage(inventory, 'PickingListPage');
const ReorderPage = lazyPage(inventory, 'ReorderPage');
const StockCountPage = lazyPage(inventory, 'StockCountPage');
const StockCountsPage = lazyPage(inventory, 'StockCountsPage');
const ToolPage = lazyPage(inventory, 'ToolPage');
const ToolsPage = lazyPage(inventory, 'ToolsPage');
const ProductStockPage = lazyPage(inventory, 'ProductStockPage');
const PurchaseOrderPage = lazyPage(inventory, 'PurchaseOrderPage');
const PurchaseOrdersPage = lazyPage(inventory, 'PurchaseOrdersPage');
const SerialLookupPage = lazyPage(inventory, 'SerialLookupPage');
const StockPage = lazyPage(inventory, 'StockPage');
const optimiser = () => import('./planning-optimiser-pages');
const DayRoutesPage = lazyPage(optimiser, 'DayRoutesPage');
const OptimisePage = lazyPage(optimiser, 'OptimisePage');
const ProposalPage = lazyPage(optimiser, 'ProposalPage');

// The technician app's pages for ops are lazy chunks: the ops portal's first download stays as it was.
const VisitResultPage = lazy(() => import('./field-ops-pages').then((m) => ({ default: m.VisitResultPage })));
const FieldCasesPage = lazy(() => import('./field-ops-pages').then((m) => ({ default: m.FieldCasesPage })));
const DevicesPage = lazy(() => import('./field-ops-pages').then((m) => ({ default: m.DevicesPage })));

/** `/ops/*`: operations, planners, warehouse staff and admins; who sees which page is in `opsPages`. */
export function Component() {
  const { t } = useI18n();
  return (
    <RequireRole portal="ops">
      {(user) => {
        // Decisions on a lead and the staff view of a quote (revise, send) are for admin and operations; a planner would get 403.
        const manages = user.role === 'admin' || user.role === 'operations';
        const mayQuote = mayOpen(opsPages, user.role, '/ops/quotes/new');
        return (
          <PortalShell title={t('ops.portal')} user={user} nav={menuFor(opsPages, user.role, t)}>
            <PortalRoutes
              base="/ops"
              pages={opsPages}
              role={user.role}
              elements={{
                '/ops': <DashboardPage />,
                '/ops/leads': <LeadsPage canCreate={mayOpen(opsPages, user.role, '/ops/leads/new')} />,
                '/ops/leads/new': <NewLeadPage />,
                '/ops/leads/:id': <LeadPage canDecide={manages} canQuote={mayQuote} />,
                '/ops/customers': <CustomersPage />,
                '/ops/customers/:id': <CustomerPage canQuote={mayQuote} canEditMessages={manages} />,
                '/ops/orders': <OrdersPage />,
                '/ops/orders/:id': <OrderPage canBill={mayOpen(opsPages, user.role, '/ops/invoices/:id')} />,
                '/ops/planning': <PlanningPage />,
                '/ops/partners': <PartnersPage />,
                '/ops/partners/:id': <PartnerPage canSeeCommission={mayOpen(opsPages, user.role, '/ops/commission')} />,
                '/ops/quotes': <QuotesPage canCreate={mayQuote} />,
                '/ops/quotes/new': <QuoteNewPage />,
                '/ops/quotes/:id': <QuotePage canEdit={manages} />,
                '/ops/invoices': <InvoicesPage />,
                '/ops/invoices/monthly': <MonthlyInvoicePage />,
                '/ops/invoices/reminders': <PaymentRemindersPage />,
                '/ops/invoices/:id': <InvoicePage />,
                '/ops/commission': <CommissionPage />,
                '/ops/finance': <FinancePage />,
                '/ops/communication': <CommunicationPage isAdmin={user.role === 'admin'} />,
                '/ops/communication/templates': <MessageTemplatesPage />,
                '/ops/communication/satisfaction': <SatisfactionPage />,
                '/ops/inventory': <StockPage />,
                '/ops/inventory/products/:id': <ProductStockPage />,
                '/ops/inventory/serials': (
                  <SerialLookupPage canOpenOrders={mayOpen(opsPages, user.role, '/ops/orders/:id')} />
                ),
                '/ops/inventory/purchase-orders': <PurchaseOrdersPage />,
                '/ops/inventory/purchase-orders/:id': <PurchaseOrderPage />,
                '/ops/inventory/picking': <PickingListPage />,
                '/ops/inventory/transfers': <TransfersPage />,
                '/ops/inventory/van-requests': <VanRequestsPage />,
                '/ops/inventory/reorder': <ReorderPage />,
                '/ops/inventory/forecast': <ForecastPage />,
                '/ops/inventory/stock-outs': (
                  <StockOutsPage
                    canOpenVisits={mayOpen(opsPages, user.role, '/ops/visits/:id')}
                    canOpenOrders={mayOpen(opsPages, user.role, '/ops/orders/:id')}
                  />
                ),
                '/ops/inventory/counts': <StockCountsPage />,
                '/ops/inventory/counts/:id': <StockCountPage />,
                '/ops/inventory/tools': <ToolsPage />,
                '/ops/inventory/tools/:id': <ToolPage />,
                '/ops/planning/optimise': <OptimisePage />,
                '/ops/planning/proposals/:id': <ProposalPage />,
                '/ops/planning/routes': <DayRoutesPage />,
                '/ops/visits/:id': <VisitResultPage />,
                '/ops/field/cases': <FieldCasesPage />,
                '/ops/field/devices': <DevicesPage />,
                '/ops/admin': <AdminPage />,
              }}
            />
          </PortalShell>
        );
      }}
    </RequireRole>
  );
}
