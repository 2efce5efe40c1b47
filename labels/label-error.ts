export type LabelErrorCode =
  | 'check_digit_invalid'
  | 'input_invalid'
  | 'barcode_invalid'
  | 'barcode_too_long'
  | 'label_invalid'
  | 'font_unavailable';

/** The one error `labels/` throws: callers map `code` to a problem response, never parse `message`. */
export class LabelError extends Error {
  override readonly name = 'LabelError';

  constructor(
    readonly code: LabelErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
