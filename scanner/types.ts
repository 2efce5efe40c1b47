/** What a scanned code names. Our own prefixed ids map to bin/tote/order/user/parcel/shipment. */
export type ScanKind =
  | 'gtin'
  | 'sscc'
  | 'gs1'
  | 'bin'
  | 'tote'
  | 'order'
  | 'user'
  | 'parcel'
  | 'shipment'
  | 'tracking'
  | 'text';

/** One GS1 element string: application identifier, its data, and a short human label. */
export interface Gs1Element {
  ai: string;
  value: string;
  label: string;
}

/**
 * A parsed scan. `value` is what the rest of the system looks up (digits as printed for a GTIN, the id
 * for our prefixed ids); `error` is set when the code was recognised but is not valid (bad check digit,
 * bad date, over-long field), so the UI can say why instead of looking it up.
 */
export interface ScanResult {
  raw: string;
  symbology: string | null;
  kind: ScanKind;
  value: string;
  gs1: Gs1Element[] | null;
  error?: string;
}

export interface WedgeOptions {
  /** Longest gap between two keys of one scan; humans type slower. Default 35 ms. */
  maxInterKeyMs?: number;
  /** Shortest scan, so a fast pair of keys plus Enter is not a scan. Default 3. */
  minLength?: number;
  /** Characters the scanner is configured to send first; stripped from the scan. */
  prefix?: string;
  /** Keys that end a scan. Default ['Enter', 'Tab']. */
  terminators?: string[];
  /** The same code read again within this window is one scan. Default 100 ms. */
  duplicateWindowMs?: number;
  now?: () => number;
}

export type FeedbackKind = 'ok' | 'wrong_item' | 'wrong_bin' | 'done' | 'error';

export interface CameraScanner {
  start(video: HTMLVideoElement): Promise<void>;
  stop(): void;
  setTorch(on: boolean): Promise<boolean>;
  hasTorch(): boolean;
}
