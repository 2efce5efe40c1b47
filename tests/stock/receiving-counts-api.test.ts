import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBarcodesInPdf } from '../support/decode-barcodes.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';
import { makeProduct } from './factories.js';

const GS = '\u001d';
type Client = Awaited<ReturnType<typeof signIn>>;

/**
 * Receiving, putaway and a cycle count end to end through the HTTP API with scans, plus the bad inputs
 * that must be refused with the line and field named and nothing changed.
 */
describe('receiving, putaway and counts through the API', () => {
  let t: TestSystem;
  let admin: Client;
  let picker: Client;
  let productId: string;
  let binIds: string[];
  let warehouseId: string;
  let supplierId: string;
  const stockOf = async () =>
    (await (await picker.get(`/api/stock/${productId}`)).json()) as {
      onHand: number;
      reserved: number;
      available: number;
      bins: { binCode: string; onHand: number }[];
      movements: {
        reason: string;
        delta: number;
        lot: string | null;
        expiresOn: string | null;
        userId: string | null;
      }[];
      channels: { channelId: string; quantity: number }[];
    };

  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    admin = await signIn(t.app, t.admin);
    picker = await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' });
    productId = await makeProduct(t.system.deps.db, 'VAC-1', '3760123456784');
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('creates a warehouse and bins in walking order and prints their labels', async () => {
    const wh = await admin.post('/api/warehouses', { code: 'NORTH', name: 'North depot' });
    expect(wh.status).toBe(201);
    warehouseId = ((await wh.json()) as { warehouseId: string }).warehouseId;
    binIds = [];
    for (const bin of [
      { zone: 'A', aisle: '10', rack: '1', level: '1' },
      { zone: 'A', aisle: '2', rack: '1', level: '1' },
    ]) {
      const res = await admin.post('/api/bins', { warehouseId, ...bin });
      expect(res.status).toBe(201);
      binIds.push(((await res.json()) as { binId: string }).binId);
    }
    const listed = (await (await picker.get(`/api/bins?warehouseId=${warehouseId}`)).json()) as {
      code: string;
    }[];
    expect(listed.map((b) => b.code)).toEqual(['A-2-1-1', 'A-10-1-1']); // aisle 2 before aisle 10
    const pdf = await picker.get(`/api/bins/labels?warehouseId=${warehouseId}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const decoded = await decodeBarcodesInPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(decoded.map((d) => d.text).sort()).toEqual([...binIds].sort());
  });

  it('receives by GS1 scan with lot and expiry, then puts away by scanning item and bin', async () => {
    const sup = await admin.post('/api/suppliers', { code: 'ACME', name: 'Acme', leadTimeDays: 10 });
    supplierId = ((await sup.json()) as { supplierId: string }).supplierId;
    const settings = await fetchPut(t, admin, `/api/stock/${productId}/settings`, {
      supplierId,
      minStock: 0,
      isLotTracked: true,
      isExpiryTracked: true,
    });
    expect(settings.status).toBe(200);
    const po = await admin.post('/api/purchase-orders', {
      supplierId,
      warehouseId,
      lines: [{ sku: 'VAC-1', quantity: 10 }],
    });
    expect(po.status).toBe(201);
    const poId = ((await po.json()) as { purchaseOrderId: string }).purchaseOrderId;

    const noLot = await picker.post(`/api/purchase-orders/${poId}/receipts`, {
      clientScanId: 'rcv-nolot-1',
      code: '3760123456784',
    });
    expect(noLot.status).toBe(422);
    expect(await noLot.json()).toMatchObject({ code: 'lot_required', field: 'lot' });

    const gs1 = `]C10103760123456784${'17'}271130${'10'}LOT-7${GS}${'30'}6`;
    const received = await picker.post(`/api/purchase-orders/${poId}/receipts`, {
      clientScanId: 'rcv-gs1-0001',
      code: gs1,
    });
    expect(received.status).toBe(201);
    expect(await received.json()).toMatchObject({ quantity: 6, productId });
    const again = await picker.post(`/api/purchase-orders/${poId}/receipts`, {
      clientScanId: 'rcv-gs1-0001',
      code: gs1,
    });
    expect(await again.json()).toMatchObject({ isReplay: true, quantity: 6 });
    const over = await picker.post(`/api/purchase-orders/${poId}/receipts`, {
      clientScanId: 'rcv-gs1-0002',
      code: gs1.replace(`${GS}306`, `${GS}305`),
    });
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ code: 'over_receipt', field: 'quantity', expected: 4 });
    expect((await stockOf()).onHand).toBe(0); // received is not on hand until it is on a shelf

    const unknownBin = await picker.post('/api/putaways', {
      clientScanId: 'put-bad-0001',
      itemCode: '3760123456784',
      binCode: 'Z-99',
      quantity: 6,
    });
    expect(unknownBin.status).toBe(422);
    expect(await unknownBin.json()).toMatchObject({ code: 'scan_unknown_bin', field: 'binCode' });
    const put = await picker.post('/api/putaways', {
      clientScanId: 'put-ok-0001',
      itemCode: '3760123456784',
      binCode: binIds[0],
      quantity: 6,
    });
    expect(put.status).toBe(200);
    const stock = await stockOf();
    expect(stock).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
    expect(stock.movements[0]).toMatchObject({
      reason: 'receipt',
      delta: 6,
      lot: 'LOT-7',
      expiresOn: '2027-11-30',
    });
    expect(stock.movements[0]?.userId).toBeTruthy();
    const poNow = (await (await picker.get(`/api/purchase-orders/${poId}`)).json()) as {
      status: string;
      lines: { quantityReceived: number }[];
    };
    expect(poNow).toMatchObject({ status: 'receiving', lines: [{ quantityReceived: 6 }] });
  });

  it('counts a bin by scanning and books the difference as a count movement', async () => {
    const opened = await picker.post('/api/counts', { binCode: binIds[0], itemCode: 'VAC-1' });
    expect(opened.status).toBe(201);
    const { countId } = (await opened.json()) as { countId: string };
    const wrongBin = await picker.post(`/api/counts/${countId}/scans`, {
      clientScanId: 'cnt-scan-0000',
      binCode: binIds[1],
      itemCode: '3760123456784',
    });
    expect(wrongBin.status).toBe(422);
    for (let i = 0; i < 4; i++) {
      const res = await picker.post(`/api/counts/${countId}/scans`, {
        clientScanId: `cnt-scan-000${i + 1}`,
        binCode: binIds[0],
        itemCode: '3760123456784',
      });
      expect(res.status).toBe(200);
    }
    const done = await picker.post(`/api/counts/${countId}/complete`);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({
      differences: [{ productId, expected: 6, counted: 4, difference: -2 }],
    });
    const stock = await stockOf();
    expect(stock.onHand).toBe(4);
    expect(stock.movements[0]).toMatchObject({ reason: 'count', delta: -2 });
    const twice = await picker.post(`/api/counts/${countId}/complete`);
    expect(twice.status).toBe(409);
  });

  it('refuses a CSV with a wrong column, a negative quantity or an unknown bin, naming line and field, changing nothing', async () => {
    const before = await stockOf();
    const wrongColumn = await admin.post('/api/stock/imports', {
      kind: 'shop-sales',
      csv: 'sku,qty\nVAC-1,1\n',
    });
    expect(wrongColumn.status).toBe(422);
    const wc = (await wrongColumn.json()) as {
      code: string;
      detail: string;
      errors: { line: number; field: string }[];
    };
    expect(wc.code).toBe('csv_invalid');
    expect(wc.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 1, field: 'qty' }),
        expect.objectContaining({ line: 1, field: 'quantity' }),
      ]),
    );
    expect(wc.detail).toContain('line 1, qty');

    const negative = await admin.post('/api/stock/imports', {
      kind: 'shop-sales',
      csv: 'sku,quantity\nVAC-1,1\nVAC-1,-3\n',
    });
    expect(negative.status).toBe(422);
    expect(((await negative.json()) as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ line: 3, field: 'quantity' }),
    ]);

    const unknownBin = await admin.post('/api/stock/imports', {
      kind: 'stock-levels',
      csv: `sku;bin;on_hand\nVAC-1;A-2-1-1;9\nVAC-1;NOPE;2\n`,
    });
    expect(unknownBin.status).toBe(422);
    expect(((await unknownBin.json()) as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ line: 3, field: 'bin' }),
    ]);

    const tooMany = await admin.post('/api/stock/imports', {
      kind: 'shop-sales',
      csv: 'sku,quantity\nVAC-1,1\nVAC-1,50\n',
    });
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ line: 3, field: 'quantity' }),
    ]);

    const after = await stockOf();
    expect(after.onHand).toBe(before.onHand);
    expect(after.movements.length).toBe(before.movements.length);

    const sale = await admin.post('/api/stock/imports', {
      kind: 'shop-sales',
      csv: 'sku,quantity\nVAC-1,1\n',
    });
    expect(sale.status).toBe(200);
    const sold = await stockOf();
    expect(sold.onHand).toBe(before.onHand - 1);
    expect(sold.movements[0]).toMatchObject({ reason: 'shop_sale', delta: -1 });
  });

  it('lists reorder alerts from recent sales and drafts a purchase order from them', async () => {
    await fetchPut(t, admin, `/api/stock/${productId}/settings`, {
      supplierId,
      minStock: 8,
      leadTimeDays: 10,
    });
    const alerts = (await (await admin.get('/api/stock/reorder-alerts')).json()) as {
      sku: string;
      suggestedQuantity: number;
      soldLast30Days: number;
    }[];
    const alert = alerts.find((a) => a.sku === 'VAC-1');
    expect(alert).toMatchObject({ soldLast30Days: 1 });
    // Still 4 coming on the open order: 8 minimum + 1 during the 40 days - 3 free - 4 coming.
    expect(alert?.suggestedQuantity).toBe(8 + Math.ceil((1 / 30) * 40) - 3 - 4);
    const draft = await admin.post('/api/purchase-orders/drafts', { supplierId, warehouseId });
    expect(draft.status).toBe(201);
    expect(((await draft.json()) as { lines: unknown[] }).lines).toEqual([
      { sku: 'VAC-1', quantity: alert?.suggestedQuantity },
    ]);
  });
});

/** The shared client has GET and POST only; settings are a PUT. */
function fetchPut(t: TestSystem, client: Client, path: string, body: unknown) {
  return t.app.request(path, {
    method: 'PUT',
    headers: { cookie: client.cookie, 'x-requested-with': 'fetch', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
