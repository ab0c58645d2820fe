import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { notFound } from '../../platform/errors.ts';
import { purchaseOrderDocument } from '../../read-models/purchase-order-document.ts';
import { getPurchaseOrder } from '../../read-models/stock-views.ts';
import { stockSerials } from './inventory.schema.ts';

// The official OASIS schema the repository keeps beside the billing ones (modules/billing/ubl-schema/SOURCES.md).
const DESPATCH_ADVICE_XSD = fileURLToPath(
  new URL('../billing/ubl-schema/maindoc/UBL-DespatchAdvice-2.1.xsd', import.meta.url),
);

export type DespatchLine = {
  productId: string;
  sku: string;
  name: string;
  tracking: 'serial' | 'batch' | 'none';
  quantity: number;
  serialNumbers: string[];
  batchCode: string | null;
};

const refused = (nl: string, en: string) =>
  new AppError(422, 'despatch_advice_refused', nl, [{ field: 'xml', message: nl }], {
    message: en,
    errors: { xml: en },
  });

/** xmllint's verdict against the DespatchAdvice schema: null when valid, else its first complaints. */
function schemaErrors(xml: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'xmllint',
      ['--noout', '--nonet', '--schema', DESPATCH_ADVICE_XSD, '-'],
      { timeout: 20_000, maxBuffer: 1_000_000 },
      (err, _stdout, stderr) => {
        if (!err) return resolve(null);
        // Exit codes 1-4 are the document's fault (parse or schema errors); anything else is ours.
        if (typeof err.code === 'number' && err.code >= 1 && err.code <= 4)
          return resolve(
            stderr
              .split('\n')
              .filter((l) => l && !l.endsWith('fails to validate'))
              .slice(0, 3)
              .map((l) => l.replace(/^-:/, 'regel '))
              .join(' · ') || 'ongeldig XML',
          );
        reject(err);
      },
    );
    child.stdin?.end(xml);
  });
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ['DespatchLine', 'ItemInstance'].includes(name),
});
type Node = Record<string, unknown>;
const text = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return text((v as Node)['#text']);
  return String(v).trim() || null;
};
const child = (v: unknown, name: string): Node | undefined => (v as Node | undefined)?.[name] as Node | undefined;

/**
 * Reads a supplier's UBL 2.1 DespatchAdvice (delivery note) for a purchase order and turns it into the
 * receipt it announces, for the warehouse to check and book: each despatch line matched to an order line
 * by our SKU (the buyer's item id we sent in the Order, or the seller's), else by the order line's number,
 * with its serials and batch code. Nothing is booked here. A document that is not schema-valid, belongs to
 * another order, names a product not ordered, announces more than is still open, or a serial received
 * before, is refused with the reason.
 */
