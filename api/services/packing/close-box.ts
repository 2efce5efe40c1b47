import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { orderLines, packBoxes, packBoxLines, products } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';
import { type BoxMeasures, checkBox, packagingBlocked } from './check-box.js';
import { ensureOpenBox } from './open-packing.js';
import { findPackagingType } from './packaging-types.js';
import { loadPackingContext } from './packing-context.js';

export interface CloseBoxInput {
  boxId: string;
  packagingCode: string;
  /** From the scale or typed; without it, the contents' catalogue weights plus the packaging's own. */
  weightGrams?: number | undefined;
  /** Only for `custom` packaging, or to correct a box cut down to size. */
  dimensionsCm?: { length: number; width: number; height: number } | undefined;
}

/**
 * Closes a filled box: weight, size and packaging are fixed, and the packaging rules run now, before any
 * label: a box that breaks one stays open, and the station shows every reason with its way out. While
 * units remain, the next box opens.
 */
export async function closeBox(db: Database, actor: Actor, input: CloseBoxInput, now: Date) {
  const [box] = await db.select().from(packBoxes).where(eq(packBoxes.id, input.boxId));
  if (!box) throw notFound('box_not_found', `Parcel ${input.boxId} does not exist.`);
  if (box.status !== 'open') throw new AppError('box_not_open', 409, `Parcel ${box.seq} is already closed.`);
  const packaging = findPackagingType(input.packagingCode);
  if (!packaging)
    throw new AppError('packaging_unknown', 422, `No packaging "${input.packagingCode}".`, {
      expected: 'a packaging type from the list',
    });
  const dims = input.dimensionsCm ?? {
    length: packaging.lengthCm,
    width: packaging.widthCm,
    height: packaging.heightCm,
  };
  if (dims.length <= 0 || dims.width <= 0 || dims.height <= 0)
    throw new AppError('dimensions_missing', 422, 'Type the length, width and height of this box.', {
      expected: 'dimensions in cm',
    });
  const contents = await db
    .select({ quantity: packBoxLines.quantity, weight: products.weightGrams })
    .from(packBoxLines)
    .innerJoin(orderLines, eq(orderLines.id, packBoxLines.orderLineId))
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(packBoxLines.boxId, box.id));
  const units = contents.reduce((n, c) => n + c.quantity, 0);
  if (units === 0)
    throw new AppError('box_empty', 422, `Parcel ${box.seq} is empty: scan the items that go in it first.`, {
      expected: 'an item scan',
    });
  const measures: BoxMeasures = {
    weightGrams:
      input.weightGrams ?? contents.reduce((g, c) => g + c.weight * c.quantity, packaging.tareGrams),
    lengthCm: dims.length,
    widthCm: dims.width,
    heightCm: dims.height,
  };
  const context = await loadPackingContext(db, box.orderId);
  const violations = checkBox(context, measures, now);
  if (violations.length > 0) {
    await recordEvent(
      db,
      actor,
      {
        type: 'pack.packaging_blocked',
        orderId: box.orderId,
        entityType: 'pack_box',
        entityId: box.id,
        payload: { ...measures, packagingCode: packaging.code, codes: violations.map((v) => v.code) },
      },
      now,
    );
    throw packagingBlocked(box.seq, violations);
  }
  await db.transaction(async (tx) => {
    const [closed] = await tx
      .update(packBoxes)
      .set({
        status: 'closed',
        packagingCode: packaging.code,
        weightGrams: measures.weightGrams,
        lengthCm: measures.lengthCm,
        widthCm: measures.widthCm,
        heightCm: measures.heightCm,
        closedAt: now,
      })
      .where(and(eq(packBoxes.id, box.id), eq(packBoxes.status, 'open')))
      .returning({ id: packBoxes.id });
    if (!closed) throw new AppError('box_not_open', 409, `Parcel ${box.seq} was closed meanwhile.`);
    await recordEvent(
      tx,
      actor,
      {
        type: 'pack.parcel_closed',
        orderId: box.orderId,
        entityType: 'pack_box',
        entityId: box.id,
        payload: { seq: box.seq, units, ...measures, packagingCode: packaging.code },
      },
      now,
    );
    await ensureOpenBox(tx, box.orderId, now);
  });
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(packBoxes)
    .where(and(eq(packBoxes.orderId, box.orderId), eq(packBoxes.status, 'open')));
  return { orderId: box.orderId, isLastBox: Number(open?.n ?? 0) === 0 };
}
