import { decimalAmount } from '../../../platform/money.ts';
import { REVERSE_CHARGE_NOTE, type VatCategory } from '../../../platform/vat.ts';
import type { InvoiceDocument, InvoiceParty } from '../../../read-models/invoice-document.ts';
import { el } from './xml.ts';

const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};
const CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
const PROFILE = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
const EUR = { currencyID: 'EUR' };
// KvK numbers are identified by scheme 0106 in Peppol and NLCIUS.
const KVK = { schemeID: '0106' };

/** EN 16931 VAT category (UNCL 5305): S standard (21% and 9%), Z zero rated, AE reverse charge. */
const CATEGORY_CODE: Record<VatCategory, string> = { standard: 'S', reduced: 'S', zero: 'Z', reverse_charge: 'AE' };
type TaxedLine = { vatCategory: VatCategory; vatRate: number };
const tax = (l: TaxedLine) => [el('cbc:ID', CATEGORY_CODE[l.vatCategory]), el('cbc:Percent', l.vatRate.toFixed(2))];
const vatScheme = () => el('cac:TaxScheme', [el('cbc:ID', 'VAT')]);
// The exemption reason belongs to the VAT breakdown (BR-AE-10); EN 16931's UBL binding leaves it off the line's category.
const breakdownCategory = (l: TaxedLine) =>
  el('cac:TaxCategory', [
    ...tax(l),
    ...(l.vatCategory === 'reverse_charge'
      ? [el('cbc:TaxExemptionReasonCode', 'VATEX-EU-AE'), el('cbc:TaxExemptionReason', REVERSE_CHARGE_NOTE)]
      : []),
    vatScheme(),
  ]);
const lineCategory = (l: TaxedLine) => el('cac:ClassifiedTaxCategory', [...tax(l), vatScheme()]);

function address(p: { street: string | null; city: string | null; postcode: string | null }) {
  return el('cac:PostalAddress', [
    p.street ? el('cbc:StreetName', p.street) : null,
    p.city ? el('cbc:CityName', p.city) : null,
    p.postcode ? el('cbc:PostalZone', p.postcode) : null,
    el('cac:Country', [el('cbc:IdentificationCode', 'NL')]),
  ]);
}

function seller(doc: InvoiceDocument) {
  const s = doc.seller;
  return el('cac:AccountingSupplierParty', [
    el('cac:Party', [
      el('cbc:EndpointID', s.kvkNumber, KVK),
      el('cac:PartyName', [el('cbc:Name', s.name)]),
      address({ street: null, city: null, postcode: null }),
      el('cac:PartyTaxScheme', [el('cbc:CompanyID', s.vatNumber), el('cac:TaxScheme', [el('cbc:ID', 'VAT')])]),
      el('cac:PartyLegalEntity', [el('cbc:RegistrationName', s.legalName), el('cbc:CompanyID', s.kvkNumber, KVK)]),
      el('cac:Contact', [el('cbc:ElectronicMail', s.emailFrom)]),
    ]),
  ]);
}

function buyer(b: InvoiceParty) {
  return el('cac:AccountingCustomerParty', [
    el('cac:Party', [
      b.kvkNumber
        ? el('cbc:EndpointID', b.kvkNumber, KVK)
        : b.email
          ? el('cbc:EndpointID', b.email, { schemeID: 'EM' })
          : null,
      el('cac:PartyName', [el('cbc:Name', b.name)]),
      address(b),
      // The buyer's VAT number (BT-48); reverse charge requires it (BR-AE-02).
      b.vatNumber ? el('cac:PartyTaxScheme', [el('cbc:CompanyID', b.vatNumber), vatScheme()]) : null,
      el('cac:PartyLegalEntity', [
        el('cbc:RegistrationName', b.name),
        b.kvkNumber ? el('cbc:CompanyID', b.kvkNumber, KVK) : null,
      ]),
      b.email ? el('cac:Contact', [el('cbc:ElectronicMail', b.email)]) : null,
    ]),
  ]);
}

/**
 * The invoice (or credit note) as UBL 2.1 following Peppol BIS Billing 3.0 / NLCIUS, which Dutch
 * accounting software imports. Element order follows the UBL schema, which enforces it.
 */
