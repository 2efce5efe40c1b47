import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productBarcodes, productCatalog, products } from '../../db/schema/index.js';
import { gs1CheckDigit } from '../../labels/check-digits.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';

/** A valid EAN-13 for n, in a range of its own (prefix 379 + n). */
const ean = (n: number) => {
  const body = `379${String(n).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

const header = [
  'Réf',
  'Désignation',
  'EAN',
  'Famille',
  'Prix TTC',
  'PA HT',
  'PPC',
  'Poids (g)',
  'Composition',
  'Entretien',
  'Photos',
];
const mapping = {
  columns: {
    sku: 'Réf',
    name: 'Désignation',
    ean: 'EAN',
    category: 'Famille',
    basePrice: 'Prix TTC',
    cost: 'PA HT',
    publicPrice: 'PPC',
    weightGrams: 'Poids (g)',
    'attr:composition': 'Composition',
    'attr:care_instructions': 'Entretien',
    images: 'Photos',
  },
  defaults: { currency: 'EUR' },
};

/** Each bad row breaks exactly one field, in one of five ways; the field is what the report must name. */
const breakages: { field: string; apply: (cells: string[]) => void }[] = [
  { field: 'basePrice', apply: (c) => (c[4] = 'douze') },
  { field: 'ean', apply: (c) => (c[2] = `${c[2]!.slice(0, 12)}${(Number(c[2]!.at(-1)) + 1) % 10}`) },
  { field: 'name', apply: (c) => (c[1] = '') },
  { field: 'weightGrams', apply: (c) => (c[7] = '-5') },
  { field: 'images', apply: (c) => (c[10] = 'photo.jpg') },
];

function erpFile(rows: number, badEvery: number) {
  const lines = [header.join(';')];
  const bad: { line: number; field: string; sku: string }[] = [];
  for (let i = 0; i < rows; i++) {
    const sku = `ERP-${String(i).padStart(5, '0')}`;
    const isTextile = i % 3 === 0;
    const cells = [
      sku,
      `Article ${i} "${isTextile ? 'coton' : 'maison'}"`,
      ean(i),
      isTextile ? 'textile/t-shirts' : 'maison/cuisine',
      `${10 + (i % 90)},${String(i % 100).padStart(2, '0')}`,
      `${4 + (i % 40)}.50`,
      `${12 + (i % 90)}.90`,
      String(100 + (i % 900)),
      isTextile ? '100 % coton' : '',
      isTextile ? 'Lavage 30 °C' : '',
      `https://img.example/${sku}-1.jpg|https://img.example/${sku}-2.jpg`,
    ];
    if (i % badEvery === badEvery - 1) {
      const b = breakages[bad.length % breakages.length]!;
      b.apply(cells);
      bad.push({ line: lines.length + 1, field: b.field, sku });
    }
    lines.push(cells.map((c) => (/[;"]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(';'));
  }
  return { text: `${lines.join('\r\n')}\r\n`, bad };
}

describe('product base imported from the ERP', () => {
  let t: TestSystem;
  let desk: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function upload(bytes: string, fields: Record<string, string>) {
    const form = new FormData();
    form.set('file', new Blob([bytes]), 'erp.csv');
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const res = await t.app.request('/api/catalog/products/import', {
      method: 'POST',
      headers: { cookie: desk.cookie, 'x-requested-with': 'fetch' },
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as {
      rows: number;
      created: number;
      updated: { line: number; sku: string; fields: string[] }[];
      unchanged: number;
      problems: { line: number; field: string; column: string | null; message: string }[];
    };
  }

  it('lands every good row of 10,000, reports the 50 bad ones by line and field, and a re-import changes nothing', async () => {
    const { text, bad } = erpFile(10_000, 200);
    expect(bad).toHaveLength(50);
    const saved = await desk.post('/api/catalog/import-mappings', { name: 'ERP Sage', ...mapping });
    expect(saved.status).toBe(201);
    const { id: mappingId } = (await saved.json()) as { id: string };

    const first = await upload(text, { mappingId });
    expect(first.rows).toBe(10_000);
    expect(first.created).toBe(9_950);
    expect(first.problems.map((p) => ({ line: p.line, field: p.field }))).toEqual(
      bad.map((b) => ({ line: b.line, field: b.field })),
    );
    for (const p of first.problems)
      expect(p.column).toBe(mapping.columns[p.field as keyof typeof mapping.columns]);

    const db = t.system.deps.db;
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(productCatalog)
      .innerJoin(products, eq(products.id, productCatalog.productId))
      .where(sql`${products.sku} like 'ERP-%'`);
    expect(Number(count!.n)).toBe(9_950);
    const badSkus = bad.map((b) => b.sku);
    expect(await db.select().from(products).where(inArray(products.sku, badSkus))).toEqual([]);

    // One good row read back exactly: decimal comma, attributes, images, EAN.
    const [row] = await db
      .select({ product: products, catalog: productCatalog })
      .from(products)
      .innerJoin(productCatalog, eq(productCatalog.productId, products.id))
      .where(eq(products.sku, 'ERP-00003'));
    expect(row!.catalog).toMatchObject({
      category: 'textile/t-shirts',
      basePrice: 1303,
      cost: 750,
      publicPrice: 1590,
      attributes: { composition: '100 % coton', care_instructions: 'Lavage 30 °C' },
      images: ['https://img.example/ERP-00003-1.jpg', 'https://img.example/ERP-00003-2.jpg'],
    });
    expect(row!.product.weightGrams).toBe(103);
    const codes = await db
      .select()
      .from(productBarcodes)
      .where(eq(productBarcodes.productId, row!.product.id));
    expect(codes.map((c) => [c.code, c.kind])).toEqual([[ean(3), 'ean13']]);

    const again = await upload(text, { mappingId });
    expect(again.created).toBe(0);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toBe(9_950);
    expect(again.problems).toHaveLength(50);
  });

  it('updates in place and says which fields changed', async () => {
    const lines = [
      header.join(';'),
      `ERP-00003;"Article 3 ""coton""";${ean(3)};textile/t-shirts;14,90;7.50;15.90;103;100 % coton;Lavage 30 °C;https://img.example/ERP-00003-1.jpg|https://img.example/ERP-00003-2.jpg`,
      `ERP-00004;Article 4 renamed;${ean(4)};maison/cuisine;14,04;8.50;16.90;104;;;https://img.example/ERP-00004-1.jpg|https://img.example/ERP-00004-2.jpg`,
    ];
    const report = await upload(lines.join('\n'), { mapping: JSON.stringify(mapping) });
    expect(report.created).toBe(0);
    expect(report.updated).toEqual([
      { line: 2, sku: 'ERP-00003', fields: ['basePrice'] },
      { line: 3, sku: 'ERP-00004', fields: ['name'] },
    ]);
    const [p] = await t.system.deps.db.select().from(products).where(eq(products.sku, 'ERP-00004'));
    expect(p!.name).toBe('Article 4 renamed');
  });

  it('refuses an EAN that already belongs to another product, naming the line and field', async () => {
    const lines = [
      header.join(';'),
      `ERP-NEW-1;Nouveau;${ean(5)};maison;9.90;3;;100;;;https://img.example/n.jpg`,
    ];
    const report = await upload(lines.join('\n'), { mapping: JSON.stringify(mapping) });
    expect(report.created).toBe(0);
    expect(report.problems).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'ean',
        message: `EAN ${ean(5)} already belongs to another product`,
      }),
    ]);
  });
});
