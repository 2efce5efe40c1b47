import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfIssuedAdapter } from '../../api/carriers/self-issued/self-issued-adapter.js';
import { allocateSscc, formatSscc, isValidSscc } from '../../api/carriers/self-issued/sscc.js';
import { createDb, type DbHandle } from '../../db/client.js';
import { gs1CheckDigit, isValidS10 } from '../../labels/index.js';
import { createTestDatabase } from '../support/test-database.js';
import { aRequest, barcodesOn } from './support.js';

describe('self-issued carrier: S10 numbers from a range, SSCC for pallets', () => {
  let handle: DbHandle;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const config = {
    code: 'SELF',
    name: 'Transporteur test',
    service: 'STANDARD',
    range: { id: 'test-range', prefix: 'LA', country: 'FR', first: 12_345_678, last: 12_345_680 },
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    handle = await createDb({ url: database.url, dataDir: 'memory://' });
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('numbers each parcel from the range with a correct check digit, and prints it on PDF and ZPL labels', async () => {
    const adapter = createSelfIssuedAdapter(handle.db, config, () => new Date('2030-01-01T10:00:00Z'));
    const created = await adapter.createShipment(
      aRequest({ parcels: [{ weightGrams: 500 }, { weightGrams: 700 }] }),
    );
    // UPU's own worked example: serial 12345678 has check digit 5.
    expect(created.parcels.map((p) => p.trackingNumber)).toEqual(['LA123456785FR', 'LA123456799FR']);
    for (const p of created.parcels) {
      expect(isValidS10(p.trackingNumber)).toBe(true);
      expect(await barcodesOn(p.label)).toEqual([p.trackingNumber]);
    }
    const zpl = await adapter.createShipment(aRequest({ labelFormat: 'zpl' }));
    expect(await barcodesOn(zpl.parcels[0]!.label)).toEqual([zpl.parcels[0]!.trackingNumber]);
    // The range (3 numbers) is used up: a clear error, no number reused.
    await expect(adapter.createShipment(aRequest())).rejects.toMatchObject({
      code: 'tracking_range_exhausted',
    });
  });

  it('builds SSCC-18 with the GS1 check digit and never hands one out twice', async () => {
    // GS1's published example: (00) 1 0614141 234567890 → check digit 8.
    expect(formatSscc(1, '0614141', 234_567_890)).toBe('106141412345678908');
    expect(isValidSscc('106141412345678908')).toBe(true);
    expect(isValidSscc('106141412345678901')).toBe(false);
    const first = await allocateSscc(handle.db, { companyPrefix: '4012345', extensionDigit: 3 });
    const second = await allocateSscc(handle.db, { companyPrefix: '4012345', extensionDigit: 3 });
    expect(first.slice(0, 17)).toBe('34012345000000001');
    expect(Number(first[17])).toBe(gs1CheckDigit('34012345000000001'));
    expect(second).not.toBe(first);
    expect([first, second].every(isValidSscc)).toBe(true);
    expect(() => formatSscc(0, '12345', 1)).toThrow(/7 to 10 digits/);
  });
});
