import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CommissionParams,
  CommissionStatement,
  CreditNoteBody,
  DocumentLanguageQuery,
  IdParams,
  InvoiceDetail,
  InvoiceListQuery,
  InvoicePage,
  IssuedInvoice,
  IssueOrderInvoicesBody,
  MonthlyPartnerInvoiceBody,
  PaymentBody,
  PaymentRecorded,
  Problem,
  ProfitAndLoss,
  ProfitAndLossQuery,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import { documentLanguage } from '../../platform/http/document-language.ts';
import type { BillingService } from './index.ts';

const errors = { 404: Problem, 409: Problem, 422: Problem };

export function billingRoutes(app: FastifyInstance, billing: BillingService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['billing'];
  const finance = ['admin', 'operations'] as const;
  const payers = ['admin', 'operations', 'partner', 'customer'] as const;
  r.post(
    '/api/orders/:id/invoices',
    {
      config: { access: finance },
      schema: {
        tags,
        summary: 'Invoice a completed order, split by payer',
        params: IdParams,
        body: IssueOrderInvoicesBody,
        response: { 201: z.array(IssuedInvoice), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await billing.issueForOrder(actorOf(request), request.params.id, request.body.payer)),
  );
  r.post(
    '/api/partners/:id/monthly-invoice',
    {
      config: { access: finance },
      schema: {
        tags,
        summary: "One consolidated invoice of a month's partner lines per agreement",
        params: IdParams,
        body: MonthlyPartnerInvoiceBody,
        response: { 201: IssuedInvoice, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await billing.issueMonthlyForPartner(actorOf(request), { partnerId: request.params.id, ...request.body }),
        ),
  );
  r.get(
    '/api/invoices',
    {
      config: { access: payers },
      schema: {
        tags,
        summary: 'Invoices the caller may see',
        querystring: InvoiceListQuery,
        response: { 200: InvoicePage },
      },
    },
    (request) => billing.list(actorOf(request), request.query),
  );
  r.get(
    '/api/invoices/:id',
    {
      config: { access: payers },
      schema: {
        tags,
        summary: 'One invoice with its lines',
        params: IdParams,
        response: { 200: InvoiceDetail, 404: Problem },
      },
    },
    (request) => billing.get(actorOf(request), request.params.id),
  );
  r.get(
    '/api/invoices/:id/pdf',
    {
      config: { access: payers },
      schema: {
        tags,
        summary: "The invoice or credit note as PDF, in the reader's language",
        params: IdParams,
        querystring: DocumentLanguageQuery,
      },
    },
    async (request, reply) =>
      reply
        .type('application/pdf')
        .send(await billing.pdf(actorOf(request), request.params.id, documentLanguage(request))),
  );
  r.get(
    '/api/invoices/:id/ubl',
    {
      config: { access: payers },
      schema: { tags, summary: 'The invoice as UBL 2.1 (Peppol BIS Billing 3.0 / NLCIUS)', params: IdParams },
    },
    async (request, reply) =>
      reply
        .type('application/xml')
        .header('content-disposition', 'attachment; filename="factuur.xml"')
        .send(await billing.ubl(actorOf(request), request.params.id)),
  );
  r.post(
    '/api/invoices/:id/credit-note',
    {
      config: { access: finance },
      schema: {
        tags,
        summary: 'Credit an invoice in full, or some of its lines (each for a quantity)',
        params: IdParams,
        body: CreditNoteBody,
        response: { 201: IssuedInvoice, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await billing.creditNote(actorOf(request), { invoiceId: request.params.id, ...request.body })),
  );
  r.post(
    '/api/invoices/:id/payments',
    {
      config: { access: finance },
      schema: {
        tags,
        summary: 'Record a (partial) payment',
        params: IdParams,
        body: PaymentBody,
        response: { 200: PaymentRecorded, ...errors },
      },
    },
    (request) => billing.recordPayment(actorOf(request), { invoiceId: request.params.id, ...request.body }),
  );
  r.get(
    '/api/partners/:id/commission-statements/:month',
    {
      config: { access: ['admin', 'operations', 'partner'] },
      schema: {
        tags,
        summary: "A partner's commission statement for a month",
        params: CommissionParams,
        response: { 200: CommissionStatement, 404: Problem },
      },
    },
    (request) => billing.commissionStatement(actorOf(request), request.params.id, request.params.month),
  );
  r.get(
    '/api/finance/profit-and-loss',
    {
      config: { access: finance },
      schema: {
        tags,
        summary: 'P&L of a business entity for a period',
        querystring: ProfitAndLossQuery,
        response: { 200: ProfitAndLoss },
      },
    },
    (request) => billing.profitAndLoss(request.query),
  );
}
