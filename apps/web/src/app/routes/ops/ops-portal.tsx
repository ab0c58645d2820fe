import { lazy } from 'react';
import { addDutchMessages, useI18n } from '../../../lib/i18n/i18n';
import { PortalShell } from '../shared/portal-shell';
import { PortalRoutes, mayOpen, menuFor } from '../shared/portal-routes';
import { RequireRole } from '../shared/require-role';
import { opsPages } from '../portal-pages';
import { AdminPage } from './admin-page';
import { PartnerPage, PartnersPage } from './partners-pages';
import { CustomerPage } from './customer-page';
import { CustomersPage } from './customers-page';
import { DashboardPage } from './dashboard-page';
import { OrderPage } from './order-page';
import { OrdersPage } from './orders-page';
import { CommunicationPage } from './communication-page';
import { MessageTemplatesPage } from './message-templates-page';
import { SatisfactionPage } from './satisfaction-page';
import { PlanningPage } from './planning-page';
import { QuotesPage } from './quotes-page';
import { QuoteNewPage } from './quote-new-page';
import { QuotePage } from './quote-page';
import {
  CommissionPage,
  FinancePage,
  InvoicePage,
  InvoicesPage,
  MonthlyInvoicePage,
  PaymentRemindersPage,
} from './finance-pages';
import { LeadPage, LeadsPage, NewLeadPage } from './leads-pages';
import {
  ForecastPage,
  StockOutsPage,
  TransfersPage,
  VanRequestsPage,
  PickingListPage,
  ReorderPage,
  StockCountPage,
  StockCountsPage,
  ToolPage,
  ToolsPage,
  ProductStockPage,
  PurchaseOrderPage,
  PurchaseOrdersPage,
  SerialLookupPage,
  StockPage,
} from './inventory-pages';
import { DayRoutesPage, OptimisePage, ProposalPage } from './planning-optimiser-pages';
import { nlPortalExtras } from '../../../lib/i18n/messages-nl-portal-extras';

// The office portals' own texts, before any of their screens renders (the shell has only its own).
addDutchMessages(nlPortalExtras);

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
