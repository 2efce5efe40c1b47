import { ChannelError } from '../connector.js';
import { assertNoUserErrors, type ShopifyClient, type UserError } from './client.js';
import { ORDER_EDIT_BEGIN, ORDER_EDIT_COMMIT, ORDER_EDIT_SET_QUANTITY } from './documents.js';

export interface LineCancellation {
  externalLineId: string;
  /** Units of the line to remove. */
  quantity: number;
}

interface BeginAnswer {
  orderEditBegin: {
    calculatedOrder: { id: string; lineItems: { nodes: { id: string; quantity: number }[] } } | null;
    userErrors: UserError[];
  } | null;
}

/** `gid://shopify/LineItem/42` and `gid://shopify/CalculatedLineItem/42` name the same line. */
function numericTail(gid: string): string {
  return gid.slice(gid.lastIndexOf('/') + 1);
}

/**
 * Removes units of lines with an order edit: begin, set each line's new quantity (restocking the removed
 * units), commit. Nothing changes at Shopify until the commit, so a failure before it leaves the order
 * as it was. A commit that times out is ambiguous: read the order back before trying again, since a
 * second edit would remove the units again.
 */
export async function cancelShopifyLines(
  client: ShopifyClient,
  externalOrderId: string,
  lines: LineCancellation[],
): Promise<void> {
  if (lines.length === 0) return;
  const begun = await client.mutate<BeginAnswer>('orderEditBegin', ORDER_EDIT_BEGIN, { id: externalOrderId });
  assertNoUserErrors('orderEditBegin', begun.orderEditBegin);
  const calculated = begun.orderEditBegin?.calculatedOrder;
  if (!calculated) {
    throw new ChannelError(
      'shopify orderEditBegin answered no calculated order',
      'shopify_bad_response',
      true,
    );
  }
  for (const line of lines) {
    const item = calculated.lineItems.nodes.find(
      (li) => numericTail(li.id) === numericTail(line.externalLineId),
    );
    if (!item) {
      throw new ChannelError(
        `shopify order ${externalOrderId} has no line ${line.externalLineId} to edit`,
        'shopify_line_not_found',
        false,
      );
    }
    if (line.quantity <= 0 || line.quantity > item.quantity) {
      throw new ChannelError(
        `shopify line ${line.externalLineId} has ${item.quantity} units; cannot remove ${line.quantity}`,
        'shopify_line_quantity',
        false,
      );
    }
    const set = await client.mutate<{ orderEditSetQuantity: { userErrors: UserError[] } | null }>(
      'orderEditSetQuantity',
      ORDER_EDIT_SET_QUANTITY,
      { id: calculated.id, lineItemId: item.id, quantity: item.quantity - line.quantity, restock: true },
    );
    assertNoUserErrors('orderEditSetQuantity', set.orderEditSetQuantity);
  }
  const committed = await client.mutate<{ orderEditCommit: { userErrors: UserError[] } | null }>(
    'orderEditCommit',
    ORDER_EDIT_COMMIT,
    { id: calculated.id, notifyCustomer: false, staffNote: 'Line cancelled by the warehouse' },
  );
  assertNoUserErrors('orderEditCommit', committed.orderEditCommit);
}
