import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapAmazonOrder } from '../../api/channels/amazon/mapper.js';
import { CanonicalOrder, type PulledOrder } from '../../api/channels/canonical.js';
import { mapCdiscountOrder } from '../../api/channels/cdiscount/mapper.js';
import { mapEbayOrder } from '../../api/channels/ebay/mapper.js';
import { mapMiraklOrder } from '../../api/channels/mirakl/mapper.js';
import { mapShopifyOrder } from '../../api/channels/shopify/mapper.js';
import { mapWooOrder } from '../../api/channels/woocommerce/mapper.js';
import { AppError } from '../../api/errors.js';
import { readCsv, readImportFile } from '../../api/services/manual-orders/read-import-file.js';
import { parseStockCsv } from '../../api/services/stock/parse-stock-csv.js';
import { demoCatalog } from '../../db/seed/demo-catalog.js';
import { parseGs1 } from '../../scanner/parse-gs1.js';
import { parseScan } from '../../scanner/parse-scan.js';
import { buildOrder } from '../fakes/mirakl/order-factory.js';

const runs = { numRuns: 150, seed: 20251128 };

/** A mapper never throws: what it cannot map comes back as `ok: false` with a reason, what it maps is canonical. */
function expectMapped(result: PulledOrder) {
  if (result.ok) expect(CanonicalOrder.safeParse(result.order).success).toBe(true);
  else expect(result.reason.length).toBeGreaterThan(0);
}

const mappers: [string, (raw: unknown) => PulledOrder][] = [
  ['mirakl', mapMiraklOrder],
  ['cdiscount', mapCdiscountOrder],
  ['ebay', mapEbayOrder],
  ['shopify', mapShopifyOrder],
  ['woocommerce', mapWooOrder],
  ['amazon', (raw) => mapAmazonOrder(raw, Array.isArray(raw) ? raw : [raw], 'EUR')],
];

/** Sets the value at a random path of a JSON object: a valid order bent one field at a time. */
function bend(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  copy[key] = bend(child, path.slice(1), replacement);
  return copy;
}

describe('hostile input to the parsers', () => {
  for (const [name, map] of mappers) {
    it(`${name} mapper: arbitrary JSON never throws`, () => {
      fc.assert(
        fc.property(fc.jsonValue(), (raw) => expectMapped(map(raw))),
        runs,
      );
    });
  }

  it('mirakl mapper: a real order with one field bent anywhere is mapped or parked, never thrown', () => {
    let seq = 0;
    const order = buildOrder({ rng: () => 0.42, seq: ++seq, now: new Date(), catalog: demoCatalog });
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue(), (path, replacement) =>
        expectMapped(mapMiraklOrder(bend(order, path, replacement))),
      ),
      runs,
    );
  });

  it('scan parser: any string, with or without AIM prefix and GS separators, never throws', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(']C1', ']d2', ']e0', ']Q3', '\u001d', '01', '10', '17', '21', '00', '(01)', '3103'),
      fc.stringMatching(/^\d{1,20}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const raw = parts.join('');
        const result = parseScan(raw);
        expect(typeof result.kind).toBe('string');
        parseScan(raw, { gsSubstitute: '|', symbology: 'gs1-128' });
      }),
      runs,
    );
  });

  it('GS1 element parser: refuses with a parse error, nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789\u001dABC()|'.split('')) }), (data) => {
        try {
          expect(Array.isArray(parseGs1(data))).toBe(true);
        } catch (err) {
          expect((err as Error).name).toBe('ScanParseError');
        }
      }),
      runs,
    );
  });

  const cell = fc.oneof(
    fc.string(),
    fc.integer().map(String),
    fc.constantFrom('', '"', '""', '-1', '1e9', 'sku'),
  );
  const csv = fc
    .array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 })
    .chain((rows) =>
      fc
        .tuple(fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'))
        .map(([sep, eol]) => rows.map((r) => r.join(sep)).join(eol)),
    );

  it('stock CSV importer: refuses with a coded 422, nothing else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('shop-sales', 'stock-levels') as fc.Arbitrary<'shop-sales' | 'stock-levels'>,
        csv,
        (kind, text) => {
          try {
            expect(Array.isArray(parseStockCsv(kind, `sku,quantity\n${text}`))).toBe(true);
            parseStockCsv(kind, text);
          } catch (err) {
            expect(err).toBeInstanceOf(AppError);
            expect((err as AppError).status).toBeLessThan(500);
          }
        },
      ),
      runs,
    );
  });

  it('manual order CSV/XLSX reader: refuses with a coded 4xx, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          csv.map((t) => new TextEncoder().encode(t)),
          fc.uint8Array({ maxLength: 400 }),
        ),
        async (bytes) => {
          try {
            await readImportFile(bytes);
            readCsv(new TextDecoder().decode(bytes));
          } catch (err) {
            expect(err).toBeInstanceOf(AppError);
            expect((err as AppError).status).toBeLessThan(500);
          }
        },
      ),
      { ...runs, numRuns: 100 },
    );
    // A zip header with garbage behind it is what a truncated upload of an XLSX looks like.
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
    await expect(readImportFile(broken)).rejects.toBeInstanceOf(AppError);
  });
});
