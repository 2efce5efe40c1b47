import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { orders } from '../../../db/schema/index.js';
import { CanonicalOrder } from '../../channels/canonical.js';
import { MoneyParseError, parseDecimalToMinor } from '../../channels/money.js';
import { unprocessable } from '../../errors.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { SecretBox } from '../../security/secret-box.js';
import { ingestOrder } from '../orders/ingest-order.js';
import { ensureManualChannel } from './ensure-manual-channel.js';
import { resolveItems } from './resolve-items.js';

export interface ManualOrderInput {
  /** The customer's or our own order number; `MAN-…` is generated when absent. */
  reference?: string | null | undefined;
  buyer: { name: string; email?: string | null | undefined; phone?: string | null | undefined };
  shipTo: {
    name: string;
    company?: string | null | undefined;
    line1: string;
    line2?: string | null | undefined;
    postalCode: string;
    city: string;
    countryCode: string;
    phone?: string | null | undefined;
  };
  lines: {
    sku?: string | null | undefined;
    ean?: string | null | undefined;
    quantity: number;
    unitPrice: string;
  }[];
  currency: string;
  shippingPrice?: string | null | undefined;
  shipBy?: string | null | undefined;
  serviceLevel?: string | null | undefined;
}

export interface ManualOrderResult {
  orderId: string;
  reference: string;
  /** The reference was already an order: nothing was created (a double submit, a re-imported file). */
  isReplay: boolean;
}

type Deps = { db: Database; jobs: JobQueue; secrets: SecretBox };

function newReference(now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `MAN-${day}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

function money(value: string, currency: string, field: string): number {
  try {
    return parseDecimalToMinor(value, currency);
  } catch (err) {
    if (!(err instanceof MoneyParseError)) throw err;
    throw unprocessable(
      'manual_order_bad_amount',
      `${field}: ${err.message}; expected a decimal like 12.50`,
      {
        field,
      },
    );
  }
}

/**
 * Turns an order typed at the desk (or one order of an imported file) into a canonical order and sends
 * it through the same ingest as marketplace orders: stock is reserved and the order is ready to pick.
 * Idempotent on the reference: the same reference again returns the existing order and changes nothing.
 */
export async function createManualOrder(
  deps: Deps,
  input: ManualOrderInput,
  now: Date,
): Promise<ManualOrderResult> {
  const currency = input.currency.toUpperCase();
  const skus = await resolveItems(deps.db, input.lines);
  const unknown = input.lines
    .map((l, i) => ({ index: i, code: l.sku || l.ean || '', sku: skus[i] }))
    .filter((l) => !l.sku);
  if (unknown.length > 0) {
    throw unprocessable(
      'manual_order_unknown_item',
      `No product has ${unknown.map((u) => `"${u.code}" (line ${u.index + 1})`).join(', ')} as SKU or single-unit barcode`,
      { lines: unknown.map((u) => ({ index: u.index, code: u.code })) },
    );
  }
  const lines = input.lines.map((l, i) => ({
    sku: skus[i]!,
    quantity: l.quantity,
    unitPriceMinor: money(l.unitPrice, currency, `lines[${i}].unitPrice`),
  }));
  const shippingMinor = input.shippingPrice ? money(input.shippingPrice, currency, 'shippingPrice') : 0;

  const channelId = await ensureManualChannel(deps);
  const reference = input.reference?.trim() || newReference(now);
  const [existing] = await deps.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.channelId, channelId), eq(orders.externalId, reference)));
  if (existing) return { orderId: existing.id, reference, isReplay: true };

  const parsed = CanonicalOrder.safeParse({
    externalId: reference,
    // Nothing to accept and nothing to wait for: the desk took the order, it can be picked now.
    status: 'to_ship',
    channelStatus: 'manual',
    placedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    shipBy: input.shipBy ?? null,
    currency,
    totalMinor: lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0) + shippingMinor,
    shippingMinor,
    serviceLevel: input.serviceLevel ?? null,
    buyer: { name: input.buyer.name, email: input.buyer.email ?? null, phone: input.buyer.phone ?? null },
    shippingAddress: { ...input.shipTo, countryCode: input.shipTo.countryCode.toUpperCase() },
    lines: lines.map((l, i) => ({
      externalLineId: `${reference}-${i + 1}`,
      sku: l.sku,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
    })),
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw unprocessable(
      'manual_order_invalid',
      `The order is incomplete: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
      { fields },
    );
  }
  const result = await ingestOrder(
    deps,
    { id: channelId, requiresAcceptance: false },
    parsed.data,
    input,
    now,
  );
  return { orderId: result.orderId, reference, isReplay: result.outcome !== 'created' };
}
