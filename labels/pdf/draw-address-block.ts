import { type PDFPage, rgb } from 'pdf-lib';
import type { Address } from '../label-model.js';
import { drawTextLine, type LabelFace } from './draw-text.js';

export interface AddressFaces {
  regular: LabelFace;
  bold: LabelFace;
}

export interface AddressBlock {
  title: string;
  address: Address;
  x: number;
  top: number;
  width: number;
  /** 1 for the sender; larger for the recipient, whom the sorting centre must read at a glance. */
  scale: number;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryLine(countryCode: string): string {
  const name = regionNames.of(countryCode);
  return name && name !== countryCode ? `${countryCode}  ${name.toUpperCase()}` : countryCode;
}

/** Draws a titled address top-down; returns the y of the last baseline. */
export function drawAddressBlock(page: PDFPage, faces: AddressFaces, block: AddressBlock): number {
  const { address, scale, x, width } = block;
  let y = block.top - 7;
  page.drawText(block.title, { x, y, size: 6.5, font: faces.bold.font, color: rgb(0.25, 0.25, 0.25) });
  const lines: { text: string | null; face: LabelFace; size: number }[] = [
    { text: address.name, face: faces.bold, size: 8.5 * scale },
    { text: address.company, face: faces.regular, size: 8 * scale },
    { text: address.line1, face: faces.regular, size: 8 * scale },
    { text: address.line2, face: faces.regular, size: 8 * scale },
    { text: `${address.postalCode} ${address.city}`, face: faces.bold, size: 9.5 * scale },
    { text: countryLine(address.countryCode), face: faces.bold, size: 8 * scale },
    { text: address.phone ? `Tel. ${address.phone}` : null, face: faces.regular, size: 6.5 * scale },
  ];
  for (const line of lines) {
    if (!line.text) continue;
    y -= line.size * 1.2;
    drawTextLine(page, { text: line.text, face: line.face, size: line.size, x, y, maxWidth: width });
  }
  return y;
}
