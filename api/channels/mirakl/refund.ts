import { z } from 'zod';
import { ChannelError, type ChannelRefund, type RefundRequest } from '../connector.js';
import { formatMinor, parseDecimalToMinor } from '../money.js';
import type { MiraklClient } from './client.js';

/**
 * Refund reason codes are configured per Mirakl operator (RE01 lists them); these are the defaults a
 * shop's settings may override.
 */
export const defaultMiraklRefundReasons: Record<RefundRequest['reason'], string> = {
  return: 'RETURN',
  out_of_stock: 'OUT_OF_STOCK',
  buyer_request: 'CUSTOMER_REQUEST',
  address_undeliverable: 'UNDELIVERABLE',
  other: 'OTHER',
};

const Or28Response = z.object({
  refunds: z.array(z.object({ refund_id: z.string(), order_line_id: z.string() })),
});

/** OR28: one refund per line, goods and shipping amounts as Mirakl decimals. */
export async function refundMiraklLines(
  client: MiraklClient,
  request: RefundRequest,
  reasons: Record<string, string> = defaultMiraklRefundReasons,
): Promise<{ refundId: string | null; status: string }> {
  const bad = request.lines.find(
    (l) =>
      !Number.isSafeInteger(l.amountMinor) ||
      l.amountMinor < 0 ||
      !Number.isSafeInteger(l.shippingMinor ?? 0) ||
      (l.shippingMinor ?? 0) < 0 ||
      l.amountMinor + (l.shippingMinor ?? 0) === 0,
  );
  if (bad)
    throw new ChannelError(
      `mirakl refund of line ${bad.externalLineId} needs a positive amount in minor units`,
      'mirakl_bad_amount',
      false,
    );
  const body = {
    refunds: request.lines.map((l) => ({
      order_line_id: l.externalLineId,
      amount: Number(formatMinor(l.amountMinor, request.currency)),
      shipping_amount: Number(formatMinor(l.shippingMinor ?? 0, request.currency)),
      currency_iso_code: request.currency,
      quantity: l.quantity ?? 0,
      reason_code: reasons[request.reason] ?? defaultMiraklRefundReasons[request.reason],
    })),
  };
  const answer = Or28Response.safeParse(await client.put<unknown>('/api/orders/refund', body));
  if (!answer.success)
    throw new ChannelError('mirakl OR28 answered without refund ids', 'mirakl_bad_response', false, true);
  return { refundId: answer.data.refunds.map((r) => r.refund_id).join(','), status: 'WAITING_REFUND' };
}

const Or11Refunds = z.object({
  orders: z.array(
    z.object({
      order_id: z.string(),
      currency_iso_code: z.string(),
      order_lines: z.array(
        z.object({
          order_line_id: z.string(),
          refunds: z
            .array(
              z.object({
                id: z.string(),
                amount: z.union([z.number(), z.string()]).optional(),
                shipping_amount: z.union([z.number(), z.string()]).optional(),
              }),
            )
            .optional(),
        }),
      ),
    }),
  ),
});

/** The refunds OR11 shows on each line of an order: what a retry compares against before writing again. */
export async function readMiraklRefunds(
  client: MiraklClient,
  externalOrderId: string,
): Promise<ChannelRefund[]> {
  const page = Or11Refunds.safeParse(
    await client.get<unknown>('/api/orders', {
      order_ids: externalOrderId,
      paginate: true,
      offset: 0,
      max: 1,
    }),
  );
  if (!page.success)
    throw new ChannelError(
      'mirakl OR11 answered orders without readable refunds',
      'mirakl_bad_response',
      true,
    );
  const order = page.data.orders.find((o) => o.order_id === externalOrderId);
  if (!order)
    throw new ChannelError(`mirakl order ${externalOrderId} was not found`, 'mirakl_order_not_found', false);
  return order.order_lines.flatMap((line) =>
    (line.refunds ?? []).map((r) => ({
      refundId: r.id,
      externalLineId: line.order_line_id,
      amountMinor: parseDecimalToMinor(r.amount ?? 0, order.currency_iso_code),
      shippingMinor: parseDecimalToMinor(r.shipping_amount ?? 0, order.currency_iso_code),
    })),
  );
}
