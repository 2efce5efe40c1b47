import { encodeModuleGrid, parseGs1ElementString } from '../barcode-symbols.js';
import { LabelError } from '../label-error.js';
import {
  type Code128Item,
  chooseModuleDots,
  encodeCode128Field,
  escapeFieldBytes,
  escapeFieldText,
  FNC1,
} from './zpl-field.js';

export type ZplDpi = 203 | 300;

/** Module widths tried, widest first: 2 dots at 203 dpi and 3 at 300 are both about 0.25 mm. */
const MODULE_DOTS: Record<ZplDpi, readonly number[]> = { 203: [4, 3, 2], 300: [6, 5, 4, 3] };
// AIs whose data has a fixed length need no FNC1 after them (GS1 General Specifications, figure 7.8.5-2).
const FIXED_LENGTH_AIS = new Set([
  '00',
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '15',
  '16',
  '17',
  '20',
  '410',
  '411',
  '412',
  '413',
  '414',
  '415',
]);

export interface TextField {
  x: number;
  y: number;
  /** Character height in dots. */
  height: number;
  width: number;
  text: string;
  align?: 'L' | 'C' | 'R';
}

/** One line of text clipped to its block; `^A0` is the printer's scalable font. */
export function zplText(field: TextField): string {
  const align = field.align ?? 'L';
  const charWidth = Math.round(field.height * 0.9);
  return `^FO${field.x},${field.y}^A0N,${field.height},${charWidth}^FB${field.width},1,0,${align}^FH^FD${escapeFieldText(field.text)}^FS`;
}

export function zplBox(x: number, y: number, width: number, height: number, thickness: number): string {
  return `^FO${x},${y}^GB${width},${height},${thickness}^FS`;
}

function zplCode128Items(
  items: Code128Item[],
  box: { x: number; y: number; width: number; height: number },
  dpi: ZplDpi,
) {
  const field = encodeCode128Field(items);
  const dots = chooseModuleDots(field.modules, box.width, MODULE_DOTS[dpi]);
  const x = box.x + Math.floor((box.width - field.modules * dots) / 2);
  return `^FO${x},${box.y}^BY${dots},3,${box.height}^BCN,${box.height},N,N,N,N^FH^FD${field.data}^FS`;
}

/** A Code 128 centred in `box`, its module a whole number of dots (`^BY`), subsets chosen by us. */
export function zplCode128(
  value: string,
  box: { x: number; y: number; width: number; height: number },
  dpi: ZplDpi,
) {
  return zplCode128Items(Array.from(value), box, dpi);
}

/** A GS1-128 of an element string: FNC1 first, and after each variable-length AI that is not last. */
export function zplGs1128(
  elementString: string,
  box: { x: number; y: number; width: number; height: number },
  dpi: ZplDpi,
) {
  const elements = parseGs1ElementString(elementString);
  const items: Code128Item[] = [FNC1];
  for (const [i, { ai, data }] of elements.entries()) {
    items.push(...ai, ...data);
    if (!FIXED_LENGTH_AIS.has(ai) && i < elements.length - 1) items.push(FNC1);
  }
  return zplCode128Items(items, box, dpi);
}

const ESCAPE_CANDIDATES = ['`', '|', '{', '}', '@', '#', '$', '%', '&', '*'];

/**
 * DataMatrix (`^BX`, ECC 200). Its escape character (needed for FNC1 in GS1 mode) is one the data does not
 * contain, so a literal character is never read as an escape.
 */
export function zplDataMatrix(value: string, gs1: boolean, at: { x: number; y: number; moduleDots: number }) {
  const escapeChar = ESCAPE_CANDIDATES.find((char) => !value.includes(char));
  if (!escapeChar)
    throw new LabelError('barcode_invalid', 'The DataMatrix value leaves no escape character free.');
  let data = escapeFieldBytes(value);
  if (gs1) {
    const elements = parseGs1ElementString(value);
    data = `${escapeChar}1`;
    for (const [i, { ai, data: content }] of elements.entries()) {
      data += escapeFieldBytes(`${ai}${content}`);
      if (!FIXED_LENGTH_AIS.has(ai) && i < elements.length - 1) data += `${escapeChar}1`;
    }
  }
  return `^FO${at.x},${at.y}^BXN,${at.moduleDots},200,,,6,${escapeChar}^FH^FD${data}^FS`;
}

/** PDF417 (`^B7`) with four data columns, as the PDF renderer draws it. */
export function zplPdf417(value: string, at: { x: number; y: number; moduleDots: number }) {
  return `^FO${at.x},${at.y}^BY${at.moduleDots}^B7N,${at.moduleDots * 3},2,4,,N^FH^FD${escapeFieldBytes(value)}^FS`;
}

const RS = '\x1e';
const GS = '\x1d';
const MAXICODE_MESSAGE = new RegExp(
  `^\\[\\)>${RS}01${GS}96([0-9A-Z ]{1,9})${GS}(\\d{3})${GS}(\\d{3})${GS}([\\s\\S]*)$`,
);

/**
 * MaxiCode (`^BD`) from the ISO 15434 message a reader returns ("[)>␞01␝96" postal, country, class, rest):
 * ZPL wants class, country and postal code first, then the message without them.
 */
export function zplMaxiCode(message: string, at: { x: number; y: number }) {
  const match = MAXICODE_MESSAGE.exec(message);
  if (!match) {
    throw new LabelError(
      'barcode_invalid',
      'A MaxiCode message starts "[)>␞01␝96" then postal code, country and class.',
    );
  }
  const [, postal = '', country = '', service = '', rest = ''] = match;
  // Mode 2 carries a 9-digit US postal code; mode 3 six alphanumerics.
  const isNumericPostal = /^\d{9}$/.test(postal);
  if (!isNumericPostal && postal.length > 6) {
    throw new LabelError(
      'barcode_invalid',
      'A MaxiCode postal code is 9 digits (mode 2) or up to 6 characters.',
    );
  }
  const mode = isNumericPostal ? 2 : 3;
  const postalField = isNumericPostal ? postal : postal.padEnd(6, ' ');
  const data = `${service}${country}${postalField}[)>\x1e01\x1d96${rest}`;
  return `^FO${at.x},${at.y}^BD${mode},1,1^FH^FD${escapeFieldBytes(data)}^FS`;
}

/** Size in dots of a DataMatrix or PDF417 at `moduleDots`, as bwip-js lays it out (printers agree). */
export function gridSizeDots(
  symbology: 'datamatrix' | 'gs1datamatrix' | 'pdf417',
  value: string,
  moduleDots: number,
) {
  const grid = encodeModuleGrid(symbology, value);
  return { width: grid.columns * moduleDots, height: grid.rows * grid.rowHeight * moduleDots };
}
