import { PDFDocument } from 'pdf-lib';
import { LabelError } from '../label-error.js';
import { A4_FOUR_UP_FRAMES, A4_SIZE } from './page-sizes.js';

export interface MergeOptions {
  /** Four pages to an A4 sheet, each scaled down only if it is larger than a quarter. */
  fourUpA4?: boolean;
}

async function load(bytes: Uint8Array, index: number): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes);
  } catch (error) {
    throw new LabelError('input_invalid', `PDF number ${index + 1} of the batch cannot be read.`, {
      cause: error,
    });
  }
}

/** Many label PDFs as one, for one print job: pages in order, or four to an A4 sheet. */
export async function mergeLabelPdfs(
  pdfs: readonly Uint8Array[],
  options: MergeOptions = {},
): Promise<Uint8Array> {
  if (pdfs.length === 0) throw new LabelError('input_invalid', 'A batch needs at least one PDF.');
  const merged = await PDFDocument.create();
  merged.setTitle(`${pdfs.length} labels`);
  const sources = await Promise.all(pdfs.map(load));
  if (!options.fourUpA4) {
    for (const source of sources) {
      const pages = await merged.copyPages(source, source.getPageIndices());
      for (const page of pages) merged.addPage(page);
    }
    return merged.save();
  }
  let slot = 0;
  let sheet = merged.addPage([...A4_SIZE]);
  for (const source of sources) {
    const embedded = await merged.embedPages(source.getPages());
    for (const page of embedded) {
      if (slot === 4) {
        sheet = merged.addPage([...A4_SIZE]);
        slot = 0;
      }
      const frame = A4_FOUR_UP_FRAMES[slot] as (typeof A4_FOUR_UP_FRAMES)[number];
      // Scaling would move bars off the printer's dot grid, so only pages larger than a quarter shrink.
      const scale = Math.min(1, frame.width / page.width, frame.height / page.height);
      const width = page.width * scale;
      const height = page.height * scale;
      sheet.drawPage(page, {
        x: frame.x + (frame.width - width) / 2,
        y: frame.y + (frame.height - height) / 2,
        width,
        height,
      });
      slot++;
    }
  }
  return merged.save();
}
