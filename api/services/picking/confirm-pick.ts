import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { pickTasks, productBarcodes, products, waveOrders } from '../../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../events/record-event.js';
import { resolveProductCode } from '../scans/resolve-scan.js';
import { findRecordedScan, isUniqueViolation } from '../scans/scan-replay.js';
import { applyPickScan } from './apply-pick-scan.js';
import { findWave } from './get-wave.js';
import { settleOrderPickStatus } from './refresh-order-pick-status.js';
import { resolveBin, resolveTote } from './resolve-wave-scan.js';
import { rejectWaveScan, waveScanError } from './wave-errors.js';
import { loadNextStep } from './wave-steps.js';

export interface ConfirmPickInput {
  waveId: string;
  clientScanId: string;
  binCode: string;
  itemCode: string;
  /** Cluster mode: the tote the units were dropped into, scanned to confirm. */
  toteCode?: string | undefined;
  /** Scans of the item code (1 per scan, or one confirm of N for large quantities). */
  quantity: number;
}

export interface Allocation {
  orderId: string;
  slot: number;
  toteCode: string | null;
  units: number;
}

export interface ConfirmPickResult {
  isReplay: boolean;
  waveStatus: string;
  allocations: Allocation[];
  progress: { unitsTotal: number; unitsPicked: number; unitsShort: number };
}

/**
 * One confirmed pick in a wave: bin scan, item scan (and in cluster mode the tote scan). A right scan
 * is one statement (applyPickScan) whose cost does not grow with the wave; only a scan that did not
 * apply reads more, to say what was expected. The handheld walks its cached copy of the path, so the
 * answer carries progress, not the next step. The event row carries the client scan id: a scan sent
 * twice is answered from the first one and counted once.
 */
export async function confirmPick(
  db: Database,
  actor: Actor,
  input: ConfirmPickInput,
  now: Date,
): Promise<ConfirmPickResult> {
  try {
    return await confirmOnce(db, actor, input, now);
  } catch (err) {
    // Only now look for an earlier recording of this scan id: the right scan, sent once, pays nothing.
    // A scan already accepted is answered as a replay whatever state the wave reached since.
    const recorded = await findRecordedScan(db, input.clientScanId);
    if (recorded?.type === 'pick.scanned' && recorded.entityId === input.waveId)
      return replayOf(db, input, recorded);
    if (recorded && isUniqueViolation(err)) {
      throw new AppError(
        'scan_already_rejected',
        409,
        'This scan was already answered with an error; it was not picked.',
        {
          expected: 'a new client scan id',
          recorded: recorded.type,
        },
      );
    }
    throw err;
  }
}

async function confirmOnce(
  db: Database,
  actor: Actor,
  input: ConfirmPickInput,
  now: Date,
): Promise<ConfirmPickResult> {
  const applied = await applyPickScan(db, actor, input, now);
  if (applied) {
    await settleOrderPickStatus(db, [...new Set(applied.allocations.map((a) => a.orderId))], now);
    return { isReplay: false, ...applied };
  }
  return explainRefusal(db, actor, input, now);
}

