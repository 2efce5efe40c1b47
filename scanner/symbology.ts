/**
 * Symbology names used across the scanner module: the names of the W3C Barcode Detection API
 * (`ean_13`, `code_128`, `data_matrix`, `qr_code`…) plus the GS1 variants an AIM identifier reveals
 * (`gs1_128`, `gs1_datamatrix`, `gs1_qr`, `gs1_databar`).
 */
const aimToSymbology: Record<string, string> = {
  ']A0': 'code_39',
  ']A1': 'code_39',
  ']A3': 'code_39',
  ']A4': 'code_39',
  ']A7': 'code_39',
  ']C0': 'code_128',
  ']C1': 'gs1_128',
  ']C2': 'code_128',
  ']C4': 'code_128',
  ']E0': 'ean_13',
  ']E1': 'ean_13',
  ']E2': 'ean_13',
  ']E3': 'ean_13',
  ']E4': 'ean_8',
  ']F0': 'codabar',
  ']G0': 'code_93',
  ']I0': 'itf',
  ']I1': 'itf',
  ']L0': 'pdf417',
  ']L1': 'pdf417',
  ']L2': 'pdf417',
  ']Q0': 'qr_code',
  ']Q1': 'qr_code',
  ']Q2': 'qr_code',
  ']Q3': 'gs1_qr',
  ']Q4': 'gs1_qr',
  ']Q5': 'qr_code',
  ']Q6': 'qr_code',
  ']d0': 'data_matrix',
  ']d1': 'data_matrix',
  ']d2': 'gs1_datamatrix',
  ']d3': 'data_matrix',
  ']d4': 'data_matrix',
  ']d5': 'gs1_datamatrix',
  ']d6': 'data_matrix',
  ']e0': 'gs1_databar',
  ']z0': 'aztec',
  ']z1': 'aztec',
};

const gs1Symbologies = new Set(['gs1_128', 'gs1_datamatrix', 'gs1_qr', 'gs1_databar']);

export function isGs1Symbology(symbology: string | null): boolean {
  return symbology !== null && gs1Symbologies.has(symbology);
}

/** Splits a leading AIM symbology identifier (`]C1`, `]d2`…) off the scanned data. */
export function splitAimPrefix(raw: string): { symbology: string | null; data: string } {
  const aim = raw.slice(0, 3);
  if (raw.length >= 3 && raw[0] === ']') {
    const symbology = aimToSymbology[aim];
    if (symbology) return { symbology, data: raw.slice(3) };
  }
  return { symbology: null, data: raw };
}
