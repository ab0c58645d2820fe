import type { DbOrTx } from '../../platform/db/client.ts';
import type { RelayedEvent } from '../../platform/events/subscribers.ts';
import { storeEmail } from '../../platform/mail.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { orderForConfirmation } from '../../read-models/message-recipients.ts';

/**
 * The customer's confirmation of a new order (signed quote or partner order), in their language and with
 * the order's brand. Once per order: the event delivered twice stores one message.
 */
export async function confirmOrderToCustomer(db: DbOrTx, event: RelayedEvent<'order.created'>, publicUrl: string) {
  const order = await orderForConfirmation(db, event.subjectId);
  if (!order?.email) return;
  const language = order.language ?? 'nl';
  await storeEmail(db, {
    to: order.email,
    customerId: order.customerId,
    dedupeKey: `order_confirmation:${order.id}`,
    ...(await renderMessage(db, {
      type: 'order_confirmation',
      language,
      brand: order.entity,
      values: {
        customerName: order.customerName,
        orderNumber: order.number,
        quoteNumber: order.quoteNumber ?? undefined,
        link: `${publicUrl.replace(/\/$/, '')}/customer`,
      },
    })),
  });
}
