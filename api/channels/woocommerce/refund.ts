import { ChannelError } from '../connector.js';
import { currencyExponent, parseDecimalToMinor } from '../money.js';
import type { WooClient } from './client.js';
import type { WooOrder } from './wire.js';

export interface LineCancellation {
  externalLineId: string;
  /** Units of the line to cancel. */
  quantity: number;
}

interface WooRefund {
  id: number;
  line_items?: { quantity?: number; meta_data?: { key?: string; value?: unknown }[] }[];
}

/**
 * Units refunded so far per order line. A refund's line items have negative quantities and point at
 * the order's line through the `_refunded_item_id` meta entry.
 */
export async function refundedByLine(client: WooClient, orderId: string): Promise<Map<string, number>> {
  const refunds = await client.get<WooRefund[]>(
    'listOrderRefunds',
    `/orders/${encodeURIComponent(orderId)}/refunds`,
    {
      per_page: 100,
    },
  );
  const out = new Map<string, number>();
  for (const refund of refunds ?? []) {
    for (const item of refund.line_items ?? []) {
      const target = item.meta_data?.find((m) => m.key === '_refunded_item_id')?.value;
      if (target === undefined || target === null) continue;
      out.set(String(target), (out.get(String(target)) ?? 0) + Math.abs(item.quantity ?? 0));
    }
  }
  return out;
}

function decimal(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const text = String(minor).padStart(exponent + 1, '0');
  return `${text.slice(0, -exponent)}.${text.slice(-exponent)}`;
}

/**
 * Cancels units of lines the WooCommerce way: a refund with line items, restocked (`api_restock`), with
 * no gateway refund (`api_refund: false`; paying the buyer back stays the merchant's decision). Amounts
 * are the lines' exact subtotals per unit.
 */
export async function refundLines(
  client: WooClient,
  order: WooOrder,
  lines: LineCancellation[],
  refunded: Map<string, number>,
): Promise<void> {
  if (lines.length === 0) return;
  const currency = order.currency.toUpperCase();
  let totalMinor = 0;
  const items = lines.map((line) => {
    const item = order.line_items.find((l) => String(l.id) === line.externalLineId);
    if (!item) {
      throw new ChannelError(
        `woocommerce order ${order.id} has no line ${line.externalLineId}`,
        'woocommerce_line_not_found',
        false,
      );
    }
    const left = item.quantity - (refunded.get(line.externalLineId) ?? 0);
    if (line.quantity <= 0 || line.quantity > left) {
      throw new ChannelError(
        `woocommerce line ${line.externalLineId} has ${left} units not refunded; cannot cancel ${line.quantity}`,
        'woocommerce_line_quantity',
        false,
      );
    }
    const unitMinor = Math.round(parseDecimalToMinor(item.subtotal, currency) / item.quantity);
    totalMinor += unitMinor * line.quantity;
    return {
      id: item.id,
      quantity: line.quantity,
      refund_total: Number(decimal(unitMinor * line.quantity, currency)),
    };
  });
  await client.send('createOrderRefund', 'POST', `/orders/${order.id}/refunds`, {
    amount: decimal(totalMinor, currency),
    reason: 'Line cancelled by the warehouse',
    api_refund: false,
    api_restock: true,
    line_items: items,
  });
}
