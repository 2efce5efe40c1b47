import { miraklDate, type SimOrder } from './order-factory.js';
import type { SimReturn } from './returns.js';

/**
 * The simulator's marketplace state and the order life cycle it enforces, kept apart from HTTP so the
 * rules read on their own. Errors carry the HTTP status and a message the way Mirakl answers them.
 */
export class SimError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface StockImport {
  importId: string;
  at: string;
  rows: { sku: string; quantity: number; warehouse: string | null }[];
}

export interface SimState {
  orders: Map<string, SimOrder>;
  /** Orders in arrival order, including malformed ones added raw. */
  createdIds: string[];
  stock: Map<string, number>;
  imports: StockImport[];
  /** OR24 refuses an order without tracking, as marketplaces configured with mandatory tracking do. */
  trackingMandatory: boolean;
  /** OR28 refunds issued so far (numbers their ids). */
  refundSeq: number;
  /** Returns buyers opened (RT11), in creation order. */
  returns: SimReturn[];
}

export function createState(): SimState {
  return {
    orders: new Map(),
    createdIds: [],
    stock: new Map(),
    imports: [],
    trackingMandatory: true,
    refundSeq: 0,
    returns: [],
  };
}

export interface OrderQuery {
  orderIds: string[] | null;
  states: string[] | null;
  startUpdate: number | null;
  endUpdate: number | null;
  startCreated: number | null;
  endCreated: number | null;
  offset: number;
  max: number | null;
}

/** OR11: filters (update dates inclusive at both ends), then sort by creation date and order id. */
export function queryOrders(state: SimState, q: OrderQuery): { orders: SimOrder[]; total_count: number } {
  const at = (v: unknown) => Date.parse(String(v));
  const matching = [...state.orders.values()]
    .filter((o) => !q.orderIds || q.orderIds.includes(o.order_id))
    .filter((o) => !q.states || q.states.includes(o.order_state))
    .filter((o) => q.startUpdate === null || at(o.last_updated_date) >= q.startUpdate)
    .filter((o) => q.endUpdate === null || at(o.last_updated_date) <= q.endUpdate)
    .filter((o) => q.startCreated === null || at(o.created_date) >= q.startCreated)
    .filter((o) => q.endCreated === null || at(o.created_date) <= q.endCreated)
    .sort((a, b) => at(a.created_date) - at(b.created_date) || a.order_id.localeCompare(b.order_id));
  const page = q.max === null ? matching.slice(q.offset) : matching.slice(q.offset, q.offset + q.max);
  return { orders: page, total_count: matching.length };
}

function findOrder(state: SimState, orderId: string): SimOrder {
  const order = state.orders.get(orderId);
  if (!order) throw new SimError(404, `Order with id '${orderId}' not found`);
  return order;
}

function touch(
  order: SimOrder,
  now: Date,
  lineState?: (line: SimOrder['order_lines'][number]) => string,
): void {
  const stamp = miraklDate(now);
  order.last_updated_date = stamp;
  for (const line of order.order_lines) {
    if (lineState) line.order_line_state = lineState(line);
    line.last_updated_date = stamp;
  }
}

/** OR21. The debit is simulated as instant: accepted lines go straight through WAITING_DEBIT to SHIPPING. */
export function acceptOrder(
  state: SimState,
  orderId: string,
  decisions: { id: string; accepted: boolean }[],
  now: Date,
): void {
  const order = findOrder(state, orderId);
  if (order.order_state !== 'WAITING_ACCEPTANCE') {
    throw new SimError(
      400,
      `ORDER_INVALID_STATE: order '${orderId}' is ${order.order_state}, not WAITING_ACCEPTANCE`,
    );
  }
  const ids = decisions.map((d) => d.id);
  if (new Set(ids).size !== ids.length)
    throw new SimError(400, 'ORDER_LINE_DUPLICATE_ID: duplicate order line ids');
  const lineIds = order.order_lines.map((l) => l.order_line_id);
  const unknown = ids.find((id) => !lineIds.includes(id));
  if (unknown)
    throw new SimError(400, `ORDER_LINE_NOT_FOUND: order line '${unknown}' is not in order '${orderId}'`);
  const missing = lineIds.filter((id) => !ids.includes(id));
  if (missing.length > 0) {
    throw new SimError(400, `ORDER_LINE_ACCEPTANCE_DECISION_MISSING: no decision for ${missing.join(', ')}`);
  }
  const accepted = new Set(decisions.filter((d) => d.accepted).map((d) => d.id));
  touch(order, now, (line) => (accepted.has(line.order_line_id) ? 'SHIPPING' : 'REFUSED'));
  const stamp = miraklDate(now);
  order.acceptance_decision_date = stamp;
  if (accepted.size === 0) {
    order.order_state = 'REFUSED';
    order.can_cancel = false;
    return;
  }
  order.order_state = 'SHIPPING';
  order.customer_debited_date = stamp;
  order.can_shop_ship = true;
}

export interface TrackingInput {
  carrier_code?: string | undefined;
  carrier_name?: string | undefined;
  carrier_standard_code?: string | undefined;
  carrier_url?: string | undefined;
  tracking_number?: string | undefined;
}

/** OR23: tracking may be set or corrected while the order is SHIPPING or already SHIPPED. */
export function setTracking(state: SimState, orderId: string, input: TrackingInput, now: Date): void {
  const order = findOrder(state, orderId);
  if (order.order_state !== 'SHIPPING' && order.order_state !== 'SHIPPED') {
    throw new SimError(
      400,
      `Order '${orderId}' is ${order.order_state}: tracking can only be set on shipping orders`,
    );
  }
  if (!input.carrier_code && !input.carrier_name) {
    throw new SimError(
      400,
      'carrier_code (registered carrier) or carrier_name (unregistered carrier) is required',
    );
  }
  if (input.carrier_code) order.shipping_carrier_code = input.carrier_code;
  if (input.carrier_standard_code) order.shipping_carrier_standard_code = input.carrier_standard_code;
  order.shipping_company = input.carrier_name ?? input.carrier_code;
  if (input.tracking_number) order.shipping_tracking = input.tracking_number;
  if (input.carrier_url) order.shipping_tracking_url = input.carrier_url;
  touch(order, now);
}

/** OR24: only a SHIPPING order ships, and only with tracking when the platform requires it. */
export function shipOrder(state: SimState, orderId: string, now: Date): void {
  const order = findOrder(state, orderId);
  if (order.order_state !== 'SHIPPING') {
    throw new SimError(400, `Order '${orderId}' is ${order.order_state}, it must be SHIPPING to be shipped`);
  }
  if (state.trackingMandatory && !order.shipping_tracking) {
    throw new SimError(
      400,
      `Tracking number is mandatory to ship order '${orderId}': send it with OR23 first`,
    );
  }
  touch(order, now, (line) => (line.order_line_state === 'SHIPPING' ? 'SHIPPED' : line.order_line_state));
  order.order_state = 'SHIPPED';
  order.can_shop_ship = false;
  order.can_cancel = false;
  for (const line of order.order_lines)
    if (line.order_line_state === 'SHIPPED') line.shipped_date = miraklDate(now);
}
