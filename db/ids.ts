import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Public ids carry a prefix so a scanned barcode says what it names (`ord_`, `bin_`, `usr_`…). The body
 * starts with the time in milliseconds so ids sort by creation, then 64 random bits.
 */
export function newId(prefix: IdPrefix): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 9; i++) {
    head = alphabet[time % 32] + head;
    time = Math.floor(time / 32);
  }
  let tail = '';
  for (const byte of randomBytes(13)) tail += alphabet[byte % 32];
  return `${prefix}_${head}${tail}`;
}

export const idPrefixes = [
  'usr',
  'ses',
  'tok',
  'chn',
  'prk',
  'prd',
  'whs',
  'bin',
  'mov',
  'rsv',
  'ord',
  'oln',
  'shp',
  'pcl',
  'evt',
  'tot',
  'pck',
  // stock: cycle counts and their lines, allocation rules, suppliers, purchase orders, receipts
  'cnt',
  'cnl',
  'alr',
  'sup',
  'po',
  'pol',
  'rcv',
  // picking: waves
  'wav',
  // carriers: carrier accounts, labels booked ahead
  'cac',
  'plb',
  // manual orders: saved import column mappings
  'imp',
  // returns: returns, their lines, photos, refunds; carrier tracking events
  'rma',
  'rml',
  'rph',
  'rfd',
  'trk',
  // dashboard: alerts
  'alt',
  // shipping desk: shipping rules, label print batches and prints, manifests
  'shr',
  'prb',
  'lpr',
  'mnf',
  // packing station: boxes being packed, label printers
  'box',
  'prn',
  // pricing and feeds: feed runs
  'fdr',
] as const;
export type IdPrefix = (typeof idPrefixes)[number];
