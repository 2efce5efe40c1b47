import { createHash } from 'node:crypto';
import { ChannelError } from '../connector.js';
import type { AmazonClient } from './client.js';
import { GetOrderItemsResponse } from './wire.js';

/** Paging state, package ids and the item listing the connector's operations share. */
export interface PageToken {
  nextToken: string;
  since: string;
  maxSeen: string | null;
  /** When the pull started: the cursor never moves past it (absent from tokens issued before it was kept). */
  until?: string;
}

export const encodeToken = (t: PageToken) => Buffer.from(JSON.stringify(t)).toString('base64url');
export function decodeToken(text: string): PageToken {
  try {
    const t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    if (typeof t.nextToken === 'string' && typeof t.since === 'string') return t;
  } catch {
    // Reported below.
  }
  throw new ChannelError(
    'amazon page token is not one this connector issued',
    'amazon_bad_page_token',
    false,
  );
}

export const later = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : Date.parse(b) > Date.parse(a) ? b : a;
export const earlier = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : Date.parse(b) < Date.parse(a) ? b : a;

/**
 * Amazon keys packages by `packageReferenceId` within an order, and only takes positive numbers. It is
 * derived from the tracking number, so a resend of the same parcel names the same package.
 */
export function packageReferenceId(trackingNumber: string): string {
  const digest = createHash('sha256').update(trackingNumber).digest();
  return String((digest.readUInt32BE(0) % 999_999_999) + 1);
}

export const ordersPath = (id: string) => `/orders/v0/orders/${encodeURIComponent(id)}`;

export async function listItems(client: AmazonClient, orderId: string): Promise<unknown[]> {
  const items: unknown[] = [];
  let nextToken: string | undefined;
  do {
    const body = GetOrderItemsResponse.safeParse(
      await client.call({
        operation: 'getOrderItems',
        method: 'GET',
        path: `${ordersPath(orderId)}/orderItems`,
        query: { NextToken: nextToken },
      }),
    );
    if (!body.success)
      throw new ChannelError(
        'amazon getOrderItems answered without payload.OrderItems',
        'amazon_bad_response',
        true,
      );
    items.push(...body.data.payload.OrderItems);
    nextToken = body.data.payload.NextToken;
  } while (nextToken);
  return items;
}
