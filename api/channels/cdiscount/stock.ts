import { ChannelError, type StockUpdate } from '../connector.js';
import type { CdiscountClient } from './client.js';

/**
 * Stock through Octopia's JSON offer integration: create a package of type `Update` for the sales
 * channel, upload one offer request per SKU (`sellerExternalReference` + `quantity`), then set the
 * package `Ready` so Octopia integrates it. A quantity is absolute, so pushing it again is harmless; a
 * package that was created but never set Ready (a failure in between) is simply never integrated.
 */

/** Octopia limits a package to 40,000 offers; smaller packages report back sooner. */
const PACKAGE_SIZE = 5_000;

export async function pushCdiscountStock(
  client: CdiscountClient,
  salesChannelId: string,
  updates: StockUpdate[],
): Promise<string[]> {
  const packageIds: string[] = [];
  for (let i = 0; i < updates.length; i += PACKAGE_SIZE) {
    const batch = updates.slice(i, i + PACKAGE_SIZE);
    const created = await client.send<{ packageId?: unknown }>(
      'createOfferPackage',
      'POST',
      '/offer-packages',
      {
        salesChannelId,
        packageType: 'Update',
      },
    );
    const packageId = created?.packageId;
    if (typeof packageId !== 'string' || packageId === '') {
      throw new ChannelError(
        'cdiscount POST /offer-packages answered without a packageId',
        'cdiscount_bad_response',
        true,
      );
    }
    const path = `/offer-packages/${encodeURIComponent(packageId)}`;
    await client.send(
      'createOfferRequests',
      'POST',
      `${path}/offer-requests`,
      batch.map((u) => ({ sellerExternalReference: u.sku, quantity: Math.max(0, u.quantity) })),
    );
    await client.send('updateOfferPackage', 'PATCH', path, { state: 'Ready' });
    packageIds.push(packageId);
  }
  return packageIds;
}
