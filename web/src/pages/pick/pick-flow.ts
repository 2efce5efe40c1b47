import type { FeedbackKind } from '../../../../scanner/index.js';
import type { MessageKey } from '../../i18n.js';
import { dueTarget, type WaveStep } from '../../offline/wave-cache.js';

export type Phase = 'bin' | 'item' | 'tote';
export type PickMode = 'single' | 'batch' | 'cluster';

export type Decision =
  | { type: 'advance'; phase: Phase; itemCode?: string; quantity?: number }
  | { type: 'confirm'; itemCode: string; toteCode: string | null; quantity: number }
  | { type: 'reject'; feedback: FeedbackKind; message: MessageKey; vars: Record<string, string> };

/**
 * What one scan means on the current step, decided on the device against the cached pick list so the
 * picker hears right or wrong at once, network or not. The server checks again when the scan reaches it.
 */
export function decideScan(
  step: WaveStep,
  mode: PickMode,
  phase: Phase,
  code: string,
  context: { itemCode?: string | undefined; quantity?: number | undefined; isBulk: boolean },
): Decision {
  const isBin = code === step.binCode || code === step.binId;
  if (phase === 'bin') {
    if (isBin) return { type: 'advance', phase: 'item' };
    return {
      type: 'reject',
      feedback: 'wrong_bin',
      message: 'pickWrongBin',
      vars: { expected: step.binCode },
    };
  }
  if (phase === 'item') {
    if (isBin) return { type: 'advance', phase: 'item' };
    if (!step.barcodes.includes(code) && code !== step.sku) {
      return {
        type: 'reject',
        feedback: 'wrong_item',
        message: 'pickWrongItem',
        vars: { expected: `${step.name} (${step.sku})` },
      };
    }
    const target = dueTarget(step);
    const quantity = context.isBulk ? (mode === 'cluster' ? (target?.remaining ?? 1) : step.remaining) : 1;
    if (mode === 'cluster') return { type: 'advance', phase: 'tote', itemCode: code, quantity };
    return { type: 'confirm', itemCode: code, toteCode: null, quantity };
  }
  const expected = dueTarget(step)?.toteCode ?? '';
  if (code === expected && context.itemCode) {
    return { type: 'confirm', itemCode: context.itemCode, toteCode: code, quantity: context.quantity ?? 1 };
  }
  return { type: 'reject', feedback: 'wrong_item', message: 'pickWrongTote', vars: { expected } };
}
