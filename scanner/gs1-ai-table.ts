/**
 * GS1 application identifiers (General Specifications, section 3, and the syntax dictionary), limited to
 * what shows up on goods, cases, pallets and parcel labels. `fixed` fields have a set length and need no
 * FNC1 after them when they are in the predefined-length list; `max` fields are variable length and end
 * at FNC1 (GS) or at the end of the data.
 */
export interface AiSpec {
  label: string;
  /** Fixed length of the data; otherwise `max` is the longest allowed. */
  fixed?: number;
  max?: number;
  /** How many leading characters must be digits (all of them for N fields). */
  numeric: number | 'all';
  /** Leading characters covered by a GS1 mod-10 check digit (GTIN, SSCC, GLN…). */
  checked?: number;
  /** YYMMDD date in the first six characters. */
  date?: boolean;
}

const table = new Map<string, AiSpec>();

const n = (ai: string, label: string, fixed: number, extra: Partial<AiSpec> = {}) =>
  table.set(ai, { label, fixed, numeric: 'all', ...extra });
const nv = (ai: string, label: string, max: number) => table.set(ai, { label, max, numeric: 'all' });
const x = (ai: string, label: string, max: number, numeric = 0) => table.set(ai, { label, max, numeric });

n('00', 'SSCC', 18, { checked: 18 });
n('01', 'GTIN', 14, { checked: 14 });
n('02', 'CONTENT', 14, { checked: 14 });
n('03', 'MTO GTIN', 14, { checked: 14 });
x('10', 'BATCH/LOT', 20);
n('11', 'PROD DATE', 6, { date: true });
n('12', 'DUE DATE', 6, { date: true });
n('13', 'PACK DATE', 6, { date: true });
n('15', 'BEST BEFORE', 6, { date: true });
n('16', 'SELL BY', 6, { date: true });
n('17', 'USE BY', 6, { date: true });
n('20', 'VARIANT', 2);
x('21', 'SERIAL', 20);
x('22', 'CPV', 20);
x('235', 'TPX', 28);
x('240', 'ADDITIONAL ID', 30);
x('241', 'CUST. PART No.', 30);
nv('242', 'MTO VARIANT', 6);
x('243', 'PCN', 20);
x('250', 'SECONDARY SERIAL', 30);
x('251', 'REF. TO SOURCE', 30);
table.set('253', { label: 'GDTI', max: 30, numeric: 13, checked: 13 });
x('254', 'GLN EXTENSION COMPONENT', 20);
table.set('255', { label: 'GCN', max: 25, numeric: 'all', checked: 13 });
nv('30', 'VAR. COUNT', 8);
nv('37', 'COUNT', 8);

// Trade measures 310n–369n: six digits, n = decimal places.
const measures: Record<string, string> = {
  '310': 'NET WEIGHT (kg)',
  '311': 'LENGTH (m)',
  '312': 'WIDTH (m)',
  '313': 'HEIGHT (m)',
  '314': 'AREA (m²)',
  '315': 'NET VOLUME (l)',
  '316': 'NET VOLUME (m³)',
  '320': 'NET WEIGHT (lb)',
  '321': 'LENGTH (in)',
  '322': 'LENGTH (ft)',
  '323': 'LENGTH (yd)',
  '324': 'WIDTH (in)',
  '325': 'WIDTH (ft)',
  '326': 'WIDTH (yd)',
  '327': 'HEIGHT (in)',
  '328': 'HEIGHT (ft)',
  '329': 'HEIGHT (yd)',
  '330': 'GROSS WEIGHT (kg)',
  '331': 'LENGTH (m), log',
  '332': 'WIDTH (m), log',
  '333': 'HEIGHT (m), log',
  '334': 'AREA (m²), log',
  '335': 'VOLUME (l), log',
  '336': 'VOLUME (m³), log',
  '337': 'KG PER m²',
  '340': 'GROSS WEIGHT (lb)',
  '341': 'LENGTH (in), log',
  '342': 'LENGTH (ft), log',
  '343': 'LENGTH (yd), log',
  '344': 'WIDTH (in), log',
  '345': 'WIDTH (ft), log',
  '346': 'WIDTH (yd), log',
  '347': 'HEIGHT (in), log',
  '348': 'HEIGHT (ft), log',
  '349': 'HEIGHT (yd), log',
  '350': 'AREA (in²)',
  '351': 'AREA (ft²)',
  '352': 'AREA (yd²)',
  '353': 'AREA (in²), log',
  '354': 'AREA (ft²), log',
  '355': 'AREA (yd²), log',
  '356': 'NET WEIGHT (t oz)',
  '357': 'NET VOLUME (oz)',
  '360': 'NET VOLUME (qt)',
  '361': 'NET VOLUME (gal.)',
  '362': 'VOLUME (qt), log',
  '363': 'VOLUME (gal.), log',
  '364': 'VOLUME (in³)',
  '365': 'VOLUME (ft³)',
  '366': 'VOLUME (yd³)',
  '367': 'VOLUME (in³), log',
  '368': 'VOLUME (ft³), log',
  '369': 'VOLUME (yd³), log',
};
for (const [stem, label] of Object.entries(measures)) {
  for (let d = 0; d <= 5; d++) n(`${stem}${d}`, label, 6);
}
for (let d = 0; d <= 9; d++) {
  nv(`390${d}`, 'AMOUNT', 15);
  x(`391${d}`, 'AMOUNT', 18, 18);
  nv(`392${d}`, 'PRICE', 15);
  x(`393${d}`, 'PRICE', 18, 18);
  n(`395${d}`, 'PRICE/UoM', 6);
}
n('3940', 'PRCNT OFF', 4);
n('3941', 'PRCNT OFF', 4);
n('3942', 'PRCNT OFF', 4);
n('3943', 'PRCNT OFF', 4);

