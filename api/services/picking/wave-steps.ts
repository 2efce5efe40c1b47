import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  bins,
  type PickMode,
  pickTasks,
  productBarcodes,
  products,
  waveOrders,
} from '../../../db/schema/index.js';

/** Where the units of a step go: the order (slot at the sort station) and, on a cluster cart, its tote. */
export interface StepTarget {
  orderId: string;
  slot: number;
  toteCode: string | null;
  remaining: number;
}

/** One screen for the picker: a bin, a product, how many, and for whom. */
export interface WaveStep {
  key: string;
  binId: string;
  binCode: string;
  productId: string;
  sku: string;
  name: string;
  imageUrl: string | null;
  barcodes: string[];
  quantity: number;
  quantityPicked: number;
  remaining: number;
  targets: StepTarget[];
}

export const stepKey = (mode: PickMode, t: { orderId: string; binId: string; productId: string }) =>
  mode === 'single' ? `${t.orderId}|${t.binId}|${t.productId}` : `${t.binId}|${t.productId}`;

/** Open tasks matching `where`, grouped into steps in walking order. */
export async function loadSteps(
  tx: Executor,
  waveId: string,
  mode: PickMode,
  where?: SQL,
): Promise<WaveStep[]> {
  const rows = await tx
    .select({
      orderId: pickTasks.orderId,
      binId: pickTasks.binId,
      productId: pickTasks.productId,
      slot: pickTasks.slot,
      quantity: pickTasks.quantity,
      quantityPicked: pickTasks.quantityPicked,
      quantityShort: pickTasks.quantityShort,
      binCode: bins.code,
      sku: products.sku,
      name: products.name,
    })
    .from(pickTasks)
    .innerJoin(bins, eq(bins.id, pickTasks.binId))
    .innerJoin(products, eq(products.id, pickTasks.productId))
    .where(and(eq(pickTasks.waveId, waveId), eq(pickTasks.status, 'open'), where))
    .orderBy(asc(pickTasks.sortKey), asc(pickTasks.slot));
  if (rows.length === 0) return [];
  const orderIds = [...new Set(rows.map((r) => r.orderId))];
  const productIds = [...new Set(rows.map((r) => r.productId))];
  const [totes, codes] = await Promise.all([
    tx
      .select({ orderId: waveOrders.orderId, toteCode: waveOrders.toteCode })
      .from(waveOrders)
      .where(and(eq(waveOrders.waveId, waveId), inArray(waveOrders.orderId, orderIds))),
    tx
      .select({ productId: productBarcodes.productId, code: productBarcodes.code })
      .from(productBarcodes)
      .where(inArray(productBarcodes.productId, productIds)),
  ]);
  const toteOf = new Map(totes.map((t) => [t.orderId, t.toteCode]));
  const codesOf = new Map<string, string[]>();
  for (const c of codes) codesOf.set(c.productId, [...(codesOf.get(c.productId) ?? []), c.code]);
  const steps = new Map<string, WaveStep>();
  for (const r of rows) {
    const key = stepKey(mode, r);
    const remaining = r.quantity - r.quantityPicked - r.quantityShort;
    let step = steps.get(key);
    if (!step) {
      step = {
        key,
        binId: r.binId,
        binCode: r.binCode,
        productId: r.productId,
        sku: r.sku,
        name: r.name,
        imageUrl: null,
        barcodes: codesOf.get(r.productId) ?? [],
        quantity: 0,
        quantityPicked: 0,
        remaining: 0,
        targets: [],
      };
      steps.set(key, step);
    }
    step.quantity += r.quantity - r.quantityShort;
    step.quantityPicked += r.quantityPicked;
    step.remaining += remaining;
    const target = step.targets.find((t) => t.orderId === r.orderId);
    if (target) target.remaining += remaining;
    else
      step.targets.push({
        orderId: r.orderId,
        slot: r.slot,
        toteCode: toteOf.get(r.orderId) ?? null,
        remaining,
      });
  }
  return [...steps.values()];
}

/** The step the picker should do now, read through the path index without loading the wave. */
export async function loadNextStep(tx: Executor, waveId: string, mode: PickMode): Promise<WaveStep | null> {
  const [first] = await tx
    .select({ orderId: pickTasks.orderId, binId: pickTasks.binId, productId: pickTasks.productId })
    .from(pickTasks)
    .where(and(eq(pickTasks.waveId, waveId), eq(pickTasks.status, 'open')))
    .orderBy(asc(pickTasks.sortKey), asc(pickTasks.slot))
    .limit(1);
  if (!first) return null;
  const [step] = await loadSteps(
    tx,
    waveId,
    mode,
    and(
      eq(pickTasks.binId, first.binId),
      eq(pickTasks.productId, first.productId),
      mode === 'single' ? eq(pickTasks.orderId, first.orderId) : undefined,
    ),
  );
  return step ?? null;
}
