import { BrowserMultiFormatReader } from '@zxing/browser';
import type { DecodeHintType } from '@zxing/library';
import { defaultCameraFormats, fromZxingFormat, refineSymbology, zxingHints } from './camera-formats.js';
import { startNativeLoop } from './camera-native.js';
import type { CameraScanner } from './types.js';

/** The slice of zxing's reader the scanner uses, so tests can stand in for it. */
export interface ZxingReaderLike {
  decodeFromVideoElement(
    video: HTMLVideoElement,
    callback: (result: { getText(): string; getBarcodeFormat(): number } | undefined) => void,
  ): Promise<{ stop(): void }>;
}

interface NativeDetector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string; format: string }>>;
}
export interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

export interface CameraScannerOptions {
  onScan: (raw: string, symbology: string) => void;
  /** Barcode Detection API names; default: EAN-13/8, UPC-A/E, Code 128 (GS1-128), DataMatrix, QR. */
  formats?: string[];
  /** Time between decode attempts. Default 75 ms (zxing's own default of 500 ms is too slow to pick with). */
  intervalMs?: number;
  /** The same code is reported again only after this long, while it stays in view. Default 1200 ms. */
  repeatMs?: number;
  /** Stand-ins for tests; defaults are the browser's. `nativeDetector: null` forces zxing. */
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  nativeDetector?: NativeDetectorClass | null;
  createReader?: (
    hints: Map<DecodeHintType, unknown>,
    options: {
      delayBetweenScanAttempts: number;
      delayBetweenScanSuccess: number;
      tryPlayVideoTimeout: number;
    },
  ) => ZxingReaderLike;
  now?: () => number;
}

const constraints: MediaStreamConstraints = {
  audio: false,
  // The back camera, at a size where 1D bars stay sharp but a frame decodes in tens of ms.
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
};

/**
 * Camera scanning: the native BarcodeDetector where the device has one that reads our formats (Android
 * Chrome), zxing everywhere else (iOS, desktop, Chromium on Linux).
 */
export function createCameraScanner(options: CameraScannerOptions): CameraScanner {
  const formats = options.formats ?? defaultCameraFormats;
  const intervalMs = options.intervalMs ?? 75;
  const repeatMs = options.repeatMs ?? 1200;
  const now = options.now ?? (() => performance.now());
  // Built now so a misspelt format fails where the scanner is made, not after the camera opened.
  const hints = zxingHints(formats);
  let stream: MediaStream | null = null;
  let stopLoop: (() => void) | null = null;
  let torchTrack: MediaStreamTrack | null = null;
  let last: { raw: string; at: number } | null = null;
  let generation = 0;

  const emit = (raw: string, format: string) => {
    const at = now();
    if (last && last.raw === raw && at - last.at < repeatMs) return;
    last = { raw, at };
    try {
      options.onScan(raw, refineSymbology(format, raw));
    } catch (err) {
      // zxing ends its scan loop on any exception from the callback; the camera must keep scanning.
      setTimeout(() => {
        throw err;
      }, 0);
    }
  };

  const stop = () => {
    generation++;
    stopLoop?.();
    stopLoop = null;
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    torchTrack = null;
  };

  const start = async (video: HTMLVideoElement) => {
    stop();
    const mine = generation;
    const getUserMedia =
      options.getUserMedia ?? ((c: MediaStreamConstraints) => navigator.mediaDevices.getUserMedia(c));
    const acquired = await getUserMedia(constraints);
    if (mine !== generation) {
      // stop() came while the camera was opening.
      for (const track of acquired.getTracks()) track.stop();
      return;
    }
    stream = acquired;
    const track = acquired.getVideoTracks()[0] ?? null;
    const capabilities = track?.getCapabilities?.() as { torch?: boolean } | undefined;
    torchTrack = capabilities?.torch ? track : null;
    video.muted = true;
    video.playsInline = true;
    video.setAttribute?.('playsinline', '');
    video.srcObject = acquired;

    const Native = await usableNativeDetector(options, formats);
    if (mine !== generation) return;
    if (Native) {
      await video.play();
      stopLoop = startNativeLoop(new Native.ctor({ formats: Native.formats }), video, intervalMs, emit);
      return;
    }
    const reader = (options.createReader ?? defaultReader)(hints, {
      delayBetweenScanAttempts: intervalMs,
      delayBetweenScanSuccess: intervalMs,
      tryPlayVideoTimeout: 5000,
    });
    const controls = await reader.decodeFromVideoElement(video, (result) => {
      if (result) emit(result.getText(), fromZxingFormat(result.getBarcodeFormat()));
    });
    if (mine !== generation) controls.stop();
    else stopLoop = () => controls.stop();
  };

  const setTorch = async (on: boolean) => {
    if (!torchTrack) return false;
    try {
      await torchTrack.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      return true;
    } catch {
      return false;
    }
  };

  return { start, stop, setTorch, hasTorch: () => torchTrack !== null };
}

function defaultReader(
  hints: Map<DecodeHintType, unknown>,
  options: { delayBetweenScanAttempts: number; delayBetweenScanSuccess: number; tryPlayVideoTimeout: number },
): ZxingReaderLike {
  return new BrowserMultiFormatReader(
    hints as Map<DecodeHintType, never>,
    options,
  ) as unknown as ZxingReaderLike;
}

async function usableNativeDetector(
  options: CameraScannerOptions,
  formats: string[],
): Promise<{ ctor: NativeDetectorClass; formats: string[] } | null> {
  const ctor =
    options.nativeDetector !== undefined
      ? options.nativeDetector
      : ((globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector ?? null);
  if (!ctor) return null;
  try {
    const supported = new Set(await ctor.getSupportedFormats());
    // A detector that misses any of our formats would silently ignore those labels: use zxing instead.
    return formats.every((f) => supported.has(f)) ? { ctor, formats } : null;
  } catch {
    return null;
  }
}
