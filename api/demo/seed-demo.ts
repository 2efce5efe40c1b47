import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import {
  binStock,
  bins,
  channels,
  productBarcodes,
  products,
  stockMovements,
  warehouses,
} from '../../db/schema/index.js';
import { demoCatalog } from '../../db/seed/demo-catalog.js';
import type { SecretBox } from '../security/secret-box.js';
import { createUser } from '../services/auth/create-user.js';
import { createChannel } from '../services/channels/manage-channels.js';

/** Bin codes read zone-aisle-rack-level; the pick sequence walks them in that order. */
function pickSequence(code: string): number {
  const [zone = 'A', aisle = '0', rack = '0', level = '0'] = code.split('-');
  return (zone.charCodeAt(0) - 64) * 1_000_000 + Number(aisle) * 10_000 + Number(rack) * 100 + Number(level);
}

export interface DemoSeedResult {
  isNew: boolean;
  channelId: string;
  picker: { badge: string; pin: string } | null;
}

/**
 * The demo merchant: one warehouse, the catalogue with stock in bins, a picker and a packer, and a Mirakl
 * channel pointing at the local simulator. Runs once; later starts find the channel and do nothing.
 */
export async function seedDemo(
  deps: { db: Database; secrets: SecretBox },
  simulator: { baseUrl: string; apiKey: string; pullIntervalSeconds: number },
): Promise<DemoSeedResult> {
  const [existing] = await deps.db
    .select({ id: channels.id })
    .from(channels)
    .where(eq(channels.type, 'mirakl'))
    .limit(1);
  if (existing) return { isNew: false, channelId: existing.id, picker: null };
  const warehouseId = newId('whs');
  await deps.db.insert(warehouses).values({ id: warehouseId, code: 'LYON', name: 'Entrepôt de Lyon' });
  for (const item of demoCatalog) {
    const productId = newId('prd');
    const binId = newId('bin');
    await deps.db.insert(products).values({
      id: productId,
      sku: item.sku,
      name: item.name,
      weightGrams: item.weightGrams,
      lengthMm: item.lengthMm,
      widthMm: item.widthMm,
      heightMm: item.heightMm,
    });
    await deps.db.insert(productBarcodes).values({ code: item.ean, productId, kind: 'ean13' });
    await deps.db.insert(bins).values({
      id: binId,
      warehouseId,
      code: item.bin,
      zone: item.bin.slice(0, 1),
      pickSequence: pickSequence(item.bin),
    });
    await deps.db.insert(binStock).values({ id: newId('bin'), binId, productId, onHand: item.onHand });
    await deps.db
      .insert(stockMovements)
      .values({ id: newId('mov'), productId, binId, delta: item.onHand, reason: 'initial' });
  }
  const picker = { badge: 'BADGE-0001', pin: '1234' };
  await createUser(deps.db, {
    name: 'Camille (préparation)',
    role: 'picker',
    badgeCode: picker.badge,
    pin: picker.pin,
  });
  await createUser(deps.db, {
    name: 'Karim (emballage)',
    role: 'packer',
    badgeCode: 'BADGE-0002',
    pin: '5678',
  });
  const { id: channelId } = await createChannel(deps, {
    type: 'mirakl',
    name: 'Marketplace simulée (Mirakl)',
    credentials: { apiKey: simulator.apiKey },
    settings: { baseUrl: simulator.baseUrl, pullIntervalSeconds: simulator.pullIntervalSeconds },
  });
  return { isNew: true, channelId, picker };
}
