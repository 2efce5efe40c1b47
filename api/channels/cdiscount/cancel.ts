import { type CancelReason, ChannelError, type LineCancellation } from '../connector.js';
import type { CdiscountClient } from './client.js';
import type { CdiscountOrder } from './wire.js';

/**
 * Line cancellation: `POST /order-partial-cancellation-requests` with the order, and per line its
 * `lineId`, `offerId` and a seller reason code. Cdiscount cancels a line as a whole, so a cancellation
 * of fewer units than the line holds is refused here before anything is written. Lines that already
 * have a cancellation request (an earlier attempt that timed out) are not requested again.
 */

/**
 * Seller reason codes. Octopia lists the valid ones per order status and sales channel
 * (`GET /cancellation-reasons?userType=Seller&orderStatus=…&salesChannel=…`); these defaults are our
 * assumption and a channel can override them in its settings (`cancelReasons`).
 */
export const defaultCancelReasons: Readonly<Record<CancelReason, string>> = {
  out_of_stock: 'ProductUnavailable',
  buyer_request: 'CustomerRequest',
  address_undeliverable: 'UndeliverableAddress',
  other: 'Other',
};

interface CancellationRequestList {
  items?: { lines?: { lineId?: unknown }[] }[];
}

export async function requestedCancellations(client: CdiscountClient, orderId: string): Promise<Set<string>> {
  const list = await client.get<CancellationRequestList>(
    'listCancellationRequests',
    '/order-cancellation-requests',
    {
      orderSellerId: orderId,
      pageIndex: 1,
      pageSize: 100,
    },
  );
  const ids = new Set<string>();
  for (const request of list?.items ?? []) {
    for (const line of request.lines ?? []) if (typeof line.lineId === 'string') ids.add(line.lineId);
  }
  return ids;
}

export async function cancelCdiscountLines(
  client: CdiscountClient,
  order: CdiscountOrder,
  lines: LineCancellation[],
  reasons: Readonly<Record<CancelReason, string>>,
): Promise<void> {
  const byId = new Map(order.lines.map((l) => [l.lineId, l]));
  const wanted = lines.map((c) => {
    const line = byId.get(c.externalLineId);
    if (!line) {
      throw new ChannelError(
        `cdiscount order ${order.orderId} has no line ${c.externalLineId}`,
        'cdiscount_unknown_line',
        false,
      );
    }
    if (c.quantity !== line.quantity) {
      throw new ChannelError(
        `cdiscount cancels whole lines: line ${c.externalLineId} holds ${line.quantity}, asked to cancel ${c.quantity}`,
        'cdiscount_line_quantity',
        false,
      );
    }
    return { line, reason: reasons[c.reason] };
  });
  const already = await requestedCancellations(client, order.orderId);
  const open = wanted.filter((w) => !already.has(w.line.lineId) && w.line.status !== 'Cancelled');
  if (open.length === 0) return;
  await client.send('createPartialCancellationRequest', 'POST', '/order-partial-cancellation-requests', {
    orderSellerId: order.orderId,
    lines: open.map((w) => ({
      lineId: w.line.lineId,
      offerId: w.line.offer.id,
      reason: w.reason,
      shippingCostRefund: true,
    })),
  });
}
