export {
  encodeGs1128Modules,
  encodeModuleGrid,
  type GridSymbology,
  type ModuleGrid,
} from './barcode-symbols.js';
export type { BarcodePngRequest, BarcodeSymbology } from './barcodes.js';
export { encodeCode128Modules, renderBarcodePng } from './barcodes.js';
export {
  dhlExpressCheckDigit,
  dhlIdentcodeCheckDigit,
  iso7064Mod3736,
  mondialRelayControlDigit,
  ups1zCheckDigit,
} from './carrier-check-digits.js';
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
export { Address, LabelSize, SecondaryBarcode, ShippingLabel } from './label-model.js';
export { PRINTER_DPI } from './pdf/draw-code128.js';
export { type MergeOptions, mergeLabelPdfs } from './pdf/merge-label-pdfs.js';
export { LABEL_PAGE_SIZES } from './pdf/page-sizes.js';
export { Manifest, renderManifestPdf } from './pdf/render-manifest.js';
export { PackingSlip, renderPackingSlipPdf } from './pdf/render-packing-slip.js';
export {
  type RenderLabelsOptions,
  renderShippingLabelPdf,
  renderShippingLabelsPdf,
} from './pdf/render-shipping-label.js';
export { renderSsccLabelPdf } from './pdf/render-sscc-label.js';
export { CARRIER_SERVICES, type CarrierService, findCarrierService } from './rules/carrier-services.js';
export {
  checkPackaging,
  type PackagingInput,
  type Violation,
  type ViolationCode,
} from './rules/check-packaging.js';
export {
  findMarketplaceRules,
  MARKETPLACE_RULES,
  type MarketplaceRules,
  type ServiceLevel,
} from './rules/marketplace-rules.js';
export { parseSsccLabel, type SsccBarcodes, SsccLabel } from './sscc-label-model.js';
export {
  TRACKING_CARRIERS,
  type TrackingCarrier,
  type ValidTrackingNumber,
  validateTrackingNumber,
} from './validate-tracking-number.js';
export { concatZpl, renderShippingLabelZpl, type ZplOptions } from './zpl/render-shipping-label-zpl.js';
export { renderSsccLabelZpl } from './zpl/render-sscc-label-zpl.js';
export type { ZplDpi } from './zpl/zpl-commands.js';
