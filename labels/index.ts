export type { BarcodePngRequest, BarcodeSymbology } from './barcodes.js';
export { encodeCode128Modules, renderBarcodePng } from './barcodes.js';
export {
  assertValidGtin,
  assertValidS10,
  formatS10,
  gs1CheckDigit,
  isValidGtin,
  isValidS10,
  s10CheckDigit,
} from './check-digits.js';
export { LabelError, type LabelErrorCode } from './label-error.js';
export { Address, LabelSize, ShippingLabel } from './label-model.js';
export { PRINTER_DPI } from './pdf/draw-code128.js';
export { LABEL_PAGE_SIZES } from './pdf/page-sizes.js';
export { renderShippingLabelPdf } from './pdf/render-shipping-label.js';
