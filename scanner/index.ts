/**
 * Framework-free scanning: keyboard wedge, GS1/AIM parsing, feedback. Imports nothing of ours. The camera
 * (zxing, most of the weight) is its own entry, `scanner/camera.ts`, to be loaded when a camera is used.
 */
export { isValidGs1CheckDigit } from './check-digit.js';
export { ScanParseError } from './errors.js';
export { createFeedback } from './feedback.js';
export { parseGs1 } from './parse-gs1.js';
export { parseScan } from './parse-scan.js';
export type {
  CameraScanner,
  FeedbackKind,
  Gs1Element,
  ScanKind,
  ScanResult,
  WedgeOptions,
} from './types.js';
export { attachWedge, createWedgeDetector } from './wedge.js';
