import { AppError } from '../../platform/errors.ts';

/** Inventory's refusals: 409 when the stock or a serial's place says no, 422 when the request is wrong. */
export const inventoryErrors = {
  unknownLocation: (field: string) =>
    new AppError(422, 'unknown_location', 'Onbekende voorraadlocatie', [{ field, message: 'bestaat niet' }]),
  unknownProduct: (field: string) =>
    new AppError(422, 'unknown_product', 'Onbekend product', [{ field, message: 'bestaat niet' }]),
  serialRequired: (field: string) =>
    new AppError(422, 'serial_required', 'Dit product heeft een serienummer nodig bij elke beweging', [
      { field, message: 'serienummer ontbreekt' },
    ]),
  serialIsOneUnit: (field: string) =>
    new AppError(422, 'serial_quantity_one', 'Een serienummer is precies één stuk', [
      { field, message: 'aantal moet 1 zijn bij een serienummer' },
    ]),
  serialNotExpected: (field: string) =>
    new AppError(422, 'serial_not_tracked', 'Dit product wordt niet op serienummer gevolgd', [
      { field, message: 'geen serienummer opgeven' },
    ]),
  batchRequired: (field: string) =>
    new AppError(422, 'batch_required', 'Dit product heeft een batchcode nodig', [
      { field, message: 'batchcode ontbreekt' },
    ]),
  serialTwiceInPosting: (serial: string, field: string) =>
    new AppError(422, 'serial_repeated', `Serienummer ${serial} staat twee keer in deze boeking`, [
      { field, message: 'dubbel serienummer' },
    ]),
  serialAlreadyReceived: (serial: string) =>
    new AppError(409, 'serial_already_received', `Serienummer ${serial} is al ontvangen`),
  serialUnknown: (serial: string) => new AppError(409, 'serial_unknown', `Serienummer ${serial} is nooit ontvangen`),
  serialNotAtLocation: (serial: string, where: string) =>
    new AppError(409, 'serial_not_at_location', `Serienummer ${serial} ligt niet op deze locatie maar op ${where}`),
  serialAlreadyInstalled: (serial: string) =>
    new AppError(409, 'serial_already_installed', `Serienummer ${serial} is al geïnstalleerd`),
  serialNotInstalled: (serial: string) =>
    new AppError(409, 'serial_not_installed', `Serienummer ${serial} is nooit geïnstalleerd en kan niet retour komen`),
  insufficientStock: (productName: string, locationCode: string, available: number) =>
    new AppError(
      409,
      'insufficient_stock',
      `Onvoldoende voorraad van ${productName} op ${locationCode} (beschikbaar: ${available})`,
    ),
  wrongDocument: (message: string, field: string) => new AppError(422, 'wrong_document', message, [{ field, message }]),
  idempotencyKeyReused: () =>
    new AppError(409, 'idempotency_key_reused', 'Deze idempotentiesleutel is al gebruikt voor een andere boeking'),
  purchaseOrderNotReceivable: (status: string) =>
    new AppError(
      409,
      'purchase_order_not_receivable',
      `Op een inkooporder met status ${status} kan niets worden ontvangen`,
    ),
  purchaseOrderNotEditable: (status: string) =>
    new AppError(409, 'purchase_order_not_editable', `Een inkooporder met status ${status} kan dit niet meer`),
  overReceipt: (field: string, open: number) =>
    new AppError(422, 'over_receipt', `Meer ontvangen dan besteld wordt geweigerd (nog open: ${open})`, [
      { field, message: `hoger dan de open hoeveelheid (${open})` },
    ]),
  notOnPurchaseOrder: (field: string) =>
    new AppError(422, 'not_on_purchase_order', 'Dit product staat niet op de inkooporder', [
      { field, message: 'niet besteld' },
    ]),
  notPhysical: (field: string) =>
    new AppError(
      422,
      'not_physical_location',
      'Alleen een fysieke locatie (magazijn, stelling, staging, bus) wordt geteld',
      [{ field, message: 'geen fysieke locatie' }],
      {
        message: 'Only a physical location (warehouse, bin, staging, van) is counted',
        errors: { [field]: 'not a physical location' },
      },
    ),
  countAlreadyOpen: (number: string) =>
    new AppError(
      409,
      'count_already_open',
      `Op deze locatie loopt al telling ${number}; maak die eerst af`,
      undefined,
      {
        message: `Count ${number} is still open at this location; finish it first`,
      },
    ),
  countPosted: (number: string) =>
    new AppError(409, 'count_posted', `Telling ${number} is al geboekt en kan niet meer worden gewijzigd`, undefined, {
      message: `Count ${number} has been posted and can no longer change`,
    }),
  unknownCountLine: (field: string) =>
    new AppError(
      422,
      'unknown_count_line',
      'Deze regel hoort niet bij deze telling',
      [{ field, message: 'onbekende regel' }],
      {
        message: 'This line is not part of this count',
        errors: { [field]: 'unknown line' },
      },
    ),
  countIncomplete: (fields: string[]) =>
    new AppError(
      422,
      'count_incomplete',
      'Nog niet alles is geteld: vul bij elke regel het getelde aantal in',
      fields.map((field) => ({ field, message: 'niet geteld' })),
      {
        message: 'Not everything has been counted: enter the counted quantity on every line',
        errors: Object.fromEntries(fields.map((f) => [f, 'not counted'])),
      },
    ),
  serialElsewhere: (serial: string, where: string) =>
    new AppError(
      409,
      'serial_not_at_location',
      `Serienummer ${serial} staat geboekt op ${where}: boek eerst een overboeking naar deze locatie`,
      undefined,
      { message: `Serial ${serial} is booked at ${where}: post a transfer to this location first` },
    ),
  serialNeverReceived: (serial: string) =>
    new AppError(409, 'serial_unknown', `Serienummer ${serial} is nooit ontvangen`, undefined, {
      message: `Serial ${serial} was never received`,
    }),
};
