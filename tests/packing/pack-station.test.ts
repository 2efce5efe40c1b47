import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHostStatus } from '../../api/services/printing/host-status.js';
import { events, shipments } from '../../db/schema/index.js';
import { type FakePrinter, startFakePrinter, zplProblems } from '../fakes/printer/raw-tcp-printer.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { decodeSymbolsInZpl } from '../support/zpl-render.js';
import {
  asJson,
  type Client,
  openBox,
  type PackResult,
  packClients,
  pickedOrder,
  scanInto,
  type View,
} from './helpers.js';

/** The station's API around the happy path: wrong items, printers that are not ready, reopening. */
describe('packing station API', () => {
  let t: TestSystem;
  let picker: Client;
  let packer: Client;
  let desk: Client;
  let printer: FakePrinter;
  let printerId: string;

  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    ({ picker, packer, desk } = await packClients(t));
    printer = await startFakePrinter();
    printerId = (
      await asJson<{ id: string }>(
        await desk.post('/api/printers', {
          name: 'Zebra test',
          kind: 'zpl_network',
          host: printer.host,
          port: printer.port,
        }),
        201,
      )
    ).id;
  });
  afterAll(async () => {
    await printer?.close();
    await t?.stop();
  });

  const open = async (orderId: string) =>
    asJson<View>(await packer.post('/api/pack/open', { code: orderId }));

  it('refuses a wrong item and an extra one, saying what is expected', async () => {
    const orderId = await pickedOrder(t, picker, [{ sku: 'GAN-M', quantity: 1 }]);
    const view = await open(orderId);
    const box = openBox(view);
    const wrong = await packer.post(`/api/pack/orders/${orderId}/scans`, {
      clientScanId: 'wrong-item-0001',
      code: 'SEC-220',
      boxId: box.id,
    });
    const problem = await asJson<{ code: string; detail: string }>(wrong, 422);
    expect(problem.code).toBe('scan_unexpected_item');
    expect(problem.detail).toMatch(/SEC-220 is not in this order\. Expected .*GAN-M/);
    const packed = await scanInto(packer, view, 'GAN-M', 1);
    expect(packed.boxes[0]!.lines).toEqual([{ orderLineId: packed.lines[0]!.id, quantity: 1 }]);
    const extra = await packer.post(`/api/pack/orders/${orderId}/scans`, {
      clientScanId: 'extra-item-0001',
      code: 'GAN-M',
      boxId: box.id,
    });
    expect(extra.status).toBe(409);
  });

  it('reports a printer out of labels or not answering, keeps the labels, and prints them again', async () => {
    printer.state.isPaperOut = true;
    const status = await asJson<{ isReady: boolean; message: string }>(
      await packer.get(`/api/printers/${printerId}/status`),
    );
    expect(status).toMatchObject({ isReady: false, message: 'out of labels' });

    const orderId = await pickedOrder(t, picker, [{ sku: 'GAN-L', quantity: 1 }]);
    const view = await scanInto(packer, await open(orderId), 'GAN-L', 1);
    const done = await asJson<PackResult>(
      await packer.post(`/api/pack/boxes/${openBox(view)?.id ?? view.boxes[0]!.id}/close`, {
        packagingCode: 'mailer',
        printerId,
      }),
    );
    expect(done.labelled?.parcels).toHaveLength(1);
    expect(done.print?.error?.code).toBe('printer_not_ready');
    expect(printer.formats).toHaveLength(0);

    printer.state.isPaperOut = false;
    printer.state.isSilent = true;
    const silent = await asJson<{ isReady: boolean; message: string }>(
      await packer.get(`/api/printers/${printerId}/status`),
    );
    expect(silent.isReady).toBe(false);
    expect(silent.message).toMatch(/did not answer within/);

    printer.state.isSilent = false;
    const parcel = done.labelled!.parcels[0]!;
    const again = await asJson<{ via: string }>(
      await packer.post(`/api/pack/parcels/${parcel.parcelId}/print`, { printerId }),
    );
    expect(again.via).toBe('sent');
    await printer.waitForFormats(1);
    expect(zplProblems(printer.jobs.at(-1)!)).toEqual([]);
    const decoded = await decodeSymbolsInZpl(printer.formats.at(-1)!, {
      widthMm: 101.6,
      heightMm: 152.4,
      dpi: 203,
    });
    expect(decoded.map((d) => d.text)).toContain(parcel.trackingNumber);
  });

  it('reopens a labelled parcel with its reason: the labels are voided, closing again books new ones', async () => {
    const orderId = await pickedOrder(t, picker, [{ sku: 'SEC-220', quantity: 1 }]);
    const view = await scanInto(packer, await open(orderId), 'SEC-220', 1);
    const first = await asJson<PackResult>(
      await packer.post(`/api/pack/boxes/${openBox(view).id}/close`, { packagingCode: 'box-s' }),
    );
    const boxId = first.view.boxes[0]!.id;
    const tooShort = await packer.post(`/api/pack/boxes/${boxId}/reopen`, { reason: '' });
    expect(tooShort.status).toBe(400);
    const reopened = await asJson<View>(
      await packer.post(`/api/pack/boxes/${boxId}/reopen`, { reason: 'Buyer asked for gift wrap' }),
    );
    expect(reopened.boxes[0]).toMatchObject({ status: 'open', parcelId: null });
    const [voided] = await t.system.deps.db
      .select()
      .from(shipments)
      .where(eq(shipments.id, first.labelled!.shipmentId));
    expect(voided?.status).toBe('cancelled');
    const audit = (await t.system.deps.db.select().from(events).where(eq(events.entityId, boxId))).find(
      (e) => e.type === 'pack.parcel_reopened',
    );
    expect(audit?.payload).toMatchObject({
      reason: 'Buyer asked for gift wrap',
      voidedShipmentId: voided?.id,
    });
    expect(audit?.actorUserId).toBeTruthy();

    const second = await asJson<PackResult>(
      await packer.post(`/api/pack/boxes/${boxId}/close`, { packagingCode: 'box-m', weightGrams: 900 }),
    );
    expect(second.labelled?.shipmentId).not.toBe(first.labelled?.shipmentId);
    expect(second.labelled?.parcels[0]?.trackingNumber).not.toBe(first.labelled?.parcels[0]?.trackingNumber);
  });

  it('reads the three ~HS strings', () => {
    const answer =
      '\u0002030,0,1,1218,000,0,0,0,000,0,0,0\u0003\r\n\u0002001,0,1,0,0,2,6,0,00000000,1,000\u0003\r\n\u00021234,0\u0003\r\n';
    expect(parseHostStatus(answer)?.problems).toEqual(['paused', 'head open']);
    expect(parseHostStatus('garbage')).toBeNull();
  });
});
