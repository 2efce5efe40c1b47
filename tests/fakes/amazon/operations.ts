import { validateVendor } from './vendor-schemas.js';

/**
 * Method + path → operation. `spec` operations are validated against ordersV0.json; the others against
 * the vendor-doc schemas in vendor-schemas.ts.
 */
type Kind = 'spec' | 'vendor' | 'lwa' | 'upload' | 'unknown';

const OPERATIONS: [method: string, pattern: RegExp, operationId: string, kind: Kind][] = [
  ['GET', /^\/orders\/v0\/orders$/, 'getOrders', 'spec'],
  ['GET', /^\/orders\/v0\/orders\/(?<orderId>[^/]+)$/, 'getOrder', 'spec'],
  ['GET', /^\/orders\/v0\/orders\/(?<orderId>[^/]+)\/orderItems$/, 'getOrderItems', 'spec'],
  ['GET', /^\/orders\/v0\/orders\/(?<orderId>[^/]+)\/address$/, 'getOrderAddress', 'spec'],
  ['POST', /^\/orders\/v0\/orders\/(?<orderId>[^/]+)\/shipmentConfirmation$/, 'confirmShipment', 'spec'],
  ['POST', /^\/auth\/o2\/token$/, 'lwaToken', 'lwa'],
  ['POST', /^\/tokens\/2021-03-01\/restrictedDataToken$/, 'createRestrictedDataToken', 'vendor'],
  ['POST', /^\/feeds\/2021-06-30\/documents$/, 'createFeedDocument', 'vendor'],
  ['POST', /^\/feeds\/2021-06-30\/feeds$/, 'createFeed', 'vendor'],
  ['PUT', /^\/_uploads\/[^/]+$/, 'uploadFeedDocument', 'upload'],
  ['PATCH', /^\/listings\/2021-08-01\/items\/[^/]+\/[^/]+$/, 'patchListingsItem', 'vendor'],
];

export function operationOf(method: string, path: string) {
  for (const [m, pattern, operationId, kind] of OPERATIONS) {
    const match = m === method ? pattern.exec(path) : null;
    if (match) return { operationId, kind, pathParams: { ...match.groups } as Record<string, string> };
  }
  return { operationId: 'unknown', kind: 'unknown' as Kind, pathParams: {} };
}

/** Problems with a request to an operation no spec file covers. */
export function validateNonSpec(operationId: string, query: Record<string, string>, body: unknown): string[] {
  if (operationId === 'lwaToken') return validateVendor('lwaTokenRequest', body);
  if (operationId === 'uploadFeedDocument' || operationId === 'unknown') return [];
  const errors = validateVendor(operationId, body);
  if (operationId === 'patchListingsItem') {
    if (!query.marketplaceIds) errors.push('query marketplaceIds is required');
    const patches = (body as { patches?: { path?: string; value?: unknown }[] })?.patches ?? [];
    for (const p of patches) {
      if (p.path === '/attributes/fulfillment_availability')
        errors.push(...validateVendor('fulfillmentAvailability', p.value));
    }
  }
  return errors;
}