x('400', 'ORDER NUMBER', 30);
x('401', 'GINC', 30);
n('402', 'GSIN', 17, { checked: 17 });
x('403', 'ROUTE', 30);
const glns = [
  'SHIP TO LOC',
  'BILL TO',
  'PURCHASE FROM',
  'SHIP FOR LOC',
  'LOC No.',
  'PAY TO',
  'PROD/SERV LOC',
];
for (const [i, label] of glns.entries()) n(`41${i}`, label, 13, { checked: 13 });
n('417', 'PARTY', 13, { checked: 13 });
x('420', 'SHIP TO POST', 20);
x('421', 'SHIP TO POST', 12, 3);
n('422', 'ORIGIN', 3);
nv('423', 'COUNTRY - INITIAL PROCESS', 15);
n('424', 'COUNTRY - PROCESS', 3);
nv('425', 'COUNTRY - DISASSEMBLY', 15);
n('426', 'COUNTRY - FULL PROCESS', 3);
x('427', 'ORIGIN SUBDIVISION', 3);
x('4300', 'SHIP TO COMP', 35);
x('4301', 'SHIP TO NAME', 35);
x('4302', 'SHIP TO ADD1', 70);
x('4303', 'SHIP TO ADD2', 70);
x('4304', 'SHIP TO SUB', 70);
x('4305', 'SHIP TO LOC', 70);
x('4306', 'SHIP TO REG', 70);
table.set('4307', { label: 'SHIP TO COUNTRY', fixed: 2, numeric: 0 });
x('4308', 'SHIP TO PHONE', 30);
n('4309', 'SHIP TO GEO', 20);
x('4320', 'SRV DESCRIPTION', 35);
n('4321', 'DANGEROUS GOODS', 1);
n('4322', 'AUTH LEAVE', 1);
n('4323', 'SIG REQUIRED', 1);
n('4324', 'NBEF DEL DT', 10, { date: true });
n('4325', 'NAFT DEL DT', 10, { date: true });
n('4326', 'REL DATE', 6, { date: true });
n('7001', 'NSN', 13);
x('7002', 'MEAT CUT', 30);
n('7003', 'EXPIRY TIME', 10, { date: true });
nv('7004', 'ACTIVE POTENCY', 4);
n('7006', 'FIRST FREEZE DATE', 6, { date: true });
x('7020', 'REFURB LOT', 20);
x('7021', 'FUNC STAT', 20);
x('7022', 'REV STAT', 20);
x('7023', 'GIAI - ASSEMBLY', 30);
table.set('8001', { label: 'DIMENSIONS', fixed: 14, numeric: 'all' });
x('8002', 'CMT No.', 20);
table.set('8003', { label: 'GRAI', max: 30, numeric: 14, checked: 14 });
x('8004', 'GIAI', 30);
n('8005', 'PRICE PER UNIT', 6);
n('8006', 'ITIP', 18, { checked: 14 });
x('8007', 'IBAN', 34);
x('8008', 'PROD TIME', 12, 8);
x('8009', 'OPTSEN', 50);
x('8010', 'CPID', 30);
nv('8011', 'CPID SERIAL', 12);
x('8012', 'VERSION', 20);
x('8013', 'GMN', 25);
n('8017', 'GSRN - PROVIDER', 18, { checked: 18 });
n('8018', 'GSRN - RECIPIENT', 18, { checked: 18 });
nv('8019', 'SRIN', 10);
x('8020', 'REF No.', 25);
n('8026', 'ITIP CONTENT', 18, { checked: 14 });
x('8200', 'PRODUCT URL', 70);
x('90', 'INTERNAL', 30);
for (let i = 91; i <= 99; i++) x(String(i), 'INTERNAL', 90);

/**
 * AIs whose length is predefined by their first two digits (GS1 General Specifications, figure 7.8.5-2):
 * an encoder may omit FNC1 after them, so a parser must not expect one.
 */
const predefinedLength = new Set([
  '00',
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '41',
]);

export function isPredefinedLength(ai: string): boolean {
  return predefinedLength.has(ai.slice(0, 2));
}

/** The AI at the start of `data` (2, 3 or 4 digits) and its spec, or null when none is known. */
export function lookupAi(data: string, at: number): { ai: string; spec: AiSpec } | null {
  for (const len of [2, 3, 4]) {
    const ai = data.slice(at, at + len);
    const spec = table.get(ai);
    if (spec) return { ai, spec };
  }
  return null;
}
