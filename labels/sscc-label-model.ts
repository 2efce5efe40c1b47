import { z } from 'zod';
import { gs1CheckDigit, isValidGtin } from './check-digits.js';
import { LabelError } from './label-error.js';
import { Address, LabelSize } from './label-model.js';

/** A GS1 logistic label for a pallet or a case: who, where, what, and its SSCC. */
export const SsccLabel = z.object({
  size: LabelSize,
  /** Serial Shipping Container Code: extension digit, company prefix, serial, check digit. */
  sscc: z.string().regex(/^\d{18}$/, '18 digits'),
  /** GTIN-14 of the trade items inside, AI (02); with (37) the count. */
  contentGtin: z
    .string()
    .regex(/^\d{14}$/, '14 digits')
    .nullable(),
  count: z.number().int().min(1).max(99_999_999).nullable(),
  purchaseOrder: z
    .string()
    .regex(/^[!-~]{1,30}$/, '1 to 30 printable ASCII characters, no spaces')
    .nullable(),
  /** Ship-to postal code within the ship-to country, AI (420). */
  shipToPostalCode: z
    .string()
    .regex(/^[!-~]{1,20}$/, '1 to 20 printable ASCII characters')
    .nullable(),
  carrierName: z.string().trim().min(1),
  shipFrom: Address,
  shipTo: Address,
  createdAt: z.iso.datetime({ offset: true }),
});
export type SsccLabel = z.infer<typeof SsccLabel>;

export interface SsccBarcodes {
  /** (420)(400): where it goes and whose order; null when neither is given. */
  routing: string | null;
  /** (02)(37): what is inside; null for mixed content. */
  content: string | null;
  /** (00): the SSCC, alone, in the bottom barcode as GS1 asks. */
  sscc: string;
}

/**
 * Parses an SSCC label and splits its element strings over three GS1-128 symbols, as the GS1 logistic
 * label does (one symbol with all of them would not fit 4 inches at a scannable module width).
 */
export function parseSsccLabel(input: SsccLabel): { label: SsccLabel; barcodes: SsccBarcodes } {
  const parsed = SsccLabel.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new LabelError('label_invalid', `The SSCC label cannot be printed: ${fields.join('; ')}`, {
      cause: parsed.error,
    });
  }
  const label = parsed.data;
  if (gs1CheckDigit(label.sscc.slice(0, 17)) !== Number(label.sscc[17])) {
    throw new LabelError('check_digit_invalid', `SSCC ${label.sscc} has a wrong check digit.`);
  }
  if (label.contentGtin !== null && !isValidGtin(label.contentGtin)) {
    throw new LabelError('check_digit_invalid', `GTIN ${label.contentGtin} has a wrong check digit.`);
  }
  if ((label.contentGtin === null) !== (label.count === null)) {
    throw new LabelError(
      'label_invalid',
      'contentGtin (02) and count (37) go together: give both or neither.',
    );
  }
  const routingParts = [
    label.shipToPostalCode === null ? '' : `(420)${label.shipToPostalCode}`,
    label.purchaseOrder === null ? '' : `(400)${label.purchaseOrder}`,
  ].join('');
  return {
    label,
    barcodes: {
      routing: routingParts === '' ? null : routingParts,
      content: label.contentGtin === null ? null : `(02)${label.contentGtin}(37)${label.count}`,
      sscc: `(00)${label.sscc}`,
    },
  };
}
