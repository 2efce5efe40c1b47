import { randomUUID } from 'node:crypto';
import { startFakePrinter } from '../fakes/printer/raw-tcp-printer.js';
import { asJson, type PackResult, packClients, pickedOrder, type View } from '../packing/helpers.js';
import type { TestSystem } from '../support/system.js';
import { percentile, type Row } from './row.js';

/**
 * Packing: last scan → labels at the printer, the way the station calls it (the scan that packs the last
 * unit, then the close that books the label and sends it over raw TCP to a printer on 127.0.0.1), for
 * one-parcel orders. The browser adds its own few ms on top (tests/e2e/pack.e2e.test.ts prints both).
 */
export async function benchPacking(t: TestSystem): Promise<Row[]> {
  const { picker, packer, desk } = await packClients(t);
  const printer = await startFakePrinter();
  try {
    const { id: printerId } = await asJson<{ id: string }>(
      await desk.post('/api/printers', {
        name: 'bench',
        kind: 'zpl_network',
        host: printer.host,
        port: printer.port,
      }),
      201,
    );
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const orderId = await pickedOrder(t, picker, [{ sku: 'GAN-M', quantity: 1 }]);
      const view = await asJson<View>(await packer.post('/api/pack/open', { code: orderId }));
      const box = view.boxes.find((b) => b.status === 'open')!;
      const before = printer.formats.length;
      const started = performance.now();
      await asJson(
        await packer.post(`/api/pack/orders/${orderId}/scans`, {
          clientScanId: randomUUID(),
          code: view.lines[0]!.barcodes[0],
          boxId: box.id,
        }),
      );
      const done = await asJson<PackResult>(
        await packer.post(`/api/pack/boxes/${box.id}/close`, { packagingCode: 'mailer', printerId }),
      );
      if (!done.print?.outcome) throw new Error(`not printed: ${JSON.stringify(done.print)}`);
      await printer.waitForFormats(before + 1);
      times.push(printer.receivedAt.at(-1)! - started);
    }
    times.sort((a, b) => a - b);
    return [
      {
        figure: 'last scan → printer, p50',
        value: Math.round(percentile(times, 50)),
        unit: 'ms',
        target: '< 2000',
      },
      {
        figure: 'last scan → printer, p95',
        value: Math.round(percentile(times, 95)),
        unit: 'ms',
        target: '< 2000',
      },
    ];
  } finally {
    await printer.close();
  }
}