export async function importDespatchAdvice(db: DbOrTx, purchaseOrderId: string, xml: string) {
  const po = await getPurchaseOrder(db, purchaseOrderId);
  const doc = await purchaseOrderDocument(db, purchaseOrderId);
  if (!po || !doc) throw notFound('Inkooporder', 'Purchase order');
  const invalid = await schemaErrors(xml);
  if (invalid)
    throw refused(`Geen geldige UBL 2.1 DespatchAdvice: ${invalid}`, `Not a valid UBL 2.1 DespatchAdvice: ${invalid}`);
  const advice = child(parser.parse(xml), 'DespatchAdvice')!;
  const despatchId = text(advice.ID)!;
  const orderNumber = text(child(advice.OrderReference, 'ID'));
  if (orderNumber !== po.number)
    throw refused(
      `Deze pakbon hoort bij inkooporder ${orderNumber ?? '(geen)'}, niet bij ${po.number}`,
      `This despatch advice belongs to purchase order ${orderNumber ?? '(none)'}, not ${po.number}`,
    );

  const lines = new Map<string, DespatchLine>();
  for (const [i, line] of ((advice.DespatchLine as Node[]) ?? []).entries()) {
    const ref = text(line.ID) ?? String(i + 1);
    const item = child(line, 'Item');
    const sku =
      text(child(child(item, 'BuyersItemIdentification'), 'ID')) ??
      text(child(child(item, 'SellersItemIdentification'), 'ID'));
    const lineNo = Number(text(child(line.OrderLineReference, 'LineID')));
    // An item number we do not know is a product we did not order, even if its line number is one of ours.
    const ordered = sku
      ? po.lines.find((l) => l.sku === sku)
      : po.lines.find((l) => Number.isInteger(lineNo) && l.sku === doc.lines[lineNo - 1]?.sku);
    if (!ordered)
      throw refused(
        `Pakbonregel ${ref} (${sku ?? 'geen artikelnummer'}) staat niet op inkooporder ${po.number}`,
        `Despatch line ${ref} (${sku ?? 'no item number'}) is not on purchase order ${po.number}`,
      );
    const quantity = Number(text(line.DeliveredQuantity) ?? '0');
    if (!Number.isInteger(quantity) || quantity <= 0)
      throw refused(
        `Pakbonregel ${ref}: het geleverde aantal moet een heel getal groter dan 0 zijn`,
        `Despatch line ${ref}: the delivered quantity must be a whole number above 0`,
      );
    const instances = (child(item, 'ItemInstance') as unknown as Node[] | undefined) ?? [];
    const serials = instances.flatMap((x) => text(x.SerialID) ?? []);
    const batch = instances.map((x) => text(child(x.LotIdentification, 'LotNumberID'))).find(Boolean) ?? null;
    const seen = lines.get(ordered.productId);
    const entry: DespatchLine = seen ?? {
      productId: ordered.productId,
      sku: ordered.sku,
      name: ordered.name,
      tracking: ordered.tracking,
      quantity: 0,
      serialNumbers: [],
      batchCode: null,
    };
    entry.quantity += quantity;
    if (ordered.tracking === 'serial') entry.serialNumbers.push(...serials);
    if (ordered.tracking === 'batch') entry.batchCode ??= batch;
    lines.set(ordered.productId, entry);
    if (ordered.tracking === 'serial' && serials.length && serials.length !== quantity)
      throw refused(
        `Pakbonregel ${ref}: ${quantity} stuks maar ${serials.length} serienummers`,
        `Despatch line ${ref}: ${quantity} pieces but ${serials.length} serials`,
      );
  }
  const serialled = [...lines.values()].filter((l) => l.serialNumbers.length);
  for (const l of serialled) {
    const [known] = await db
      .select({ serial: stockSerials.serialNumber })
      .from(stockSerials)
      .where(and(eq(stockSerials.productId, l.productId), inArray(stockSerials.serialNumber, l.serialNumbers)))
      .limit(1);
    if (known)
      throw new AppError(
        409,
        'serial_already_received',
        `Serienummer ${known.serial} op de pakbon is al ontvangen`,
        undefined,
        {
          message: `Serial ${known.serial} on the despatch advice has been received before`,
        },
      );
  }
  const warnings: string[] = [];
  for (const l of lines.values()) {
    const ordered = po.lines.find((x) => x.productId === l.productId)!;
    const open = ordered.quantityOrdered - ordered.quantityReceived;
    if (l.quantity > open)
      throw refused(
        `${l.sku}: de pakbon meldt ${l.quantity} stuks, er staat nog ${open} open (meer ontvangen dan besteld wordt geweigerd)`,
        `${l.sku}: the despatch advice announces ${l.quantity} pieces, ${open} are still open (receiving more than ordered is refused)`,
      );
    if (l.tracking === 'serial' && !l.serialNumbers.length)
      warnings.push(`${l.sku}: de pakbon noemt geen serienummers; scan ze bij het ontvangen`);
    if (l.tracking === 'batch' && !l.batchCode) warnings.push(`${l.sku}: de pakbon noemt geen batchcode`);
  }
  return {
    despatchId,
    issueDate: text(advice.IssueDate),
    // The same delivery note booked twice books once: its key is the note's own id.
    idempotencyKey: `despatch-advice:${po.id}:${despatchId.slice(0, 120)}`,
    lines: [...lines.values()],
    warnings,
  };
}
