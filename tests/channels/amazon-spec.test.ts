import { describe, expect, it } from 'vitest';
import { setupAmazon } from '../fakes/amazon/harness.js';
import { loadSpec, validateRequest, validateResponse } from '../fakes/amazon/spec.js';

describe('the Amazon fake validates against ordersV0.json', () => {
  it('reads the Swagger 2.0 definitions with no draft-04-only keyword that would change their meaning', () => {
    const text = JSON.stringify(loadSpec().spec.definitions);
    expect(text).not.toMatch(/"exclusive(Minimum|Maximum)":\s*(true|false)/);
    expect(text).not.toMatch(/"id":\s*"/);
  });

  it('rejects requests the spec does not allow', () => {
    expect(
      validateRequest('getOrders', {
        query: { LastUpdatedAfter: '2026-01-01T00:00:00Z' },
        path: {},
        body: undefined,
      }),
    ).toContain('query MarketplaceIds is required');
    expect(
      validateRequest('getOrders', {
        query: { MarketplaceIds: 'X', MaxResultsPerPage: 'ten', Foo: '1' },
        path: {},
        body: undefined,
      }),
    ).toEqual(['query Foo is not a parameter of getOrders', 'query MaxResultsPerPage must be integer']);
    const body = {
      marketplaceId: 'X',
      packageDetail: {
        carrierCode: 'UPS',
        trackingNumber: '1',
        shipDate: '2026-01-01T00:00:00Z',
        orderItems: [],
      },
    };
    expect(validateRequest('confirmShipment', { query: {}, path: { orderId: '1' }, body })).toEqual([
      "body/packageDetail must have required property 'packageReferenceId'",
    ]);
    expect(
      validateRequest('confirmShipment', { query: {}, path: { orderId: '1' }, body: undefined }),
    ).toEqual(['body is required']);
  });

  it('rejects responses the spec does not allow, and the fake answers ones it does', async () => {
    expect(validateResponse('getOrders', 200, { payload: { Orders: [{ AmazonOrderId: '1' }] } })).toEqual([
      "response/payload/Orders/0 must have required property 'LastUpdateDate'",
      "response/payload/Orders/0 must have required property 'OrderStatus'",
      "response/payload/Orders/0 must have required property 'PurchaseDate'",
    ]);
    const { fake, connector } = setupAmazon();
    const order = fake.createOrder({ status: 'Pending' });
    expect(validateResponse('getOrder', 200, { payload: order.order })).toEqual([]);
    expect(
      validateResponse('getOrderItems', 200, { payload: { AmazonOrderId: 'x', OrderItems: order.items } }),
    ).toEqual([]);
    await connector.readShipmentState(order.order.AmazonOrderId);
    // The fake checked its own answers as it sent them.
    expect(fake.received.map((r) => [r.operationId, r.status])).toEqual([
      ['lwaToken', 200],
      ['getOrder', 200],
      ['getOrderItems', 200],
    ]);
    expect(fake.responseViolations).toEqual([]);
  });

  it('answers a request that breaks the spec with 400 and records it', async () => {
    const { fake, fetch } = setupAmazon();
    const res = await fetch(
      'https://sellingpartnerapi-eu.amazon.com/orders/v0/orders?LastUpdatedAfter=2026-01-01T00:00:00Z',
      {
        method: 'GET',
        headers: {},
      },
    );
    expect(res.status).toBe(400);
    expect(fake.violations).toEqual([
      { operationId: 'getOrders', errors: ['query MarketplaceIds is required'] },
    ]);
  });
});
