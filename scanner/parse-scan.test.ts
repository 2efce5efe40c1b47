import { describe, expect, it } from 'vitest';
import { expandUpcE, parseScan } from './parse-scan.js';

const GS = '\u001d';

describe('parseScan: product codes', () => {
  it('keeps a bare EAN-13 as printed and puts its GTIN-14 in gs1', () => {
    expect(parseScan('4006381333931')).toEqual({
      raw: '4006381333931',
      symbology: null,
      kind: 'gtin',
      value: '4006381333931',
      gs1: [{ ai: '01', value: '04006381333931', label: 'GTIN' }],
    });
  });

  it('reads EAN-8, UPC-A and GTIN-14, and the AIM prefix of EAN', () => {
    expect(parseScan('96385074').gs1?.[0]?.value).toBe('00000096385074');
    expect(parseScan('036000291452').gs1?.[0]?.value).toBe('00036000291452');
    expect(parseScan('03760123456784').value).toBe('03760123456784');
    const ean = parseScan(']E04006381333931');
    expect([ean.symbology, ean.kind, ean.value]).toEqual(['ean_13', 'gtin', '4006381333931']);
    expect(parseScan(']E496385074').symbology).toBe('ean_8');
  });

  it('expands UPC-E to its UPC-A when the camera says the symbology is UPC-E', () => {
    expect(expandUpcE('04252614')).toBe('042100005264');
    const upcE = parseScan('04252614', { symbology: 'upc_e' });
    expect(upcE.value).toBe('04252614');
    expect(upcE.gs1?.[0]?.value).toBe('00042100005264');
    expect(upcE.error).toBeUndefined();
  });

  it('reports a bad GTIN check digit with the kind still set', () => {
    const bad = parseScan('4006381333932');
    expect(bad.kind).toBe('gtin');
    expect(bad.value).toBe('4006381333932');
    expect(bad.gs1).toBeNull();
    expect(bad.error).toContain('expected check digit 1, got 2');
  });
});

describe('parseScan: GS1 element strings', () => {
  it('takes the GTIN as value of a GS1-128 product code and keeps lot and expiry', () => {
    const r = parseScan(']C1010376012345678417251231' + '1012345ABC');
    expect(r.symbology).toBe('gs1_128');
    expect(r.kind).toBe('gs1');
    expect(r.value).toBe('03760123456784');
    expect(r.gs1?.map((e) => e.ai)).toEqual(['01', '17', '10']);
  });

  it('reports a GS1 code with a bad GTIN check digit as an error, kind kept', () => {
    const r = parseScan(']C1010376012345678912172512311012345ABC');
    expect(r.kind).toBe('gs1');
    expect(r.value).toBe('03760123456789');
    expect(r.error).toMatch(/AI 01 .*expected check digit 4, got 9/);
  });

  it('reads an SSCC label as kind sscc, with or without the AIM prefix', () => {
    const data = ['00376012345000000010', '0203760123456784', '3724', GS, '400PO-4711'].join('');
    for (const raw of [`]C1${data}`, data, '00376012345000000010']) {
      const r = parseScan(raw);
      expect(r.kind).toBe('sscc');
      expect(r.value).toBe('376012345000000010');
      expect(r.gs1?.[0]?.ai).toBe('00');
    }
    expect(parseScan('376012345000000010').kind).toBe('sscc');
    const bad = parseScan(']C100376012345000000011');
    expect([bad.kind, bad.value]).toEqual(['sscc', '376012345000000011']);
    expect(bad.error).toContain('AI 00 (SSCC)');
  });

  it('reads GS1 DataMatrix from a wedge (]d2, ~ for FNC1) and from the camera (leading GS)', () => {
    const wedge = parseScan(']d2010376012345678421SN1~17270131~10LOT1', { gsSubstitute: '~' });
    expect(wedge.symbology).toBe('gs1_datamatrix');
    expect(wedge.gs1?.map((e) => [e.ai, e.value])).toEqual([
      ['01', '03760123456784'],
      ['21', 'SN1'],
      ['17', '270131'],
      ['10', 'LOT1'],
    ]);
    const camera = parseScan(`${GS}010376012345678421SN1${GS}17270131`, { symbology: 'data_matrix' });
    expect([camera.kind, camera.value, camera.gs1?.length]).toEqual(['gs1', '03760123456784', 3]);
  });

  it('reads a GS1 element string from a scanner that drops the FNC1 and sends no AIM prefix', () => {
    const r = parseScan('0103760123456784172512311012345ABC');
    expect([r.kind, r.value, r.gs1?.length]).toEqual(['gs1', '03760123456784', 3]);
    expect(parseScan('0103760123456784').kind).toBe('gtin');
  });

  it('reports an over-long variable field', () => {
    const r = parseScan(`]C1010376012345678410${'A'.repeat(21)}`);
    expect(r.kind).toBe('gs1');
    expect(r.error).toContain('AI 10 (BATCH/LOT): expected at most 20 characters');
  });
});

describe('parseScan: our ids, tracking numbers, text', () => {
  it.each([
    ['bin_01hzy3k4m5n6p7q8r9s0t1v2', 'bin'],
    ['tot_01hzy3k4m5n6p7q8r9s0t1v2', 'tote'],
    ['ord_01hzy3k4m5n6p7q8r9s0t1v2', 'order'],
    ['usr_01hzy3k4m5n6p7q8r9s0t1v2', 'user'],
    ['pcl_01hzy3k4m5n6p7q8r9s0t1v2', 'parcel'],
    ['shp_01hzy3k4m5n6p7q8r9s0t1v2', 'shipment'],
  ])('%s is a %s', (raw, kind) => {
    const r = parseScan(`]C0${raw}`);
    expect([r.kind, r.value, r.symbology, r.gs1]).toEqual([kind, raw, 'code_128', null]);
  });

  it('finds an id scanned in upper case (scanner set to caps, Code 39)', () => {
    const r = parseScan(']A0TOT_01HZY3K4M5');
    expect([r.kind, r.value, r.symbology]).toEqual(['tote', 'tot_01hzy3k4m5', 'code_39']);
  });

  it('leaves other prefixes and plain codes as text', () => {
    expect(parseScan('prd_01hzy3k4m5').kind).toBe('text');
    expect(parseScan('A-03-01-1')).toMatchObject({ kind: 'text', value: 'A-03-01-1' });
    expect(parseScan('bin_')).toMatchObject({ kind: 'text' });
    expect(parseScan('  GRA-TOM\r\n')).toMatchObject({
      kind: 'text',
      value: 'GRA-TOM',
      raw: '  GRA-TOM\r\n',
    });
  });

  it('recognises UPU S10 and UPS 1Z tracking numbers and checks their check digits', () => {
    expect(parseScan('RR123456785FR')).toMatchObject({ kind: 'tracking', value: 'RR123456785FR' });
    expect(parseScan('RR123456785FR').error).toBeUndefined();
    expect(parseScan('rr123456785fr').value).toBe('RR123456785FR');
    expect(parseScan('RR123456784FR').error).toContain('expected check digit 5, got 4');
    expect(parseScan('1Z999AA10123456784')).toMatchObject({ kind: 'tracking' });
    expect(parseScan('1Z999AA10123456784').error).toBeUndefined();
    expect(parseScan('1Z999AA10123456785').error).toContain('expected check digit 4');
    // S10 with a serial whose weighted sum leaves 1 (check 0) and 0 (check 5).
    expect(parseScan('EE000000080CN').error).toBeUndefined();
    expect(parseScan('EE000000155CN').error).toBeUndefined();
  });
});
