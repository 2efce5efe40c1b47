/** Framework-free scanning: camera, keyboard wedge, GS1/AIM parsing, feedback. Imports nothing of ours. */
export { createCameraScanner } from './camera.js';
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
