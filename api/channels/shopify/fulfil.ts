import { ChannelError, type ShipmentConfirmation } from '../connector.js';

/** What `ORDER_FULFILMENTS` answers: the order's fulfilments. */
export interface OrderFulfilments {
  id: string;
  displayFulfillmentStatus: string;
  fulfillments: {
    id: string;
    status: string;
    createdAt: string;
    trackingInfo: { company: string | null; number: string | null; url: string | null }[];
  }[];
}

/** What `ORDER_FULFILMENT_STATE` answers, as far as shipping needs it. */
export interface FulfilmentState extends OrderFulfilments {
  fulfillmentOrders: {
    nodes: {
      id: string;
      status: string;
      lineItems: { nodes: { id: string; remainingQuantity: number; lineItem: { id: string } }[] };
    }[];
  };
}

export interface FulfillmentOrderLines {
  fulfillmentOrderId: string;
  fulfillmentOrderLineItems?: { id: string; quantity: number }[];
}

/** Fulfilment orders still waiting for units; CLOSED, CANCELLED, INCOMPLETE and ON_HOLD cannot take one. */
const FULFILLABLE = new Set(['OPEN', 'IN_PROGRESS']);

/** The successful fulfilment that already carries this tracking number, if any (the read-back). */
export function fulfillmentWithTracking(state: OrderFulfilments, trackingNumber: string) {
  return state.fulfillments.find(
    (f) => f.status === 'SUCCESS' && f.trackingInfo.some((t) => t.number === trackingNumber),
  );
}

/**
 * Spreads the parcel's lines over the order's open fulfilment orders. A line may be split over several
 * fulfilment orders (Shopify splits by location); each takes what it still has remaining. An empty
 * `lines` list means "everything still open". A line that cannot be covered is refused before anything
 * is written, naming the line.
 */
export function allocateParcel(
  state: FulfilmentState,
  lines: ShipmentConfirmation['lines'],
): FulfillmentOrderLines[] {
  const open = state.fulfillmentOrders.nodes.filter(
    (fo) => FULFILLABLE.has(fo.status) && fo.lineItems.nodes.some((li) => li.remainingQuantity > 0),
  );
  if (lines.length === 0) {
    if (open.length === 0) {
      throw new ChannelError(
        `shopify order ${state.id} has nothing left to fulfil`,
        'shopify_nothing_to_fulfil',
        false,
      );
    }
    return open.map((fo) => ({ fulfillmentOrderId: fo.id }));
  }
  const remaining = new Map<string, number>();
  for (const fo of open) for (const li of fo.lineItems.nodes) remaining.set(li.id, li.remainingQuantity);
  const byOrder = new Map<string, Map<string, number>>();
  for (const line of lines) {
    let wanted = line.quantity;
    for (const fo of open) {
      for (const li of fo.lineItems.nodes) {
        if (wanted === 0 || li.lineItem.id !== line.externalLineId) continue;
        const take = Math.min(wanted, remaining.get(li.id) ?? 0);
        if (take === 0) continue;
        remaining.set(li.id, (remaining.get(li.id) ?? 0) - take);
        wanted -= take;
        const items = byOrder.get(fo.id) ?? new Map<string, number>();
        items.set(li.id, (items.get(li.id) ?? 0) + take);
        byOrder.set(fo.id, items);
      }
    }
    if (wanted > 0) {
      throw new ChannelError(
        `shopify order ${state.id}: line ${line.externalLineId} has ${line.quantity - wanted} of ${line.quantity} units left to fulfil`,
        'shopify_nothing_to_fulfil',
        false,
      );
    }
  }
  return [...byOrder].map(([fulfillmentOrderId, items]) => ({
    fulfillmentOrderId,
    fulfillmentOrderLineItems: [...items].map(([id, quantity]) => ({ id, quantity })),
  }));
}

/** The most recent successful fulfilment, for `readShipmentState`. */
export function latestFulfillment(state: OrderFulfilments) {
  return state.fulfillments
    .filter((f) => f.status === 'SUCCESS')
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || numericId(a.id) - numericId(b.id))
    .at(-1);
}

function numericId(gid: string): number {
  return Number(gid.slice(gid.lastIndexOf('/') + 1)) || 0;
}
