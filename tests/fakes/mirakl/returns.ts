import { randomUUID } from 'node:crypto';
import { miraklDate, type SimOrder } from './order-factory.js';
import { SimError, type SimState } from './store.js';

/**
 * RT11 (list returns) as the seller spec defines it (`RT11_Response_200`), and the buyer's side of a
 * return: the simulator opens one on a shipped order, as the marketplace does when a buyer asks for it.
 * Paging is Mirakl's seek pagination: `limit`, then `page_token` (the previous `next_page_token`), which
 * stands for the whole query it continues.
 */

export type SimReturn = Record<string, unknown> & {
  id: string;
  order_id: string;
  state: string;
  date_created: string;
  last_updated: string;
  return_lines: { order_line_id: string; quantity: number; reason_code: string }[];
};

export interface CreateReturnInput {
  /** Lines and units coming back; every shipped line in full when absent. */
  lines?: { orderLineId: string; quantity: number }[];
  reasonCode?: string;
  state?: string;
  /** The tracking number of the return label the marketplace issued, if any. */
  trackingNumber?: string;
}

/** Orders a buyer may send back: the parcel has left (or arrived). */
const RETURNABLE_STATES = new Set(['SHIPPED', 'TO_COLLECT', 'RECEIVED', 'CLOSED']);
const RETURN_STATES = new Set([
  'WAITING_ACCEPTANCE',
  'IN_PROGRESS',
  'REFUSED',
  'RECEIVED',
  'NO_RECEPTION',
  'CLOSED',
  'CANCELED',
]);

export function createReturn(
  state: SimState,
  orderId: string,
  input: CreateReturnInput,
  now: Date,
): SimReturn {
  const order = state.orders.get(orderId);
  if (!order) throw new SimError(404, `Order with id '${orderId}' not found`);
  if (!RETURNABLE_STATES.has(order.order_state))
    throw new SimError(
      400,
      `Order '${orderId}' is ${order.order_state}: only a shipped order can be returned`,
    );
  const reason = input.reasonCode ?? 'RETURN_CHANGED_MIND';
  const shipped = order.order_lines.filter((l) => l.order_line_state !== 'REFUSED');
  const wanted =
    input.lines ?? shipped.map((l) => ({ orderLineId: l.order_line_id, quantity: Number(l.quantity) }));
  const return_lines = wanted.map((w) => {
    const line = shipped.find((l) => l.order_line_id === w.orderLineId);
    if (!line) throw new SimError(400, `Order line '${w.orderLineId}' is not a shipped line of '${orderId}'`);
    if (!Number.isInteger(w.quantity) || w.quantity < 1 || w.quantity > Number(line.quantity))
      throw new SimError(400, `Cannot return ${w.quantity} of line '${w.orderLineId}'`);
    return { order_line_id: w.orderLineId, quantity: w.quantity, reason_code: reason };
  });
  const stamp = miraklDate(now);
  const created: SimReturn = {
    date_created: stamp,
    documents: [],
    id: randomUUID(),
    last_updated: stamp,
    method_code: 'RETURN_METHOD_BY_MAIL',
    order_commercial_id: String(order.commercial_id ?? orderId),
    order_id: orderId,
    reason_code: reason,
    // Where the buyer sends it: the seller's warehouse (the demo shop's address).
    return_address: {
      city: 'Angers',
      country_iso_code: 'FRA',
      street1: '12 rue des Jardiniers',
      zip_code: '49000',
    },
    return_lines,
    state: input.state ?? 'WAITING_ACCEPTANCE',
    ...(input.trackingNumber
      ? {
          tracking: {
            carrier_code: 'COLISSIMO',
            carrier_name: 'Colissimo',
            tracking_number: input.trackingNumber,
          },
        }
      : {}),
  };
  state.returns.push(created);
  return created;
}

/** Moves a return on (the buyer's parcel arrives, the operator closes it…). */
export function setReturnState(state: SimState, returnId: string, next: string, now: Date): SimReturn {
  if (!RETURN_STATES.has(next)) throw new SimError(400, `Unknown return state ${next}`);
  const found = state.returns.find((r) => r.id === returnId);
  if (!found) throw new SimError(404, `Return with id '${returnId}' not found`);
  found.state = next;
  found.last_updated = miraklDate(now);
  return found;
}

export interface ReturnQuery {
  returnIds: string[] | null;
  states: string[] | null;
  orderCommercialIds: string[] | null;
  orderLineIds: string[] | null;
  createdFrom: number | null;
  createdTo: number | null;
  updatedFrom: number | null;
  updatedTo: number | null;
  limit: number;
}

interface SeekToken {
  query: ReturnQuery;
  after: { at: number; id: string };
}

export function decodeSeekToken(text: string): SeekToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as SeekToken;
    if (token?.query && token.after && typeof token.after.id === 'string') return token;
  } catch {
    // Reported below.
  }
  throw new SimError(400, `Invalid page_token: ${text}`);
}

/** RT11: filters (dates inclusive at both ends), sort by creation date then id, one seek page. */
export function queryReturns(
  state: SimState,
  query: ReturnQuery,
  after: SeekToken['after'] | null,
): { data: SimReturn[]; next_page_token?: string } {
  const at = (v: string) => Date.parse(v);
  // Code-unit order, the same as the seek comparison below (locale order would skip the dashes).
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const orderOf = (r: SimReturn): SimOrder | undefined => state.orders.get(r.order_id);
  const key = (r: SimReturn) => ({ at: at(r.date_created), id: r.id });
  const isAfter = (r: SimReturn) => {
    if (!after) return true;
    const k = key(r);
    return k.at > after.at || (k.at === after.at && k.id > after.id);
  };
  const matching = state.returns
    .filter((r) => !query.returnIds || query.returnIds.includes(r.id))
    .filter((r) => !query.states || query.states.includes(r.state))
    .filter(
      (r) =>
        !query.orderCommercialIds || query.orderCommercialIds.includes(String(orderOf(r)?.commercial_id)),
    )
    .filter(
      (r) => !query.orderLineIds || r.return_lines.some((l) => query.orderLineIds?.includes(l.order_line_id)),
    )
    .filter((r) => query.createdFrom === null || at(r.date_created) >= query.createdFrom)
    .filter((r) => query.createdTo === null || at(r.date_created) <= query.createdTo)
    .filter((r) => query.updatedFrom === null || at(r.last_updated) >= query.updatedFrom)
    .filter((r) => query.updatedTo === null || at(r.last_updated) <= query.updatedTo)
    .sort((a, b) => at(a.date_created) - at(b.date_created) || byId(a.id, b.id))
    .filter(isAfter);
  const data = matching.slice(0, query.limit);
  const last = data.at(-1);
  if (matching.length <= query.limit || !last) return { data };
  const token: SeekToken = { query, after: key(last) };
  return { data, next_page_token: Buffer.from(JSON.stringify(token)).toString('base64url') };
}
