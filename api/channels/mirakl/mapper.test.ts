import { describe, expect, it } from 'vitest';
import { mapMiraklOrder, mapMiraklState } from './mapper.js';

/** A trimmed OR11 order with the fields the mapper reads, shaped like the spec's example. */
function order(patch: Record<string, unknown> = {}, linePatch: Record<string, unknown> = {}) {
  return {
    order_id: 'Order_00010-A',
    order_state: 'SHIPPING',
    created_date: '2019-04-02T14:18:43Z',
    last_updated_date: '2019-04-02T14:59:58Z',
    shipping_deadline: '2019-09-01T23:59:59.999Z',
    currency_iso_code: 'EUR',
    price: 165.3,
    shipping_price: 8.1,
    total_price: 173.4,
    shipping_type_code: 'STD',
    customer_notification_email: 'notification+abc@notification.mirakl.net',
    customer: {
      firstname: 'Camille',
      lastname: 'Durand',
      shipping_address: {
        firstname: 'Camille',
        lastname: 'Durand',
        street_1: '12 rue Victor Hugo',
        street_2: '2e étage',
        zip_code: '69003',
        city: 'Lyon',
        country: 'France',
        country_iso_code: 'FRA',
        phone: '06 12 34 56 78',
      },
    },
    order_lines: [
      {
        order_line_id: 'Order_00010-A-1',
        offer_sku: 'SEC-220',
        product_title: 'Sécateur',
        quantity: 3,
        price_unit: 55.1,
        price: 165.3,
        shipping_price: 8.1,
        order_line_state: 'SHIPPING',
        ...linePatch,
      },
    ],
    ...patch,
  };
}

describe('mapMiraklOrder', () => {
  it('maps an OR11 order to a canonical order with exact money', () => {
    const result = mapMiraklOrder(order());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order).toMatchObject({
      externalId: 'Order_00010-A',
      status: 'to_ship',
      channelStatus: 'SHIPPING',
      placedAt: '2019-04-02T14:18:43.000Z',
      updatedAt: '2019-04-02T14:59:58.000Z',
      shipBy: '2019-09-01T23:59:59.999Z',
      currency: 'EUR',
      totalMinor: 17340,
      shippingMinor: 810,
      serviceLevel: 'STD',
      buyer: { name: 'Camille Durand', email: 'notification+abc@notification.mirakl.net' },
      shippingAddress: {
        name: 'Camille Durand',
        line1: '12 rue Victor Hugo',
        postalCode: '69003',
        countryCode: 'FR',
      },
    });
    expect(result.order.lines[0]).toMatchObject({
      sku: 'SEC-220',
      quantity: 3,
      unitPriceMinor: 5510,
      shippingPriceMinor: 810,
    });
  });

  it('maps every Mirakl order state', () => {
    const expected: Record<string, string> = {
      WAITING_ACCEPTANCE: 'awaiting_acceptance',
      WAITING_DEBIT: 'awaiting_payment',
      WAITING_DEBIT_PAYMENT: 'awaiting_payment',
      SHIPPING: 'to_ship',
      SHIPPED: 'shipped',
      RECEIVED: 'delivered',
      CLOSED: 'closed',
      REFUSED: 'refused',
      CANCELED: 'cancelled',
    };
    for (const [state, status] of Object.entries(expected)) expect(mapMiraklState(state)).toBe(status);
    const unknown = mapMiraklOrder(order({ order_state: 'TELEPORTED' }));
    expect(unknown).toMatchObject({ ok: false, reason: expect.stringContaining('order_state "TELEPORTED"') });
  });

  it('allows a missing shipping deadline', () => {
    const { shipping_deadline: _, ...rest } = order();
    const result = mapMiraklOrder(rest);
    expect(result.ok && result.order.shipBy).toBeNull();
  });

  it.each([
    ['a missing SKU', {}, { offer_sku: undefined }, 'order_lines[0].offer_sku is missing'],
    ['an empty SKU', {}, { offer_sku: '' }, 'order_lines[0].offer_sku is empty'],
    [
      'a negative quantity',
      {},
      { quantity: -2 },
      'order_lines[0].quantity must be a positive integer (got -2)',
    ],
    ['a zero quantity', {}, { quantity: 0 }, 'order_lines[0].quantity must be a positive integer (got 0)'],
    ['an unparseable price', {}, { price_unit: '12,30' }, 'order_lines[0].price_unit is not a valid amount'],
    ['a price with too many decimals', { total_price: 10.123 }, {}, 'total_price is not a valid amount'],
    ['a negative price', {}, { price_unit: -1 }, 'order_lines[0].price_unit is not a valid amount'],
    ['no lines', { order_lines: [] }, {}, 'order_lines'],
  ])('parks an order with %s', (_name, patch, linePatch, reason) => {
    const result = mapMiraklOrder(order(patch, linePatch));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain(reason);
    expect(result.externalId).toBe('Order_00010-A');
    expect(result.raw).toBeDefined();
  });

  it('parks an order without a shipping address, naming the field', () => {
    const raw = order();
    const { shipping_address: _, ...customer } = raw.customer;
    const result = mapMiraklOrder({ ...raw, customer });
    expect(result).toMatchObject({ ok: false, reason: 'customer.shipping_address is missing' });
  });

  it('parks an order whose address lacks a postal code or has an unknown country', () => {
    const raw = order();
    const noZip = { ...raw.customer.shipping_address, zip_code: undefined };
    expect(mapMiraklOrder({ ...raw, customer: { ...raw.customer, shipping_address: noZip } })).toMatchObject({
      ok: false,
      reason: 'customer.shipping_address.zip_code is missing',
    });
    const mars = { ...raw.customer.shipping_address, country_iso_code: 'MRS' };
    const result = mapMiraklOrder({ ...raw, customer: { ...raw.customer, shipping_address: mars } });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('country_iso_code "MRS"') });
  });

  it('keeps garbage as a parked order with a null id', () => {
    expect(mapMiraklOrder('not an order')).toMatchObject({ ok: false, externalId: null });
    expect(mapMiraklOrder({})).toMatchObject({
      ok: false,
      externalId: null,
      reason: expect.stringContaining('order_id is missing'),
    });
  });
});
