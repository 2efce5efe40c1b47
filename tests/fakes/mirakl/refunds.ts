import { z } from 'zod';
import { miraklDate, type SimOrder } from './order-factory.js';
import { SimError, type SimState } from './store.js';

/**
 * OR28 (refunds on order lines) as the seller spec defines it, and the refunds it leaves on each line
 * for OR11 to show (`order_lines[].refunds`), which is what a connector reads back after a timeout.
 */
export const Or28Request = z.object({
  order_tax_mode: z.enum(['TAX_INCLUDED', 'TAX_EXCLUDED']).optional(),
  refunds: z.array(
    z.object({
      amount: z.number(),
      currency_iso_code: z.string().optional(),
      excluded_from_shipment: z.boolean().optional(),
      order_line_id: z.string(),
      quantity: z.number().int().optional(),
      reason_code: z.string().min(1),
      shipping_amount: z.number(),
    }),
  ),
});
export type Or28Request = z.infer<typeof Or28Request>;

const REFUNDABLE_STATES = new Set(['SHIPPING', 'SHIPPED', 'TO_COLLECT', 'RECEIVED', 'CLOSED']);
const cents = (n: unknown) => Math.round(Number(n ?? 0) * 100);

function findLine(
  state: SimState,
  lineId: string,
): { order: SimOrder; line: SimOrder['order_lines'][number] } {
  for (const order of state.orders.values()) {
    const line = order.order_lines?.find((l) => l.order_line_id === lineId);
    if (line) return { order, line };
  }
  throw new SimError(404, `Order line with id '${lineId}' not found`);
}

/** Validates every refund first, then applies them all: a refused request leaves no partial refund. */
export function refundLines(state: SimState, request: Or28Request, now: Date) {
  const found = request.refunds.map((r) => ({ r, ...findLine(state, r.order_line_id) }));
  for (const { r, order, line } of found) {
    if (!REFUNDABLE_STATES.has(order.order_state))
      throw new SimError(
        400,
        `Order '${order.order_id}' is ${order.order_state}: its lines cannot be refunded`,
      );
    if (r.currency_iso_code && r.currency_iso_code !== order.currency_iso_code)
      throw new SimError(
        400,
        `Currency ${r.currency_iso_code} is not the order's (${order.currency_iso_code})`,
      );
    if (r.amount < 0 || r.shipping_amount < 0) throw new SimError(400, 'Refund amounts must not be negative');
    const previous = (line.refunds as { amount: number; shipping_amount: number }[] | undefined) ?? [];
    const sameLine = found.filter((f) => f.line === line).map((f) => f.r);
    const amount =
      previous.reduce((s, p) => s + cents(p.amount), 0) + sameLine.reduce((s, x) => s + cents(x.amount), 0);
    const shipping =
      previous.reduce((s, p) => s + cents(p.shipping_amount), 0) +
      sameLine.reduce((s, x) => s + cents(x.shipping_amount), 0);
    if (amount > cents(line.price))
      throw new SimError(400, `Refunds of line '${line.order_line_id}' would exceed its price ${line.price}`);
    if (shipping > cents(line.shipping_price))
      throw new SimError(
        400,
        `Shipping refunds of line '${line.order_line_id}' would exceed its shipping price ${line.shipping_price}`,
      );
  }
  const stamp = miraklDate(now);
  const orderRefundId = `ORF-${state.refundSeq + 1}`;
  const created = found.map(({ r, order, line }) => {
    state.refundSeq += 1;
    const refund = {
      id: String(1000 + state.refundSeq),
      amount: r.amount,
      shipping_amount: r.shipping_amount,
      quantity: r.quantity ?? 0,
      reason_code: r.reason_code,
      created_date: stamp,
      order_refund_id: orderRefundId,
      refund_state: 'WAITING_REFUND',
      state: 'WAITING_REFUND',
      commission_amount: 0,
      commission_tax_amount: 0,
      commission_taxes: [],
      commission_total_amount: 0,
    };
    line.refunds = [...((line.refunds as unknown[]) ?? []), refund];
    line.last_updated_date = stamp;
    order.last_updated_date = stamp;
    return {
      amount: r.amount,
      currency_iso_code: order.currency_iso_code as string,
      order_line_id: line.order_line_id,
      order_refund_id: orderRefundId,
      quantity: refund.quantity,
      reason_code: r.reason_code,
      refund_id: refund.id,
      shipping_amount: r.shipping_amount,
    };
  });
  return { order_tax_mode: request.order_tax_mode ?? 'TAX_INCLUDED', refunds: created };
}
