import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, labelPrints, orderLines, orders, shipments } from '../../db/schema/index.js';
import { demoCatalog } from '../../db/seed/demo-catalog.js';
import { decodeBarcodesInPdf } from '../support/decode-barcodes.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';
import { decodeSymbolsInZpl } from '../support/zpl-render.js';
import { type Labelled, labelledOrder, labelShipment, repack } from './support.js';

type Client = Awaited<ReturnType<typeof signIn>>;
const code = async (res: Response) => ((await res.json()) as { code: string }).code;
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

/**
 * The desk's label work through the API: the print queue, batch print as one PDF or one ZPL stream
 * (every barcode read back by an independent decoder), reprint, void, the manifest and the dock scan-out.
 */
describe('shipping desk: print, void, manifest, dock', () => {
  let t: TestSystem;
  let desk: Client;
  let labelled: Labelled[];
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    labelled = [];
    for (const sku of ['SEC-220', 'GAN-M', 'NIC-BOIS'])
      labelled.push(await labelledOrder(t, [{ sku, quantity: 1 }]));
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
  });
  const db = () => t.system.deps.db;

  it('lists labels to print grouped by carrier and service, with the rule that chose the carrier', async () => {
    const res = await desk.get('/api/desk/print-queue?unprintedOnly=true');
    expect(res.status).toBe(200);
    const groups = (await res.json()) as {
      carrierCode: string;
      service: string;
      parcels: { parcelId: string; printCount: number; rule: { source: string } | null }[];
    }[];
    expect(groups.map((g) => `${g.carrierCode}/${g.service}`)).toEqual(['SELF/STANDARD']);
    const parcels = groups[0]!.parcels;
    expect(parcels.map((p) => p.parcelId).sort()).toEqual(labelled.map((l) => l.parcelId).sort());
    expect(parcels.every((p) => p.printCount === 0 && p.rule?.source === 'default')).toBe(true);
  });

  it('prints N labels as one merged PDF whose pages decode to the tracking numbers, in order', async () => {
    const res = await desk.post('/api/desk/print', {
      parcelIds: labelled.map((l) => l.parcelId),
      format: 'pdf',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-label-count')).toBe('3');
    const pdf = await bytesOf(res);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(3);
    const decoded = (await decodeBarcodesInPdf(pdf)).filter((d) => d.format.startsWith('Code128'));
    for (const [i, l] of labelled.entries())
      expect(decoded.filter((d) => d.page === i + 1).map((d) => d.text)).toContain(l.trackingNumber);
    const unprinted = (await (
      await desk.get('/api/desk/print-queue?unprintedOnly=true')
    ).json()) as unknown[];
    expect(unprinted).toEqual([]);
  }, 120_000);

  it('prints the same labels as one ZPL stream of N ^XA…^XZ blocks that a ZPL renderer draws and zxing reads', async () => {
    const res = await desk.post('/api/desk/print', {
      parcelIds: labelled.map((l) => l.parcelId),
      format: 'zpl',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zpl');
    const zpl = new TextDecoder().decode(await bytesOf(res));
    expect(zpl.match(/\^XA/g)).toHaveLength(3);
    expect(zpl.match(/\^XZ/g)).toHaveLength(3);
    const symbols = await decodeSymbolsInZpl(zpl, { widthMm: 101.6, heightMm: 152.4, dpi: 203 });
    for (const [i, l] of labelled.entries())
      expect(symbols.filter((s) => s.page === i + 1).map((s) => s.text)).toContain(l.trackingNumber);
    const prints = await db()
      .select()
      .from(labelPrints)
      .where(eq(labelPrints.parcelId, labelled[0]!.parcelId));
    expect(prints.map((p) => p.format).sort()).toEqual(['pdf', 'zpl']);
  }, 120_000);

  it('reprints one label, recorded as a reprint', async () => {
    const target = labelled[1]!;
    const res = await desk.post(`/api/parcels/${target.parcelId}/reprint`, {});
    expect(res.status).toBe(200);
    const pdf = await bytesOf(res);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    const decoded = await decodeBarcodesInPdf(pdf);
    expect(decoded.map((d) => d.text)).toContain(target.trackingNumber);
    const reprints = await db()
      .select()
      .from(events)
      .where(and(eq(events.type, 'label.reprinted'), eq(events.entityId, target.parcelId)));
    expect(reprints).toHaveLength(1);
  }, 60_000);

  it('voids a self-issued label: the order goes back to packing and gets a new number', async () => {
    const target = labelled[2]!;
    const res = await desk.post(`/api/shipments/${target.shipmentId}/void`, { reason: 'Box crushed' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({
      shipmentId: target.shipmentId,
      isReplay: false,
      carrierCancelled: false,
      trackingNumbers: [target.trackingNumber],
    });
    const [order] = await db().select().from(orders).where(eq(orders.id, target.orderId));
    expect(order?.status).toBe('picked');
    const lines = await db().select().from(orderLines).where(eq(orderLines.orderId, target.orderId));
    expect(lines.map((l) => [l.status, l.quantityPacked])).toEqual([['picked', 0]]);
    const [voided] = await db()
      .select()
      .from(events)
      .where(and(eq(events.type, 'shipment.voided'), eq(events.entityId, target.shipmentId)));
    expect(voided?.payload).toMatchObject({ reason: 'Box crushed', selfIssued: true });
    const again = await desk.post(`/api/shipments/${target.shipmentId}/void`, { reason: 'twice' });
    expect(((await again.json()) as { isReplay: boolean }).isReplay).toBe(true);
    const print = await desk.post('/api/desk/print', { parcelIds: [target.parcelId], format: 'pdf' });
    expect(print.status).toBe(409);
    expect(await code(print)).toBe('label_voided');

    const ean = demoCatalog.find((p) => p.sku === 'NIC-BOIS')!.ean;
    await repack(t, target.orderId, [{ ean, quantity: 1 }]);
    const relabelled = await labelShipment(t, target.orderId);
    expect(relabelled.trackingNumber).not.toBe(target.trackingNumber);
    labelled[2] = { ...target, ...relabelled, trackingNumber: relabelled.trackingNumber };
    (labelled[2] as Labelled & { voided?: string }).voided = target.trackingNumber;
  }, 120_000);

  it('closes the carrier manifest (barcodes decode) and scans parcels out at the dock, refusing wrong scans', async () => {
    const voidedNumber = (labelled[2] as Labelled & { voided?: string }).voided!;
    const closed = await desk.post('/api/desk/manifests', { carrierCode: 'SELF' });
    expect(closed.status, await closed.clone().text()).toBe(201);
    const manifest = (await closed.json()) as { manifestId: string; parcelCount: number };
    expect(manifest.parcelCount).toBe(3);
    const empty = await desk.post('/api/desk/manifests', { carrierCode: 'SELF' });
    expect(await code(empty)).toBe('manifest_empty');

    const pdfRes = await desk.get(`/api/desk/manifests/${manifest.manifestId}/pdf`);
    expect(pdfRes.status).toBe(200);
    const decoded = await decodeBarcodesInPdf(await bytesOf(pdfRes), { dpi: 300 });
    expect(
      decoded
        .filter((d) => d.format.startsWith('Code128'))
        .map((d) => d.text)
        .sort(),
    ).toEqual(labelled.map((l) => l.trackingNumber).sort());

    const packer = await signIn(t.app, { badge: 'BADGE-0002', pin: '5678' });
    const scan = (value: string) =>
      packer.post('/api/desk/dock-scans', { code: value, manifestId: manifest.manifestId });
    const first = await scan(labelled[0]!.trackingNumber);
    expect(first.status, await first.clone().text()).toBe(200);
    expect(await first.json()).toMatchObject({ isShipmentShipped: true, remaining: 2 });
    const [shipped] = await db().select().from(shipments).where(eq(shipments.id, labelled[0]!.shipmentId));
    expect(shipped?.status).toBe('shipped');
    const [order] = await db().select().from(orders).where(eq(orders.id, labelled[0]!.orderId));
    expect(order?.status).toBe('shipped');

    const twice = await scan(labelled[0]!.trackingNumber);
    expect(twice.status).toBe(422);
    const problem = (await twice.json()) as { code: string; detail: string };
    expect(problem.code).toBe('dock_already_scanned');
    expect(problem.detail).toContain('already scanned out');
    expect(await code(await scan(voidedNumber))).toBe('dock_label_voided');
    expect(await code(await scan('NOPE0000000'))).toBe('dock_unknown_parcel');

    // A parcel labelled after the manifest closed is not on it.
    const late = await labelledOrder(t, [{ sku: 'GAN-L', quantity: 1 }]);
    const notOn = await scan(late.trackingNumber);
    expect(notOn.status).toBe(422);
    expect(await code(notOn)).toBe('dock_not_on_manifest');
    // A held order's parcel must not leave.
    await desk.post(`/api/orders/${labelled[1]!.orderId}/hold`, { reason: 'Buyer called' });
    expect(await code(await scan(labelled[1]!.trackingNumber))).toBe('dock_order_on_hold');
    await desk.post(`/api/orders/${labelled[1]!.orderId}/release`, { reason: 'Resolved' });
    const second = await scan(labelled[1]!.trackingNumber.toLowerCase());
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ remaining: 1 });

    const rejected = await db().select().from(events).where(eq(events.type, 'dock.scan_rejected'));
    expect(rejected.length).toBeGreaterThanOrEqual(5);
    const list = (await (await desk.get('/api/desk/manifests')).json()) as {
      manifests: { id: string; parcelCount: number; scannedOut: number }[];
      waiting: { carrierCode: string; parcels: number }[];
    };
    expect(list.manifests.find((m) => m.id === manifest.manifestId)).toMatchObject({
      parcelCount: 3,
      scannedOut: 2,
    });
    expect(list.waiting).toEqual([{ carrierCode: 'SELF', carrierName: expect.any(String), parcels: 1 }]);
    // A parcel that left cannot be voided.
    const leftVoid = await desk.post(`/api/shipments/${labelled[0]!.shipmentId}/void`, { reason: 'late' });
    expect(await code(leftVoid)).toBe('shipment_already_shipped');
  }, 180_000);
});
