import type { CanonicalOrder } from '../../api/channels/canonical.js';
import type { SecretBox } from '../../api/security/secret-box.js';
import type { Database } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { bins, channels, productBarcodes, products, warehouses } from '../../db/schema/index.js';

/** Test data for the stock suites: a warehouse, bins in walking order, products, channels, orders. */
export async function makeWarehouse(db: Database, code = `W${Math.random().toString(36).slice(2, 7)}`) {
  const id = newId('whs');
  await db.insert(warehouses).values({ id, code, name: `Warehouse ${code}` });
  return id;
}

export async function makeBin(db: Database, warehouseId: string, code: string, pickSequence: number) {
  const id = newId('bin');
  await db.insert(bins).values({ id, warehouseId, code, pickSequence, zone: code.split('-')[0] ?? '' });
  return id;
}

export async function makeProduct(db: Database, sku: string, ean?: string) {
  const id = newId('prd');
  await db.insert(products).values({ id, sku, name: `Product ${sku}` });
  if (ean) await db.insert(productBarcodes).values({ code: ean, productId: id, kind: 'ean13' });
  return id;
}

export async function makeChannel(
  db: Database,
  secrets: SecretBox,
  name: string,
  settings: Record<string, unknown> = {},
) {
  const id = newId('chn');
  await db.insert(channels).values({
    id,
    type: 'mirakl',
    name,
    credentialsSealed: secrets.seal({ apiKey: 'test-mirakl-key' }),
    settings: { baseUrl: 'http://mirakl.test', ...settings },
  });
  return id;
}

let sequence = 0;
export function canonicalOrder(lines: { sku: string; quantity: number }[], externalId?: string) {
  const now = new Date().toISOString();
  const order: CanonicalOrder = {
    externalId: externalId ?? `EXT-${Date.now()}-${sequence++}`,
    status: 'to_ship',
    channelStatus: 'SHIPPING',
    placedAt: now,
    updatedAt: now,
    shipBy: null,
    currency: 'EUR',
    totalMinor: 1000,
    shippingMinor: 0,
    serviceLevel: null,
    buyer: { name: 'Test Buyer', email: null, phone: null },
    shippingAddress: {
      name: 'Test Buyer',
      company: null,
      line1: '1 rue de la Paix',
      line2: null,
      postalCode: '75002',
      city: 'Paris',
      countryCode: 'FR',
      phone: null,
    },
    lines: lines.map((l, i) => ({
      externalLineId: `L${i + 1}`,
      sku: l.sku,
      title: l.sku,
      quantity: l.quantity,
      quantityCancelled: 0,
      unitPriceMinor: 1000,
      shippingPriceMinor: 0,
      channelStatus: null,
    })),
  };
  return order;
}
