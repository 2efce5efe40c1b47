import { parseScan } from '../../scanner/index.js';

interface Row {
  figure: string;
  value: number;
  unit: string;
  target: string;
}

const GS = '\u001d';

/** What a pick and pack shift scans: retail codes, GS1 labels, our ids, tracking numbers, bin codes. */
const mix: Array<[string, { gsSubstitute?: string; symbology?: string | null }?]> = [
  ['4006381333931'],
  [']E04006381333931'],
  ['96385074'],
  ['036000291452'],
  ['04252614', { symbology: 'upc_e' }],
  [']C10103760123456784172512311012345ABC'],
  [`]C10037601234500000001002037601234567843724${GS}400PO-4711${GS}42075001`],
  [`${GS}010376012345678421SN123456789${GS}17270131${GS}10LOT1`, { symbology: 'data_matrix' }],
  [']d2010376012345678421SN1~17270131~10LOT1', { gsSubstitute: '~' }],
  ['0103760123456784310300125015251200'],
  ['bin_01hzy3k4m5n6p7q8r9s0t1v2'],
  ['tot_01hzy3k4m5n6p7q8r9s0t1v2'],
  ['ord_01hzy3k4m5n6p7q8r9s0t1v2'],
  ['RR123456785FR'],
  ['1Z999AA10123456784'],
  ['A-03-01-1'],
];

/**
 * parseScan throughput on a mix of real scans. A scan is parsed once per key press burst, so anything
 * above a few thousand per second is invisible; the figure guards against an accidental slow path.
 */
export async function benchScanner(_ctx?: unknown): Promise<Row[]> {
  const rounds = 20_000;
  let kinds = 0;
  for (let i = 0; i < 2_000; i++)
    for (const [raw, options] of mix) kinds += parseScan(raw, options).kind.length;
  const started = performance.now();
  for (let i = 0; i < rounds; i++)
    for (const [raw, options] of mix) kinds += parseScan(raw, options).kind.length;
  const ms = performance.now() - started;
  if (kinds === 0) throw new Error('parseScan returned nothing');
  return [
    {
      figure: `parseScan (mix of ${mix.length} real scans)`,
      value: Math.round(((rounds * mix.length) / ms) * 1000),
      unit: 'scans/s',
      target: '≥ 100000',
    },
    {
      figure: 'parseScan mean time per scan',
      value: +((ms * 1000) / (rounds * mix.length)).toFixed(2),
      unit: 'µs',
      target: '< 10',
    },
  ];
}
