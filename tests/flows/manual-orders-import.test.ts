import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderLines, orders } from '../../db/schema/index.js';
import { demoCatalog } from '../../db/seed/demo-catalog.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';

/** Trade orders imported from a wholesaler's export, CSV and XLSX, bad rows included. */
describe('manual orders imported from a file', () => {
  let t: TestSystem;
  let desk: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const mapping = {
    columns: {
      reference: 'N° commande',
      sku: 'Réf',
      ean: 'EAN',
      quantity: 'Qté',
      unitPrice: 'PU HT',
      shipName: 'Destinataire',
      shipLine1: 'Adresse',
      shipPostalCode: 'CP',
      shipCity: 'Ville',
      shipCountry: 'Pays',
    },
    defaults: { currency: 'EUR' },
  };
  const header = [
    'N° commande',
    'Réf',
    'EAN',
    'Qté',
    'PU HT',
    'Destinataire',
    'Adresse',
    'CP',
    'Ville',
    'Pays',
  ];
  const gantsL = demoCatalog.find((p) => p.sku === 'GAN-L')!.ean;

  async function upload(name: string, bytes: Uint8Array | string, fields: Record<string, string>) {
    const form = new FormData();
    form.set('file', new Blob([bytes as BlobPart]), name);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return t.app.request('/api/manual-orders/import', {
      method: 'POST',
      headers: { cookie: desk.cookie, 'x-requested-with': 'fetch' },
      body: form,
    });
  }

  const orderCount = async () => (await t.system.deps.db.select({ id: orders.id }).from(orders)).length;

  it('imports the good orders of a CSV, reports each bad row by line and field, and a re-import adds nothing', async () => {
    const saved = await desk.post('/api/import-mappings', { name: 'Grossiste Dupont', ...mapping });
    expect(saved.status).toBe(201);
    const { id: mappingId } = (await saved.json()) as { id: string };
    expect(
      ((await (await desk.get('/api/import-mappings')).json()) as { name: string }[]).map((m) => m.name),
    ).toContain('Grossiste Dupont');

    const csv = [
      header.join(';'),
      'CMD-100;SEC-220;;2;15,90;"Jardinerie Martin";"4 avenue des Peupliers";69003;Lyon;FR',
      `CMD-100;;${gantsL};1;8.25;"Jardinerie Martin";"4 avenue des Peupliers";69003;Lyon;FR`,
      'CMD-101;NOPE-1;;1;3.00;"Serres du Sud";"1 chemin Vert";13001;Marseille;FR',
      'CMD-101;ARR-1050;;1;29.90;"Serres du Sud";"1 chemin Vert";13001;Marseille;FR',
      'CMD-102;POT-30T;;deux;24.90;"Pépinière Roux";"9 rue Basse";35000;Rennes;FR',
      'CMD-103;TER-40;;3;12.9;"Paysages Leroy";"2 place du Marché";44000;Nantes;FR',
    ].join('\r\n');
    const before = await orderCount();
    const res = await upload('dupont.csv', csv, { mappingId });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      format: string;
      created: { reference: string; orderId: string }[];
      existing: unknown[];
      rejected: string[];
      problems: { line: number; field: string; column: string | null }[];
    };
    expect(report.format).toBe('csv');
    expect(report.created.map((c) => c.reference)).toEqual(['CMD-100', 'CMD-103']);
    expect(report.rejected.sort()).toEqual(['CMD-101', 'CMD-102']);
    expect(report.problems.map((p) => [p.line, p.field, p.column])).toEqual([
      [4, 'sku', 'Réf'],
      [6, 'quantity', 'Qté'],
    ]);
    expect(await orderCount()).toBe(before + 2);
    const lines = await t.system.deps.db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, report.created[0]!.orderId));
    expect(lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor]).sort()).toEqual([
      ['GAN-L', 1, 825],
      ['SEC-220', 2, 1590],
    ]);

    const again = (await (await upload('dupont.csv', csv, { mappingId })).json()) as typeof report;
    expect(again.created).toEqual([]);
    expect(again.existing.map((e) => (e as { reference: string }).reference)).toEqual(['CMD-100', 'CMD-103']);
    expect(await orderCount()).toBe(before + 2);
  });

  it('imports an XLSX workbook the same way, with numbers and bad rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Commandes');
    sheet.addRow(header);
    sheet.addRow([
      'XL-1',
      'LAM-SOL',
      '',
      2,
      19.9,
      'Mairie de Vannes',
      '1 place Maurice Marchais',
      '56000',
      'Vannes',
      'FR',
    ]);
    sheet.addRow([
      'XL-2',
      'SEC-220',
      '',
      1,
      'gratuit',
      'Camping des Pins',
      'Route de la Plage',
      '40150',
      'Hossegor',
      'FR',
    ]);
    sheet.addRow(['XL-3', 'GAN-M', '', 4, 9.5, 'Golf du Lac', '', '74000', 'Annecy', 'FR']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await upload('commandes.xlsx', bytes, { mapping: JSON.stringify(mapping) });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      format: string;
      created: { reference: string }[];
      problems: { line: number; field: string }[];
    };
    expect(report.format).toBe('xlsx');
    expect(report.created.map((c) => c.reference)).toEqual(['XL-1']);
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'unitPrice'],
      [4, 'shipLine1'],
    ]);
    const [xl1] = await t.system.deps.db.select().from(orders).where(eq(orders.externalId, 'XL-1'));
    expect(xl1).toMatchObject({ status: 'ready', totalMinor: 2 * 1990 });
  });

  it('refuses a file without a mapped column, naming it, and changes nothing', async () => {
    const before = await orderCount();
    const csv = [
      'N° commande,Réf,EAN,Qté,Destinataire,Adresse,CP,Ville,Pays',
      'Z-1,SEC-220,,1,A,B,1,C,FR',
    ].join('\n');
    const res = await upload('sans-prix.csv', csv, { mapping: JSON.stringify(mapping) });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { code: string; detail?: string };
    expect(problem.code).toBe('import_column_missing');
    expect(JSON.stringify(problem)).toContain('PU HT');
    expect(await orderCount()).toBe(before);
    const noMapping = await upload('x.csv', csv, {});
    expect(noMapping.status).toBe(422);
  });
});