export function invoiceUbl(doc: InvoiceDocument): string {
  const { invoice } = doc;
  const isCredit = invoice.kind === 'credit_note';
  // One VAT breakdown per category and rate (21% and 9% are both S, with their own subtotal).
  const groups = new Map<string, TaxedLine & { net: number; vat: number }>();
  for (const l of doc.lines) {
    const key = `${l.vatCategory}:${l.vatRate}`;
    const g = groups.get(key) ?? { vatCategory: l.vatCategory, vatRate: l.vatRate, net: 0, vat: 0 };
    groups.set(key, { ...g, net: g.net + l.totalCents, vat: g.vat + l.vatCents });
  }
  const lineTag = isCredit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine';
  const qtyTag = isCredit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
  const body = [
    el('cbc:CustomizationID', CUSTOMIZATION),
    el('cbc:ProfileID', PROFILE),
    el('cbc:ID', invoice.number),
    el('cbc:IssueDate', invoice.issueDate),
    isCredit ? null : el('cbc:DueDate', invoice.dueDate),
    el(isCredit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', isCredit ? '381' : '380'),
    invoice.reason ? el('cbc:Note', invoice.reason) : null,
    el('cbc:DocumentCurrencyCode', 'EUR'),
    el('cbc:BuyerReference', doc.orderNumber ?? invoice.periodMonth ?? invoice.number),
    doc.credited
      ? el('cac:BillingReference', [
          el('cac:InvoiceDocumentReference', [
            el('cbc:ID', doc.credited.number),
            el('cbc:IssueDate', doc.credited.issueDate),
          ]),
        ])
      : null,
    seller(doc),
    buyer(doc.buyer),
    el('cac:PaymentMeans', [
      el('cbc:PaymentMeansCode', '58'),
      el('cbc:PaymentID', invoice.number),
      el('cac:PayeeFinancialAccount', [el('cbc:ID', doc.seller.iban), el('cbc:Name', doc.seller.legalName)]),
    ]),
    isCredit
      ? null
      : el('cac:PaymentTerms', [
          el(
            'cbc:Note',
            `Betaling binnen de termijn, uiterlijk ${invoice.dueDate}, onder vermelding van ${invoice.number}`,
          ),
        ]),
    el('cac:TaxTotal', [
      el('cbc:TaxAmount', decimalAmount(invoice.vatCents), EUR),
      ...[...groups.values()].map((g) =>
        el('cac:TaxSubtotal', [
          el('cbc:TaxableAmount', decimalAmount(g.net), EUR),
          el('cbc:TaxAmount', decimalAmount(g.vat), EUR),
          breakdownCategory(g),
        ]),
      ),
    ]),
    el('cac:LegalMonetaryTotal', [
      el('cbc:LineExtensionAmount', decimalAmount(invoice.subtotalCents), EUR),
      el('cbc:TaxExclusiveAmount', decimalAmount(invoice.subtotalCents), EUR),
      el('cbc:TaxInclusiveAmount', decimalAmount(invoice.totalCents), EUR),
      el('cbc:PrepaidAmount', decimalAmount(isCredit ? 0 : invoice.paidCents), EUR),
      el('cbc:PayableAmount', decimalAmount(invoice.totalCents - (isCredit ? 0 : invoice.paidCents)), EUR),
    ]),
    ...doc.lines.map((l) =>
      el(lineTag, [
        el('cbc:ID', String(l.position)),
        el(qtyTag, Number(l.quantity).toString(), { unitCode: 'C62' }),
        el('cbc:LineExtensionAmount', decimalAmount(l.totalCents), EUR),
        el('cac:Item', [el('cbc:Name', l.description.slice(0, 200)), lineCategory(l)]),
        el('cac:Price', [el('cbc:PriceAmount', decimalAmount(l.unitPriceCents), EUR)]),
      ]),
    ),
  ];
  const root = isCredit ? 'CreditNote' : 'Invoice';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(root, body, { xmlns: isCredit ? NS.creditNote : NS.invoice, 'xmlns:cac': NS.cac, 'xmlns:cbc': NS.cbc })}\n`;
}
