import { decimalAmount } from '../../platform/money.ts';
import type { PurchaseOrderDocument } from '../../read-models/purchase-order-document.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
/** One element; children are already-built XML. */
const el = (name: string, content: string | number | string[], attrs: Record<string, string> = {}) => {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join('');
  return `<${name}${a}>${Array.isArray(content) ? content.join('') : esc(String(content))}</${name}>`;
};
const EUR = { currencyID: 'EUR' };
// KvK numbers are identified by scheme 0106 in Peppol.
const KVK = { schemeID: '0106' };

/**
 * The purchase order as a UBL 2.1 Order (valid against UBL-Order-2.1.xsd; Peppol BIS Order 3 names this
 * customization): our SKU as the buyer's item id, quantities in pieces (C62), prices excl. VAT.
 */
export function purchaseOrderUbl(po: PurchaseOrderDocument): string {
  const b = po.buyer;
  const lineTotal = (l: PurchaseOrderDocument['lines'][number]) => l.quantityOrdered * l.unitCostCents;
  const total = po.lines.reduce((a, l) => a + lineTotal(l), 0);
  const party = (name: string, extra: string[]) =>
    el('cac:Party', [el('cac:PartyName', [el('cbc:Name', name)]), ...extra]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(
    'Order',
    [
      el('cbc:UBLVersionID', '2.1'),
      el('cbc:CustomizationID', 'urn:fdc:peppol.eu:poacc:trns:order:3'),
      el('cbc:ProfileID', 'urn:fdc:peppol.eu:poacc:bis:ordering:3'),
      el('cbc:ID', po.number),
      el('cbc:IssueDate', po.issueDate),
      el('cbc:DocumentCurrencyCode', 'EUR'),
      el('cac:BuyerCustomerParty', [
        party(b.name, [
          el('cac:PartyLegalEntity', [el('cbc:RegistrationName', b.legalName), el('cbc:CompanyID', b.kvkNumber, KVK)]),
          el('cac:Contact', [el('cbc:ElectronicMail', b.emailFrom)]),
        ]),
      ]),
      el('cac:SellerSupplierParty', [party(po.supplier, [])]),
      ...(po.expectedOn
        ? [el('cac:Delivery', [el('cac:RequestedDeliveryPeriod', [el('cbc:EndDate', po.expectedOn)])])]
        : []),
      el('cac:AnticipatedMonetaryTotal', [
        el('cbc:LineExtensionAmount', decimalAmount(total), EUR),
        el('cbc:PayableAmount', decimalAmount(total), EUR),
      ]),
      ...po.lines.map((l, i) =>
        el('cac:OrderLine', [
          el('cac:LineItem', [
            el('cbc:ID', String(i + 1)),
            el('cbc:Quantity', String(l.quantityOrdered), { unitCode: 'C62' }),
            el('cbc:LineExtensionAmount', decimalAmount(lineTotal(l)), EUR),
            el('cac:Price', [el('cbc:PriceAmount', decimalAmount(l.unitCostCents), EUR)]),
            el('cac:Item', [el('cbc:Name', l.name), el('cac:BuyersItemIdentification', [el('cbc:ID', l.sku)])]),
          ]),
        ]),
      ),
    ],
    {
      xmlns: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2',
      'xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
      'xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
    },
  )}\n`;
}
