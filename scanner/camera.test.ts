import { createRequire } from 'node:module';
import { BarcodeFormat } from '@zxing/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CameraScannerOptions, createCameraScanner, type ZxingReaderLike } from './camera.js';
import { hintType } from './camera-formats.js';

type ZxingResult = { getText(): string; getBarcodeFormat(): number };

function fakeCamera(options: { torch?: boolean } = {}) {
  const applied: unknown[] = [];
  const track = {
    stopped: false,
    stop() {
      this.stopped = true;
    },
    getCapabilities: () => (options.torch ? { torch: true } : {}),
    applyConstraints: async (c: unknown) => void applied.push(c),
  };
  const stream = { getTracks: () => [track], getVideoTracks: () => [track] };
  const requested: MediaStreamConstraints[] = [];
  const getUserMedia = async (c: MediaStreamConstraints) => {
    requested.push(c);
    return stream as unknown as MediaStream;
  };
  const video = {
    muted: false,
    playsInline: false,
    srcObject: null as unknown,
    readyState: 4,
    plays: 0,
    setAttribute: () => undefined,
    play: async function () {
      this.plays++;
    },
  };
  return {
    track,
    stream,
    getUserMedia,
    requested,
    applied,
    video,
    asVideo: video as unknown as HTMLVideoElement,
  };
}

function stubReader() {
  const made: Array<{ hints: Map<unknown, unknown>; options: Record<string, number> }> = [];
  let callback: ((r: ZxingResult | undefined) => void) | null = null;
  let stops = 0;
  const createReader: CameraScannerOptions['createReader'] = (hints, options) => {
    made.push({ hints, options });
    const reader: ZxingReaderLike = {
      decodeFromVideoElement: async (_video, cb) => {
        callback = cb;
        return { stop: () => void stops++ };
      },
    };
    return reader;
  };
  const decoded = (text: string, format: number) =>
    callback?.({ getText: () => text, getBarcodeFormat: () => format });
  return { made, createReader, decoded, stops: () => stops };
}

afterEach(() => vi.useRealTimers());

