import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as mupdf from 'mupdf';
import { prepareZXingModule, type ReaderOptions, readBarcodes } from 'zxing-wasm/reader';

/**
 * Reads back every barcode we print with tools that share no code with the writer (MuPDF rasterises,
 * ZXing-C++ decodes), so a test fails when a label would fail at the sorting centre.
 */

export interface DecodedBarcode {
  /** 1-based page number; 1 for a PNG. */
  page: number;
  /** ZXing's format name, e.g. `Code128`, `QRCode`, `DataMatrix`. */
  format: string;
  text: string;
}

export interface DecodeOptions {
  /** Resolution the page is rasterised at; 203 is what a thermal label printer prints. */
  dpi?: number;
}

const READER_OPTIONS: ReaderOptions = {
  formats: [
    'Code128',
    'Code39',
    'EAN13',
    'EAN8',
    'UPCA',
    'ITF',
    'DataMatrix',
    'QRCode',
    'PDF417',
    'MaxiCode',
  ],
  tryHarder: true,
  tryRotate: true,
  maxNumberOfSymbols: 16,
};

let ready: Promise<unknown> | undefined;

// zxing-wasm fetches its .wasm from a CDN unless handed the bytes: tests must run offline.
function prepareReader(): Promise<unknown> {
  ready ??= readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')).then(
    (wasm) =>
      prepareZXingModule({
        overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
        fireImmediately: true,
      }),
  );
  return ready;
}

/** A decoded symbol with what says how it was encoded: the AIM symbology identifier and the GS1 flag. */
export interface DecodedSymbol extends DecodedBarcode {
  /** e.g. `]C1` for GS1-128, `]d2` for GS1 DataMatrix, `]C0` for plain Code 128. */
  symbologyIdentifier: string;
  /** True when the symbol starts with FNC1, i.e. carries GS1 element strings. */
  isGs1: boolean;
}

export async function decodeSymbols(input: Uint8Array | ImageData, page: number): Promise<DecodedSymbol[]> {
  await prepareReader();
  const results = await readBarcodes(input, READER_OPTIONS);
  return results
    .filter((result) => result.isValid)
    .map((result) => ({
      page,
      format: result.format,
      text: result.text,
      symbologyIdentifier: result.symbologyIdentifier,
      isGs1: result.contentType === 'GS1',
    }));
}

async function decode(input: Uint8Array | ImageData, page: number): Promise<DecodedBarcode[]> {
  return (await decodeSymbols(input, page)).map(({ page: p, format, text }) => ({ page: p, format, text }));
}

/** ZXing takes ImageData-shaped RGBA; MuPDF gives packed RGB rows, possibly padded. */
function toImageData(pixmap: mupdf.Pixmap): ImageData {
  const width = pixmap.getWidth();
  const height = pixmap.getHeight();
  const stride = pixmap.getStride();
  const components = pixmap.getNumberOfComponents();
  const rgb = pixmap.getPixels();
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = y * stride + x * components;
      const to = (y * width + x) * 4;
      rgba[to] = rgb[from] ?? 255;
      rgba[to + 1] = rgb[from + 1] ?? 255;
      rgba[to + 2] = rgb[from + 2] ?? 255;
      rgba[to + 3] = 255;
    }
  }
  return { data: rgba, width, height, colorSpace: 'srgb' } as ImageData;
}

/** Every page of a PDF as ImageData, rasterised by MuPDF at `dpi`. */
export async function rasterisePdfWithMupdf(pdfBytes: Uint8Array, dpi: number): Promise<ImageData[]> {
  const document = mupdf.Document.openDocument(pdfBytes, 'application/pdf');
  const pages: ImageData[] = [];
  try {
    for (let index = 0; index < document.countPages(); index++) {
      const page = document.loadPage(index);
      const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false);
      try {
        pages.push(toImageData(pixmap));
      } finally {
        pixmap.destroy();
        page.destroy();
      }
    }
  } finally {
    document.destroy();
  }
  return pages;
}

/** Like decodeBarcodesInPdf, with the symbology identifier and GS1 flag of each symbol. */
export async function decodeSymbolsInPdf(
  pdfBytes: Uint8Array,
  opts: DecodeOptions = {},
): Promise<DecodedSymbol[]> {
  const pages = await rasterisePdfWithMupdf(pdfBytes, opts.dpi ?? 203);
  const found: DecodedSymbol[] = [];
  for (const [index, image] of pages.entries()) found.push(...(await decodeSymbols(image, index + 1)));
  return found;
}

/** Decodes every barcode on every page of a PDF, rendered as a printer of `dpi` would print it. */
export async function decodeBarcodesInPdf(
  pdfBytes: Uint8Array,
  opts: DecodeOptions = {},
): Promise<DecodedBarcode[]> {
  const dpi = opts.dpi ?? 203;
  const document = mupdf.Document.openDocument(pdfBytes, 'application/pdf');
  const found: DecodedBarcode[] = [];
  try {
    for (let index = 0; index < document.countPages(); index++) {
      const page = document.loadPage(index);
      // No alpha: unpainted paper must come out white, as it prints, not as transparent black.
      const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false);
      try {
        found.push(...(await decode(toImageData(pixmap), index + 1)));
      } finally {
        pixmap.destroy();
        page.destroy();
      }
    }
  } finally {
    document.destroy();
  }
  return found;
}

/** Decodes every barcode in a PNG image. */
export function decodeBarcodesInPng(pngBytes: Uint8Array): Promise<DecodedBarcode[]> {
  return decode(pngBytes, 1);
}

/** A PNG as ImageData (MuPDF decodes it), so that part of it can be cropped. */
export function pngToImageData(pngBytes: Uint8Array): ImageData {
  const image = new mupdf.Image(pngBytes);
  const pixmap = image.toPixmap().convertToColorSpace(mupdf.ColorSpace.DeviceRGB, false);
  try {
    return toImageData(pixmap);
  } finally {
    pixmap.destroy();
    image.destroy();
  }
}

/**
 * The part of an image inside a rectangle given as fractions of its width and height. ZXing reads MaxiCode
 * only when the symbol is alone in the picture, as a scanner aimed at it sees it.
 */
export function cropImage(
  image: ImageData,
  part: { left: number; top: number; right: number; bottom: number },
): ImageData {
  const x0 = Math.floor(part.left * image.width);
  const y0 = Math.floor(part.top * image.height);
  const width = Math.floor(part.right * image.width) - x0;
  const height = Math.floor(part.bottom * image.height) - y0;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { data, width, height, colorSpace: 'srgb' } as ImageData;
}
