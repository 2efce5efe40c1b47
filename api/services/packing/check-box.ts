import { checkPackaging, type Violation } from '../../../labels/index.js';
import { AppError } from '../../errors.js';
import type { PackingContext } from './packing-context.js';

export interface BoxMeasures {
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

/**
 * The packaging rules for one box, before any label exists. Checks that cannot apply are left out: a
 * web shop has no marketplace rules, and a Mirakl operator's carrier list is only checked once loaded.
 */
export function checkBox(ctx: PackingContext, box: BoxMeasures, now: Date): Violation[] {
  const violations = checkPackaging({
    marketplace: ctx.marketplace ?? 'none',
    serviceLevel: ctx.serviceLevel,
    carrier: ctx.carrier,
    service: ctx.service,
    carrierCode: ctx.carrierCode,
    ...(ctx.operatorCarrierCodes ? { operatorCarrierCodes: ctx.operatorCarrierCodes } : {}),
    parcel: box,
    // The label is not booked yet: a tracked service will give the number.
    trackingNumber: ctx.isTracked ? 'to-be-booked' : null,
    shipBy: (ctx.shipBy ?? now).toISOString(),
    now: now.toISOString(),
  });
  return violations.filter(
    (v) =>
      !(v.code === 'marketplace_unknown' && ctx.marketplace === null) &&
      !(v.code === 'carrier_code_not_accepted' && ctx.marketplace === 'mirakl' && !ctx.operatorCarrierCodes),
  );
}

/** The error that blocks a box: every reason, each with its way out, for the station to show. */
export function packagingBlocked(boxSeq: number, violations: Violation[]): AppError {
  return new AppError(
    'packaging_blocked',
    422,
    `Parcel ${boxSeq} cannot go out as packed: ${violations.map((v) => v.reason).join(' ')}`,
    { violations, expected: violations.map((v) => v.suggestion) },
  );
}