/** Why a scan did not apply: recorded as a rejected scan with what was expected instead. */
async function explainRefusal(
  db: Database,
  actor: Actor,
  input: ConfirmPickInput,
  now: Date,
): Promise<never> {
  const wave = await findWave(db, input.waveId);
  if (wave.status !== 'picking') {
    throw new AppError('wave_not_picking', 409, `Wave is ${wave.status}; start it before picking.`, {
      expected: 'picking',
    });
  }
  const reject = (code: string, message: string, expected: unknown): Promise<never> =>
    rejectWaveScan(
      db,
      actor,
      {
        waveId: wave.id,
        clientScanId: input.clientScanId,
        scanned: { bin: input.binCode, item: input.itemCode, tote: input.toteCode ?? null },
      },
      waveScanError(code, message, expected),
      now,
    );
  const next = () => loadNextStep(db, wave.id, wave.mode);
  const bin = await resolveBin(db, input.binCode);
  const product = bin ? await resolveProductCode(db, input.itemCode) : null;
  const candidates =
    bin && product
      ? await db
          .select()
          .from(pickTasks)
          .where(
            and(
              eq(pickTasks.waveId, wave.id),
              eq(pickTasks.binId, bin.id),
              eq(pickTasks.productId, product.id),
              eq(pickTasks.status, 'open'),
            ),
          )
          .orderBy(asc(pickTasks.slot), asc(pickTasks.sortKey))
      : [];
  const [binOpen] =
    bin && candidates.length === 0
      ? await db
          .select({ id: pickTasks.id })
          .from(pickTasks)
          .where(
            and(eq(pickTasks.waveId, wave.id), eq(pickTasks.binId, bin.id), eq(pickTasks.status, 'open')),
          )
          .limit(1)
      : [{ id: '' }];
  if (!bin || !binOpen) {
    const expected = (await next())?.binCode ?? null;
    const what = bin
      ? `Nothing to pick in ${bin.code} on this wave`
      : `No bin is labelled "${input.binCode}"`;
    return reject(
      bin ? 'scan_wrong_bin' : 'scan_unknown_bin',
      `${what}. Go to ${expected ?? 'the next bin'}.`,
      { binCode: expected },
    );
  }
  if (candidates.length === 0) {
    const here = await db
      .selectDistinct({ sku: products.sku, name: products.name, barcode: productBarcodes.code })
      .from(pickTasks)
      .innerJoin(products, eq(products.id, pickTasks.productId))
      .leftJoin(productBarcodes, eq(productBarcodes.productId, pickTasks.productId))
      .where(and(eq(pickTasks.waveId, wave.id), eq(pickTasks.binId, bin.id), eq(pickTasks.status, 'open')));
    const what = product
      ? `${product.sku} is not to be picked in ${bin.code}`
      : `"${input.itemCode}" is not a known product`;
    return reject(
      'scan_unexpected_item',
      `${what}. Expected ${[...new Set(here.map((h) => `${h.name} (${h.sku})`))].join(' or ')}.`,
      here,
    );
  }
  let tasks = wave.mode === 'single' ? candidates.filter((t) => t.slot === candidates[0]?.slot) : candidates;
  let toteCode: string | null = null;
  if (wave.mode === 'cluster') {
    const due = candidates[0]!;
    const expectedTote = await resolveToteOf(db, wave.id, due.orderId);
    const tote = input.toteCode ? await resolveTote(db, wave.id, input.toteCode) : null;
    tasks = tote ? candidates.filter((t) => t.orderId === tote.orderId) : [];
    if (tasks.length === 0) {
      return reject(
        input.toteCode ? 'scan_wrong_tote' : 'scan_tote_missing',
        `Put ${product!.sku} into tote ${expectedTote ?? '(none assigned)'} and scan it.`,
        { toteCode: expectedTote },
      );
    }
    toteCode = input.toteCode?.trim() ?? null;
  }
  const units = input.quantity * (product?.unitsPerScan ?? 1);
  const open = tasks.reduce((n, t) => n + t.quantity - t.quantityPicked - t.quantityShort, 0);
  if (units > open) {
    return reject(
      'scan_over_pick',
      `Only ${open} more of ${product!.sku} to pick here${toteCode ? ` for tote ${toteCode}` : ''}.`,
      {
        quantity: open,
      },
    );
  }
  // Nothing wrong with the scan now: the tasks or their reservations changed between the two reads.
  throw new AppError('pick_conflict', 409, 'This step changed meanwhile (another device?); reload the wave.');
}

async function resolveToteOf(tx: Parameters<typeof findWave>[0], waveId: string, orderId: string) {
  const [row] = await tx
    .select({ toteCode: waveOrders.toteCode })
    .from(waveOrders)
    .where(and(eq(waveOrders.waveId, waveId), eq(waveOrders.orderId, orderId)));
  return row?.toteCode ?? null;
}

async function replayOf(
  db: Database,
  input: ConfirmPickInput,
  recorded: { payload: Record<string, unknown> },
): Promise<ConfirmPickResult> {
  const wave = await findWave(db, input.waveId);
  return {
    isReplay: true,
    waveStatus: wave.status,
    allocations: (recorded.payload.allocations as Allocation[]) ?? [],
    progress: { unitsTotal: wave.unitsTotal, unitsPicked: wave.unitsPicked, unitsShort: wave.unitsShort },
  };
}