describe('createCameraScanner with zxing', () => {
  it('uses DecodeHintType values that match @zxing/library', () => {
    const library = createRequire(import.meta.url)('@zxing/library') as {
      DecodeHintType: Record<string, number>;
    };
    expect(hintType.POSSIBLE_FORMATS).toBe(library.DecodeHintType.POSSIBLE_FORMATS);
    expect(hintType.TRY_HARDER).toBe(library.DecodeHintType.TRY_HARDER);
    expect(hintType.ASSUME_GS1).toBe(library.DecodeHintType.ASSUME_GS1);
  });

  it('limits formats to the warehouse ones, turns GS1 on, TRY_HARDER off, and tries every 75 ms', async () => {
    const cam = fakeCamera();
    const zx = stubReader();
    const scanner = createCameraScanner({ onScan: () => undefined, nativeDetector: null, ...cam, ...zx });
    await scanner.start(cam.asVideo);
    expect(zx.made).toHaveLength(1);
    const made = zx.made[0];
    if (!made) throw new Error('expected a zxing reader');
    const { hints, options } = made;
    expect(hints.get(hintType.POSSIBLE_FORMATS)).toEqual([
      BarcodeFormat.EAN_13,
      BarcodeFormat.EAN_8,
      BarcodeFormat.UPC_A,
      BarcodeFormat.UPC_E,
      BarcodeFormat.CODE_128,
      BarcodeFormat.DATA_MATRIX,
      BarcodeFormat.QR_CODE,
    ]);
    expect(hints.get(hintType.ASSUME_GS1)).toBe(true);
    expect(hints.has(hintType.TRY_HARDER)).toBe(false);
    expect(options.delayBetweenScanAttempts).toBe(75);
    expect(options.delayBetweenScanSuccess).toBe(75);
    expect(cam.video.srcObject).toBe(cam.stream);
    expect(cam.video.muted).toBe(true);
    expect(cam.requested[0]?.video).toMatchObject({ facingMode: { ideal: 'environment' } });
  });

  it('passes custom formats and interval, and rejects an unknown format by name', async () => {
    const cam = fakeCamera();
    const zx = stubReader();
    await createCameraScanner({
      onScan: () => undefined,
      formats: ['code_128', 'qr_code'],
      intervalMs: 50,
      nativeDetector: null,
      ...cam,
      ...zx,
    }).start(cam.asVideo);
    expect(zx.made[0]?.hints.get(hintType.POSSIBLE_FORMATS)).toEqual([
      BarcodeFormat.CODE_128,
      BarcodeFormat.QR_CODE,
    ]);
    expect(zx.made[0]?.options.delayBetweenScanAttempts).toBe(50);
    expect(() =>
      createCameraScanner({ onScan: () => undefined, formats: ['maxicode'], ...cam, ...zx }),
    ).toThrow(/unknown barcode format "maxicode"/);
  });

  it('reports decoded codes with their symbology and drops the same code while it stays in view', async () => {
    let t = 0;
    const cam = fakeCamera();
    const zx = stubReader();
    const scans: Array<[string, string]> = [];
    const scanner = createCameraScanner({
      onScan: (raw, symbology) => scans.push([raw, symbology]),
      nativeDetector: null,
      now: () => t,
      ...cam,
      ...zx,
    });
    await scanner.start(cam.asVideo);
    zx.decoded('4006381333931', BarcodeFormat.EAN_13);
    t += 75;
    zx.decoded('4006381333931', BarcodeFormat.EAN_13);
    t += 75;
    zx.decoded(']C100376012345000000010', BarcodeFormat.CODE_128);
    zx.decoded('\u001d0103760123456784', BarcodeFormat.DATA_MATRIX);
    t += 1500;
    zx.decoded('4006381333931', BarcodeFormat.EAN_13);
    expect(scans).toEqual([
      ['4006381333931', 'ean_13'],
      [']C100376012345000000010', 'gs1_128'],
      ['\u001d0103760123456784', 'gs1_datamatrix'],
      ['4006381333931', 'ean_13'],
    ]);
  });

  it('stops the decode loop and the camera', async () => {
    const cam = fakeCamera();
    const zx = stubReader();
    const scanner = createCameraScanner({ onScan: () => undefined, nativeDetector: null, ...cam, ...zx });
    await scanner.start(cam.asVideo);
    scanner.stop();
    expect(zx.stops()).toBe(1);
    expect(cam.track.stopped).toBe(true);
  });

  it('switches the torch when the camera has one, and says so when it has none', async () => {
    const withTorch = fakeCamera({ torch: true });
    const scanner = createCameraScanner({
      onScan: () => undefined,
      nativeDetector: null,
      ...withTorch,
      ...stubReader(),
    });
    expect(scanner.hasTorch()).toBe(false);
    await scanner.start(withTorch.asVideo);
    expect(scanner.hasTorch()).toBe(true);
    expect(await scanner.setTorch(true)).toBe(true);
    expect(withTorch.applied).toEqual([{ advanced: [{ torch: true }] }]);

    const without = fakeCamera();
    const plain = createCameraScanner({
      onScan: () => undefined,
      nativeDetector: null,
      ...without,
      ...stubReader(),
    });
    await plain.start(without.asVideo);
    expect(plain.hasTorch()).toBe(false);
    expect(await plain.setTorch(true)).toBe(false);
  });
});

describe('createCameraScanner with the native BarcodeDetector', () => {
  function fakeDetector(supported: string[], results: Array<Array<{ rawValue: string; format: string }>>) {
    const made: Array<{ formats: string[] }> = [];
    let calls = 0;
    class Detector {
      static getSupportedFormats = async () => supported;
      constructor(options: { formats: string[] }) {
        made.push(options);
      }
      async detect() {
        return results[calls++] ?? [];
      }
    }
    return { Detector, made, calls: () => calls };
  }

  it('uses it when it reads every wanted format, polling at the interval', async () => {
    vi.useFakeTimers();
    const cam = fakeCamera();
    const zx = stubReader();
    const all = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'data_matrix', 'qr_code', 'pdf417'];
    const det = fakeDetector(all, [[], [{ rawValue: 'tot_5', format: 'code_128' }]]);
    const scans: string[] = [];
    const scanner = createCameraScanner({
      onScan: (raw) => scans.push(raw),
      intervalMs: 60,
      nativeDetector: det.Detector,
      ...cam,
      ...zx,
    });
    await scanner.start(cam.asVideo);
    expect(zx.made).toHaveLength(0);
    expect(det.made[0]?.formats).toHaveLength(7);
    expect(cam.video.plays).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(det.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(59);
    expect(det.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(det.calls()).toBe(2);
    expect(scans).toEqual(['tot_5']);
    scanner.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(det.calls()).toBe(2);
  });

  it('falls back to zxing when the detector lacks a format we need', async () => {
    const cam = fakeCamera();
    const zx = stubReader();
    const det = fakeDetector(['qr_code', 'ean_13'], []);
    await createCameraScanner({ onScan: () => undefined, nativeDetector: det.Detector, ...cam, ...zx }).start(
      cam.asVideo,
    );
    expect(det.made).toHaveLength(0);
    expect(zx.made).toHaveLength(1);
  });
});
