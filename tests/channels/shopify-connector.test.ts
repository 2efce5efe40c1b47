import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ALL_DOCUMENTS } from '../../api/channels/shopify/documents.js';
import { expectEveryCallValid, pullAll, rejection, setup } from '../fakes/shopify/harness.js';
import { adminSchema } from '../fakes/shopify/schema.js';

describe('Shopify documents', () => {
  it('every document the connector sends validates against the Admin API 2025-01 schema', () => {
    for (const [name, document] of Object.entries(ALL_DOCUMENTS))
      expect(
        validate(adminSchema(), parse(document)).map((e) => e.message),
        name,
      ).toEqual([]);
  });

  it('the schema check is not lenient: a field 2025-01 does not have is refused', () => {
    const errors = validate(adminSchema(), parse('{ orders(first: 1) { nodes { id fulfillmentStatus } } }'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^Cannot query field "fulfillmentStatus" on type "Order"/);
  });
});

describe('Shopify connector against the fake', () => {
  it('pulls, ships one order in two parcels, cancels a line of another, pushes stock', async () => {
    const { fake, connector } = setup({ pageSize: 2 });
    const two = fake.createOrder({
      lines: [
        { sku: 'ARR-1050', quantity: 1 },
        { sku: 'GAN-M', quantity: 3 },
      ],
    });
    const other = fake.createOrder({
      lines: [
        { sku: 'SEC-220', quantity: 2 },
        { sku: 'POT-30T', quantity: 1 },
      ],
    });
    fake.createOrder({ lines: [{ sku: 'TER-40', quantity: 1 }] });

    const first = await pullAll(connector, null);
    expect(first.pages.map((p) => p.orders.length)).toEqual([2, 1]);
    expect(first.orders.every((o) => o.ok)).toBe(true);
    const pulled = first.orders[0];
    if (!pulled?.ok) throw new Error('first order did not map');
    expect(pulled.order).toMatchObject({
      externalId: two.id,
      status: 'to_ship',
      currency: 'EUR',
      totalMinor: 2990 + 3 * 990 + 490,
      shippingMinor: 490,
      shippingAddress: { name: 'Louis Martin', countryCode: 'FR', postalCode: '31000' },
      lines: [
        { sku: 'ARR-1050', quantity: 1, unitPriceMinor: 2990 },
        { sku: 'GAN-M', quantity: 3, unitPriceMinor: 990 },
      ],
    });

    const [arrosoir, gants] = two.lineItems;
    const ship = (trackingNumber: string, line: { id: string; quantity: number }) =>
      connector.confirmShipment({
        externalOrderId: two.id,
        carrierCode: 'COLISSIMO',
        carrierName: 'Colissimo',
        carrierUrl: `https://www.laposte.fr/outils/suivre-vos-envois?code=${trackingNumber}`,
        trackingNumber,
        lines: [{ externalLineId: line.id, quantity: line.quantity }],
      });
    await ship('6A10000000001', { id: arrosoir!.id, quantity: 1 });
    expect(await connector.readShipmentState(two.id)).toEqual({
      shipped: true,
      trackingNumber: '6A10000000001',
    });
    await ship('6A10000000002', { id: gants!.id, quantity: 3 });

    const removedLine = other.lineItems[1]!;
    const potsBefore = fake.available('POT-30T');
    await connector.cancelLines(other.id, [{ externalLineId: removedLine.id, quantity: 1 }]);

    await connector.pushStock([
      { sku: 'ARR-1050', quantity: 39 },
      { sku: 'GAN-M', quantity: 197 },
      { sku: 'SEC-220', quantity: 120 },
    ]);

    // The fake's final state.
    const shipped = fake.state.orders.get(two.id)!;
    expect(shipped.fulfillments.map((f) => [f.tracking[0]?.number, f.tracking[0]?.company, f.lines])).toEqual(
      [
        ['6A10000000001', 'Colissimo', [{ lineItemId: arrosoir!.id, quantity: 1 }]],
        ['6A10000000002', 'Colissimo', [{ lineItemId: gants!.id, quantity: 3 }]],
      ],
    );
    expect(shipped.fulfillments[1]?.tracking[0]?.url).toContain('6A10000000002');
    expect(shipped.fulfillmentOrders.map((fo) => fo.status)).toEqual(['CLOSED']);
    const edited = fake.state.orders.get(other.id)!;
    expect(edited.lineItems.map((l) => l.currentQuantity)).toEqual([2, 0]);
    expect(fake.available('POT-30T')).toBe((potsBefore ?? 0) + 1);
    expect([fake.available('ARR-1050'), fake.available('GAN-M'), fake.available('SEC-220')]).toEqual([
      39, 197, 120,
    ]);
    // SEC-220 already showed 120: it is not written again.
    expect(fake.state.adjustments.at(-1)?.changes).toHaveLength(2);

    const second = await pullAll(connector, first.nextCursor);
    const byId = new Map(second.orders.map((o) => [o.externalId, o]));
    expect(byId.get(two.id)).toMatchObject({ ok: true, order: { status: 'shipped' } });
    expect(byId.get(other.id)).toMatchObject({
      ok: true,
      // The removed line stays, wholly cancelled, so the order page can show what the shop took away.
      order: {
        status: 'to_ship',
        lines: [
          { sku: 'SEC-220', quantity: 2, quantityCancelled: 0 },
          { sku: 'POT-30T', quantity: 1, quantityCancelled: 1, channelStatus: 'removed' },
        ],
      },
    });
    expectEveryCallValid(fake);
  });

  it('a fulfilment that timed out after it was applied is read back, and the retry writes nothing', async () => {
    const { fake, connector } = setup({ timeoutMs: 300 });
    const order = fake.createOrder({ lines: [{ sku: 'GAN-L', quantity: 2 }] });
    const confirmation = {
      externalOrderId: order.id,
      carrierCode: 'DPD',
      carrierName: 'DPD',
      carrierUrl: null,
      trackingNumber: '09981234567',
      lines: [{ externalLineId: order.lineItems[0]!.id, quantity: 2 }],
    };
    fake.stallNext('fulfillmentCreate', 600, { afterApply: true });
    const err = await rejection(connector.confirmShipment(confirmation));
    expect(err).toMatchObject({ code: 'channel_timeout', retryable: true, ambiguous: true });
    expect(await connector.readShipmentState(order.id)).toEqual({
      shipped: true,
      trackingNumber: '09981234567',
    });
    await connector.confirmShipment(confirmation);
    expect(fake.state.orders.get(order.id)?.fulfillments).toHaveLength(1);
    expect(fake.calls.filter((c) => c.rootFields[0] === 'fulfillmentCreate')).toHaveLength(1);
    expectEveryCallValid(fake);
  });

  it('a stock push that timed out after it was applied is not applied twice (compare-and-set)', async () => {
    const { fake, connector } = setup({ timeoutMs: 300 });
    fake.stallNext('inventorySetQuantities', 600, { afterApply: true });
    const err = await rejection(connector.pushStock([{ sku: 'TER-40', quantity: 12 }]));
    expect(err.ambiguous).toBe(true);
    await connector.pushStock([{ sku: 'TER-40', quantity: 12 }]);
    expect(fake.available('TER-40')).toBe(12);
    expect(fake.state.adjustments).toHaveLength(1);
  });

  it('re-reads and sends again when the quantity moved between read and write (COMPARE_QUANTITY_STALE)', async () => {
    let sold = false;
    const { fake, connector } = setup({
      throttle: async (operation) => {
        // A sale at Shopify lands between our read and our write, once.
        if (operation === 'shopify.inventorySetQuantities' && !sold) {
          sold = true;
          fake.state.available.set([...fake.state.available.keys()][0]!, 39);
        }
      },
    });
    await connector.pushStock([{ sku: 'ARR-1050', quantity: 25 }]);
    expect(fake.available('ARR-1050')).toBe(25);
    const writes = fake.calls.filter((c) => c.rootFields[0] === 'inventorySetQuantities');
    expect(writes).toHaveLength(2);
    const sent = writes.map(
      (c) => (c.variables as { input: { quantities: { compareQuantity: number }[] } }).input,
    );
    expect(sent.map((i) => i.quantities[0]?.compareQuantity)).toEqual([40, 39]);
    expect(sent[0]).toMatchObject({ name: 'available', reason: 'correction', ignoreCompareQuantity: false });
    expectEveryCallValid(fake);
  });

  it('reports SKUs Shopify does not have after pushing the others', async () => {
    const { fake, connector } = setup();
    const err = await rejection(
      connector.pushStock([
        { sku: 'GAN-M', quantity: 5 },
        { sku: 'NOPE"1', quantity: 1 },
      ]),
    );
    expect(err).toMatchObject({ code: 'shopify_unknown_sku', retryable: false });
    expect(err.message).toContain('NOPE"1');
    expect(fake.available('GAN-M')).toBe(5);
    expectEveryCallValid(fake);
  });

  it('parks an order without SKU or address, with the field named, while the rest maps', async () => {
    const { fake, connector } = setup();
    fake.createOrder();
    const noSku = fake.createOrder();
    noSku.lineItems[0]!.sku = null;
    fake.createOrder({ patch: { shippingAddress: null } });
    const { orders } = await pullAll(connector, null);
    expect(orders.map((o) => o.ok)).toEqual([true, false, false]);
    expect(orders.flatMap((o) => (o.ok ? [] : [o.reason]))).toEqual([
      'lineItems[0].sku is missing',
      'shippingAddress is missing',
    ]);
  });

  it('fetches the lines past the first page of an order with many lines', async () => {
    const { fake, connector } = setup();
    const skus = ['ARR-1050', 'SEC-220', 'GAN-M', 'GAN-L', 'TER-40', 'POT-30T'];
    const lines = Array.from({ length: 23 }, (_, i) => ({
      sku: skus[i % skus.length]!,
      quantity: 1 + (i % 3),
    }));
    const order = fake.createOrder({ lines });
    const { orders } = await pullAll(connector, null);
    expect(orders[0]).toMatchObject({ ok: true, externalId: order.id });
    const mapped = orders[0]?.ok ? orders[0].order.lines : [];
    expect(mapped.map((l) => [l.externalLineId, l.quantity])).toEqual(
      order.lineItems.map((l) => [l.id, l.quantity]),
    );
    expect(fake.calls.map((c) => c.rootFields[0])).toEqual(['orders', 'order']);
    expectEveryCallValid(fake);
  });

  it('maps unpaid and cancelled orders to states that must not ship', async () => {
    const { fake, connector } = setup();
    fake.createOrder({ financialStatus: 'PENDING' });
    fake.createOrder({ patch: { cancelledAt: '2026-01-05T10:00:00Z' } });
    const { orders } = await pullAll(connector, null);
    expect(orders.map((o) => (o.ok ? [o.order.status, o.order.channelStatus] : o.reason))).toEqual([
      ['awaiting_payment', 'UNFULFILLED/PENDING'],
      ['cancelled', 'CANCELLED'],
    ]);
  });

  it('re-delivers an order changed at the shop and orders at the cursor instant', async () => {
    const { fake, connector } = setup();
    const a = fake.createOrder();
    const b = fake.createOrder();
    const first = await pullAll(connector, null);
    expect(first.nextCursor).toBe(b.updatedAt);
    fake.touchOrder(a.id, { email: 'new@example.fr' });
    const second = await pullAll(connector, first.nextCursor);
    expect(second.orders.map((o) => o.externalId)).toEqual([b.id, a.id]);
    expect(second.orders[1]).toMatchObject({ ok: true, order: { buyer: { email: 'new@example.fr' } } });
  });
});
