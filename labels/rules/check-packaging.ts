import { CARRIER_SERVICES, type CarrierService, findCarrierService } from './carrier-services.js';
import { findMarketplaceRules, type ServiceLevel } from './marketplace-rules.js';

export interface PackagingInput {
  marketplace: string;
  serviceLevel: ServiceLevel;
  carrier: string;
  service: string;
  /** The code we would send the marketplace for this carrier. */
  carrierCode: string;
  /** For a Mirakl operator: the carrier codes its SH21 list holds. */
  operatorCarrierCodes?: readonly string[];
  parcel: { weightGrams: number; lengthCm: number; widthCm: number; heightCm: number };
  trackingNumber: string | null;
  shipBy: string;
  now: string;
}

export type ViolationCode =
  | 'carrier_service_unknown'
  | 'marketplace_unknown'
  | 'weight_exceeded'
  | 'length_exceeded'
  | 'side_exceeded'
  | 'size_sum_exceeded'
  | 'girth_exceeded'
  | 'tracking_missing'
  | 'carrier_code_not_accepted'
  | 'ship_by_passed';

export interface Violation {
  code: ViolationCode;
  reason: string;
  /** A way out: another service that takes this parcel, another box, another code. */
  suggestion: string;
}

type Parcel = PackagingInput['parcel'];

function sides(parcel: Parcel): [number, number, number] {
  const [length = 0, width = 0, height = 0] = [parcel.lengthCm, parcel.widthCm, parcel.heightCm].sort(
    (a, b) => b - a,
  );
  return [length, width, height];
}

/** Every limit of `service` that `parcel` breaks, without suggestions. */
function sizeBreaches(service: CarrierService, parcel: Parcel): { code: ViolationCode; reason: string }[] {
  const [length, width, height] = sides(parcel);
  const out: { code: ViolationCode; reason: string }[] = [];
  if (parcel.weightGrams > service.maxWeightGrams) {
    out.push({
      code: 'weight_exceeded',
      reason: `${parcel.weightGrams / 1000} kg is over the ${service.maxWeightGrams / 1000} kg ${service.name} takes.`,
    });
  }
  if (length > service.maxLengthCm) {
    out.push({
      code: 'length_exceeded',
      reason: `The longest side, ${length} cm, is over the ${service.maxLengthCm} cm ${service.name} takes.`,
    });
  }
  if (
    (service.maxWidthCm !== undefined && width > service.maxWidthCm) ||
    (service.maxHeightCm !== undefined && height > service.maxHeightCm)
  ) {
    out.push({
      code: 'side_exceeded',
      reason: `${width} × ${height} cm is over the ${service.maxWidthCm} × ${service.maxHeightCm} cm ${service.name} takes.`,
    });
  }
  const sum = length + width + height;
  if (service.maxSumCm !== undefined && sum > service.maxSumCm) {
    out.push({
      code: 'size_sum_exceeded',
      reason: `Length + width + height is ${sum} cm, over the ${service.maxSumCm} cm ${service.name} takes.`,
    });
  }
  const girth = length + 2 * width + 2 * height;
  if (service.maxGirthCm !== undefined && girth > service.maxGirthCm) {
    out.push({
      code: 'girth_exceeded',
      reason: `Length + 2 × (width + height) is ${girth} cm, over the ${service.maxGirthCm} cm ${service.name} takes.`,
    });
  }
  return out;
}

function sizeSuggestion(current: CarrierService, parcel: Parcel): string {
  const fitting = CARRIER_SERVICES.filter(
    (other) => other !== current && sizeBreaches(other, parcel).length === 0,
  ).map((other) => other.name);
  const other =
    fitting.length > 0 ? `Ship it with ${fitting.join(', ')}, or split` : 'No service here takes it: split';
  return `${other} the contents over two boxes within ${current.maxWeightGrams / 1000} kg and ${current.maxLengthCm} cm each.`;
}

/**
 * Every reason this parcel cannot go out as planned, each with a way out. An empty list means it can.
 * All rules run: the packer sees every problem at once rather than one per attempt.
 */
export function checkPackaging(input: PackagingInput): Violation[] {
  const violations: Violation[] = [];
  const service = findCarrierService(input.carrier, input.service);
  if (!service) {
    violations.push({
      code: 'carrier_service_unknown',
      reason: `No rules for ${input.carrier} ${input.service}.`,
      suggestion: `Use one of: ${CARRIER_SERVICES.map((s) => `${s.carrier}/${s.service}`).join(', ')}.`,
    });
  } else {
    const suggestion = sizeSuggestion(service, input.parcel);
    for (const breach of sizeBreaches(service, input.parcel)) violations.push({ ...breach, suggestion });
  }

  const rules = findMarketplaceRules(input.marketplace);
  if (!rules) {
    violations.push({
      code: 'marketplace_unknown',
      reason: `No rules for marketplace ${input.marketplace}.`,
      suggestion: 'Add its rules to labels/rules/marketplace-rules.ts.',
    });
    return violations;
  }
  if (rules.isTrackingMandatory && !input.trackingNumber) {
    violations.push({
      code: 'tracking_missing',
      reason: `${input.marketplace} requires a tracking number for every shipment.`,
      suggestion: `Use a tracked service${service && !service.isTracked ? ` instead of ${service.name}` : ''} and print its label before confirming.`,
    });
  }
  const accepted = rules.acceptedCarrierCodes?.[input.serviceLevel] ?? input.operatorCarrierCodes ?? [];
  if (!accepted.includes(input.carrierCode)) {
    violations.push({
      code: 'carrier_code_not_accepted',
      reason: `${input.marketplace} does not accept carrier code "${input.carrierCode}" for ${input.serviceLevel} shipping.`,
      suggestion:
        accepted.length > 0
          ? `Send one of: ${accepted.join(', ')}.`
          : 'Load the operator carrier list (SH21) first.',
    });
  }
  const deadline = Date.parse(input.shipBy) + rules.shipByGraceHours * 3_600_000;
  if (Date.parse(input.now) > deadline) {
    violations.push({
      code: 'ship_by_passed',
      reason: `Ship-by ${input.shipBy} plus ${rules.shipByGraceHours} h of grace has passed.`,
      suggestion:
        'Ship with an express service today and tell the buyer; the late confirmation still has to be sent.',
    });
  }
  return violations;
}
