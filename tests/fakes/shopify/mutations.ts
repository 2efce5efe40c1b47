import {
  type FakeFulfillment,
  FakeGraphqlError,
  fulfilledQuantity,
  gid,
  levelKey,
  orderOfFulfillmentOrder,
  type ShopifyState,
} from './store.js';

/**
 * The mutations the connector uses, with the checks Shopify makes. Refusals of the input's meaning come
 * back as `userErrors` (nothing is changed); a reference to something that does not exist in a way no
 * userError covers is a top-level error.
 */

export interface UserError {
  field: string[] | null;
  message: string;
  code?: string;
}

type Input = Record<string, unknown>;

export interface FulfillmentInput {
  lineItemsByFulfillmentOrder: {
    fulfillmentOrderId: string;
    fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null;
  }[];
  trackingInfo?: { company?: string | null; number?: string | null; url?: string | null } | null;
  notifyCustomer?: boolean | null;
}

export function fulfillmentCreate(state: ShopifyState, input: FulfillmentInput, now: string) {
  const errors: UserError[] = [];
  const plan: { foLineId: string; quantity: number }[] = [];
  let orderId: string | null = null;
  for (const [i, group] of input.lineItemsByFulfillmentOrder.entries()) {
    const found = orderOfFulfillmentOrder(state, group.fulfillmentOrderId);
    const field = ['fulfillment', 'lineItemsByFulfillmentOrder', String(i)];
    if (!found) {
      errors.push({ field, message: 'Fulfillment order does not exist.' });
      continue;
    }
    if (orderId && orderId !== found.order.id) {
      errors.push({ field, message: 'All fulfillment orders must belong to the same order.' });
      continue;
    }
    orderId = found.order.id;
    if (found.fo.status !== 'OPEN' && found.fo.status !== 'IN_PROGRESS') {
      errors.push({ field, message: `Fulfillment order is ${found.fo.status.toLowerCase()}.` });
      continue;
    }
    const items =
      group.fulfillmentOrderLineItems ??
      found.fo.lineItems.map((li) => ({ id: li.id, quantity: li.remainingQuantity }));
    for (const item of items) {
      const li = found.fo.lineItems.find((l) => l.id === item.id);
      if (!li) errors.push({ field, message: `Fulfillment order line item ${item.id} does not exist.` });
      else if (item.quantity <= 0 || item.quantity > li.remainingQuantity)
        errors.push({
          field,
          message: `Invalid quantity ${item.quantity}: ${li.remainingQuantity} remaining.`,
        });
      else if (item.quantity > 0) plan.push({ foLineId: li.id, quantity: item.quantity });
    }
  }
  const tracking = input.trackingInfo;
  if (tracking?.url && !/^https?:\/\/[^\s/]+/.test(tracking.url))
    errors.push({ field: ['fulfillment', 'trackingInfo', 'url'], message: 'Url is invalid.' });
  if (tracking?.url && !tracking.number)
    errors.push({ field: ['fulfillment', 'trackingInfo'], message: 'A url needs a number.' });
  if (errors.length > 0 || !orderId || plan.length === 0) {
    if (errors.length === 0) errors.push({ field: ['fulfillment'], message: 'Nothing to fulfill.' });
    return { fulfillment: null, userErrors: errors };
  }
  const order = state.orders.get(orderId);
  if (!order) throw new FakeGraphqlError('order vanished');
  const lines = new Map<string, number>();
  for (const step of plan) {
    const fo = order.fulfillmentOrders.find((f) => f.lineItems.some((l) => l.id === step.foLineId));
    const li = fo?.lineItems.find((l) => l.id === step.foLineId);
    if (!fo || !li) continue;
    li.remainingQuantity -= step.quantity;
    fo.status = fo.lineItems.every((l) => l.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
    lines.set(li.lineItemId, (lines.get(li.lineItemId) ?? 0) + step.quantity);
  }
  const fulfillment: FakeFulfillment = {
    id: gid(state, 'Fulfillment'),
    status: 'SUCCESS',
    createdAt: now,
    tracking: tracking
      ? [{ company: tracking.company ?? null, number: tracking.number ?? null, url: tracking.url ?? null }]
      : [],
    lines: [...lines].map(([lineItemId, quantity]) => ({ lineItemId, quantity })),
  };
  order.fulfillments.push(fulfillment);
  order.updatedAt = now;
  return { fulfillment, userErrors: [] };
}

/** The reasons Shopify documents for `inventorySetQuantities`. */
const REASONS = new Set([
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
]);

export function inventorySetQuantities(state: ShopifyState, input: Input, now: string) {
  const errors: UserError[] = [];
  const name = String(input.name);
  if (name !== 'available' && name !== 'on_hand')
    errors.push({
      field: ['input', 'name'],
      message: 'The quantity name must be available or on_hand.',
      code: 'INVALID_NAME',
    });
  if (!REASONS.has(String(input.reason)))
    errors.push({ field: ['input', 'reason'], message: 'The reason is not valid.', code: 'INVALID_REASON' });
  const ignoreCompare = input.ignoreCompareQuantity === true;
  const quantities = input.quantities as {
    inventoryItemId: string;
    locationId: string;
    quantity: number;
    compareQuantity?: number | null;
  }[];
  quantities.forEach((q, i) => {
    const field = ['input', 'quantities', String(i)];
    const key = levelKey(q.inventoryItemId, q.locationId);
    if (!state.variants.some((v) => v.inventoryItemId === q.inventoryItemId))
      errors.push({
        field,
        message: 'The inventory item could not be found.',
        code: 'INVALID_INVENTORY_ITEM',
      });
    else if (!state.available.has(key))
      errors.push({
        field,
        message: 'The item is not stocked at the location.',
        code: 'ITEM_NOT_STOCKED_AT_LOCATION',
      });
    else if (q.quantity < 0)
      errors.push({ field, message: "The quantity can't be negative.", code: 'INVALID_QUANTITY_NEGATIVE' });
    else if (!ignoreCompare && (q.compareQuantity === undefined || q.compareQuantity === null))
      errors.push({ field, message: 'A compareQuantity is required.', code: 'COMPARE_QUANTITY_REQUIRED' });
    else if (!ignoreCompare && q.compareQuantity !== state.available.get(key))
      errors.push({
        field,
        message: 'The specified compare quantity does not match the current quantity.',
        code: 'COMPARE_QUANTITY_STALE',
      });
  });
  if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
  const changes = quantities.map((q) => {
    const key = levelKey(q.inventoryItemId, q.locationId);
    const before = state.available.get(key) ?? 0;
    state.available.set(key, q.quantity);
    return {
      inventoryItemId: q.inventoryItemId,
      locationId: q.locationId,
      delta: q.quantity - before,
      quantityAfterChange: q.quantity,
    };
  });
  const adjustment = {
    id: gid(state, 'InventoryAdjustmentGroup'),
    reason: String(input.reason),
    at: now,
    changes,
  };
  state.adjustments.push(adjustment);
  return { inventoryAdjustmentGroup: adjustment, userErrors: [] };
}

const tail = (id: string) => id.slice(id.lastIndexOf('/') + 1);

export function orderEditBegin(state: ShopifyState, orderId: string) {
  const order = state.orders.get(orderId);
  if (!order)
    return { calculatedOrder: null, userErrors: [{ field: ['id'], message: 'Order does not exist.' }] };
  if (order.cancelledAt)
    return {
      calculatedOrder: null,
      userErrors: [{ field: ['id'], message: 'A cancelled order cannot be edited.' }],
    };
  const edit = {
    id: `gid://shopify/CalculatedOrder/${tail(gid(state, 'CalculatedOrder'))}`,
    orderId,
    staged: new Map(),
    committed: false,
  };
  state.edits.set(edit.id, edit);
  return { calculatedOrder: edit, userErrors: [] };
}

export function orderEditSetQuantity(state: ShopifyState, args: Input) {
  const edit = state.edits.get(String(args.id));
  const order = edit && state.orders.get(edit.orderId);
  if (!edit || !order || edit.committed)
    return {
      calculatedLineItem: null,
      userErrors: [{ field: ['id'], message: 'The calculated order does not exist.' }],
    };
  const line = order.lineItems.find((l) => tail(l.id) === tail(String(args.lineItemId)));
  const quantity = Number(args.quantity);
  if (!line || !String(args.lineItemId).includes('/CalculatedLineItem/'))
    return {
      calculatedLineItem: null,
      userErrors: [{ field: ['lineItemId'], message: 'The line item does not exist.' }],
    };
  if (quantity < fulfilledQuantity(order, line.id) || quantity > line.currentQuantity)
    return {
      calculatedLineItem: null,
      userErrors: [
        {
          field: ['quantity'],
          message: `The quantity must be between ${fulfilledQuantity(order, line.id)} and ${line.currentQuantity}.`,
        },
      ],
    };
  edit.staged.set(line.id, { quantity, restock: args.restock === true });
  return { calculatedLineItem: { lineId: line.id, editId: edit.id }, userErrors: [] };
}

export function orderEditCommit(state: ShopifyState, editId: string, now: string) {
  const edit = state.edits.get(editId);
  const order = edit && state.orders.get(edit.orderId);
  if (!edit || !order || edit.committed)
    return {
      order: null,
      userErrors: [{ field: ['id'], message: 'The calculated order does not exist or was committed.' }],
    };
  for (const [lineId, change] of edit.staged) {
    const line = order.lineItems.find((l) => l.id === lineId);
    if (!line) continue;
    let removed = line.currentQuantity - change.quantity;
    line.currentQuantity = change.quantity;
    for (const fo of order.fulfillmentOrders) {
      for (const li of fo.lineItems.filter((l) => l.lineItemId === lineId)) {
        const take = Math.min(removed, li.remainingQuantity);
        li.remainingQuantity -= take;
        li.totalQuantity -= take;
        removed -= take;
        if (change.restock && take > 0) restock(state, line.variantId, fo.locationId, take);
      }
      if (fo.lineItems.every((l) => l.remainingQuantity === 0) && fo.status !== 'CLOSED')
        fo.status = fo.lineItems.some((l) => l.totalQuantity > 0) ? 'CLOSED' : 'CANCELLED';
    }
  }
  edit.committed = true;
  order.updatedAt = now;
  return { order, userErrors: [] };
}

function restock(state: ShopifyState, variantId: string | null, locationId: string, quantity: number) {
  const variant = state.variants.find((v) => v.id === variantId);
  if (!variant) return;
  const key = levelKey(variant.inventoryItemId, locationId);
  state.available.set(key, (state.available.get(key) ?? 0) + quantity);
}
