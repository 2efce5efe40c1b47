import { PDFDocument } from 'pdf-lib';
import { LabelError } from '../label-error.js';
import { ShippingLabel } from '../label-model.js';
import { drawShippingLabel, type LabelFrame } from './draw-shipping-label.js';
import { embedLabelFaces } from './embed-faces.js';
import { A4_FOUR_UP_FRAMES, A4_SIZE, LABEL_PAGE_SIZES } from './page-sizes.js';

export interface RenderLabelsOptions {
  /** `label`: one page per label at its own size; `A4-4up`: four A6 labels per A4 sheet (office printers). */
  sheet?: 'label' | 'A4-4up';
}

function parseLabel(input: ShippingLabel): ShippingLabel {
  const parsed = ShippingLabel.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new LabelError('label_invalid', `The label cannot be printed: ${fields.join('; ')}`, {
    cause: parsed.error,
  });
}

/**
 * Many labels as one PDF. The fonts are embedded once for the whole batch, which is what makes a batch
 * cheap: subsetting DejaVu costs more than drawing a label.
 */
export async function renderShippingLabelsPdf(
  inputs: readonly ShippingLabel[],
  options: RenderLabelsOptions = {},
): Promise<Uint8Array> {
  if (inputs.length === 0) throw new LabelError('label_invalid', 'A batch needs at least one label.');
  const labels = inputs.map(parseLabel);
  const first = labels[0] as ShippingLabel;
  const pdf = await PDFDocument.create();
  pdf.setTitle(
    labels.length === 1 ? `Shipping label ${first.trackingNumber}` : `${labels.length} shipping labels`,
  );
  pdf.setCreationDate(new Date(first.createdAt));
  pdf.setModificationDate(new Date(first.createdAt));
  const faces = await embedLabelFaces(pdf);
  const fourUp = options.sheet === 'A4-4up';
  let page = pdf.addPage(fourUp ? [...A4_SIZE] : [...LABEL_PAGE_SIZES[first.size]]);
  for (const [index, label] of labels.entries()) {
    let frame: LabelFrame;
    if (fourUp) {
      if (index > 0 && index % 4 === 0) page = pdf.addPage([...A4_SIZE]);
      frame = A4_FOUR_UP_FRAMES[index % 4] as LabelFrame;
    } else {
      const [width, height] = LABEL_PAGE_SIZES[label.size];
      if (index > 0) page = pdf.addPage([width, height]);
      frame = { x: 0, y: 0, width, height };
    }
    await drawShippingLabel(pdf, page, faces, label, frame);
  }
  return pdf.save();
}

/** One shipping label as a one-page PDF of its size (4x6 in, 10x15 cm or A6). */
export function renderShippingLabelPdf(input: ShippingLabel): Promise<Uint8Array> {
  return renderShippingLabelsPdf([input]);
}
