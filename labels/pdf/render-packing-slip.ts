import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { z } from 'zod';
import { LabelError } from '../label-error.js';
import { Address } from '../label-model.js';
import { drawAddressBlock } from './draw-address-block.js';
import { drawCode128 } from './draw-code128.js';
import { drawTextLine } from './draw-text.js';
import { embedLabelFaces, type LabelFaces } from './embed-faces.js';
import { A4_SIZE } from './page-sizes.js';

const text = z.string().trim().min(1);

export const PackingSlip = z.object({
  orderId: z.string().regex(/^ord_[A-Za-z0-9_-]+$/, 'an order id such as ord_01h…'),
  channelName: text,
  channelOrderId: text,
  orderedAt: z.iso.datetime({ offset: true }),
  shipFrom: Address,
  shipTo: Address,
  lines: z
    .array(z.object({ sku: text, title: text, quantity: z.number().int().positive() }))
    .min(1, 'a packing slip lists at least one line'),
  note: z.string().max(500).nullable().optional(),
});
export type PackingSlip = z.infer<typeof PackingSlip>;

const MARGIN = 40;
const ROW = 16;

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new LabelError('label_invalid', `The ${what} cannot be printed: ${fields.join('; ')}`, {
    cause: parsed.error,
  });
}

function header(page: PDFPage, faces: LabelFaces, slip: PackingSlip, pageNumber: number): number {
  const [width, height] = A4_SIZE;
  let y = height - MARGIN;
  drawTextLine(page, {
    text: slip.channelName,
    face: faces.bold,
    size: 18,
    x: MARGIN,
    y: y - 18,
    maxWidth: 300,
  });
  drawTextLine(page, {
    text: `Packing slip · page ${pageNumber}`,
    face: faces.regular,
    size: 9,
    x: MARGIN,
    y: y - 32,
    maxWidth: 300,
  });
  drawCode128(page, {
    value: slip.orderId,
    centerX: width - MARGIN - 95,
    y: y - 46,
    height: 40,
    maxWidth: 200,
  });
  drawTextLine(page, {
    text: slip.orderId,
    face: faces.bold,
    size: 9,
    x: width - MARGIN - 200,
    y: y - 58,
    maxWidth: 200,
    align: 'center',
  });
  y -= 72;
  const refs = `Order ${slip.channelOrderId} · ${slip.orderedAt.slice(0, 10)}`;
  drawTextLine(page, {
    text: refs,
    face: faces.regular,
    size: 10,
    x: MARGIN,
    y,
    maxWidth: width - 2 * MARGIN,
  });
  return y - 12;
}

function tableHead(page: PDFPage, faces: LabelFaces, y: number): number {
  const width = A4_SIZE[0];
  drawTextLine(page, { text: 'SKU', face: faces.bold, size: 9, x: MARGIN, y, maxWidth: 120 });
  drawTextLine(page, { text: 'Item', face: faces.bold, size: 9, x: MARGIN + 130, y, maxWidth: 300 });
  drawTextLine(page, {
    text: 'Qty',
    face: faces.bold,
    size: 9,
    x: width - MARGIN - 40,
    y,
    maxWidth: 40,
    align: 'right',
  });
  page.drawLine({
    start: { x: MARGIN, y: y - 4 },
    end: { x: width - MARGIN, y: y - 4 },
    thickness: 0.8,
    color: rgb(0, 0, 0),
  });
  return y - ROW;
}

/** The paper that goes in the box: channel, order references, ship-to, every line, a Code 128 of the order. */
export async function renderPackingSlipPdf(input: PackingSlip): Promise<Uint8Array> {
  const slip = parse(PackingSlip, input, 'packing slip');
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Packing slip ${slip.orderId}`);
  pdf.setCreationDate(new Date(slip.orderedAt));
  pdf.setModificationDate(new Date(slip.orderedAt));
  const faces = await embedLabelFaces(pdf);
  const width = A4_SIZE[0];
  let pageNumber = 1;
  let page = pdf.addPage([...A4_SIZE]);
  let y = header(page, faces, slip, pageNumber);
  const half = (width - 2 * MARGIN) / 2;
  const shipTo = { title: 'SHIP TO', address: slip.shipTo, x: MARGIN, top: y, width: half - 10, scale: 1.2 };
  const shipFrom = { title: 'FROM', address: slip.shipFrom, x: MARGIN + half, top: y, width: half, scale: 1 };
  y = Math.min(drawAddressBlock(page, faces, shipTo), drawAddressBlock(page, faces, shipFrom)) - 24;
  y = tableHead(page, faces, y);
  let units = 0;
  for (const line of slip.lines) {
    if (y < MARGIN + 40) {
      pageNumber++;
      page = pdf.addPage([...A4_SIZE]);
      y = tableHead(page, faces, header(page, faces, slip, pageNumber) - 10);
    }
    drawTextLine(page, { text: line.sku, face: faces.regular, size: 9, x: MARGIN, y, maxWidth: 120 });
    drawTextLine(page, {
      text: line.title,
      face: faces.regular,
      size: 9,
      x: MARGIN + 130,
      y,
      maxWidth: width - 2 * MARGIN - 180,
    });
    drawTextLine(page, {
      text: String(line.quantity),
      face: faces.bold,
      size: 9,
      x: width - MARGIN - 40,
      y,
      maxWidth: 40,
      align: 'right',
    });
    units += line.quantity;
    y -= ROW;
  }
  drawTextLine(page, {
    text: `${slip.lines.length} lines · ${units} units`,
    face: faces.bold,
    size: 10,
    x: MARGIN,
    y: y - 6,
    maxWidth: 300,
  });
  if (slip.note)
    drawTextLine(page, {
      text: slip.note,
      face: faces.regular,
      size: 9,
      x: MARGIN,
      y: y - 24,
      maxWidth: width - 2 * MARGIN,
    });
  return pdf.save();
}
