import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCarrierAccount } from '../../api/services/carriers/create-carrier-account.js';
import { events, orderCarrierChoices, orderShippingDecisions } from '../../db/schema/index.js';
import { signIn, startTestSystem, type TestSystem } from '../support/system.js';
import { labelShipment, pickAndPack, readyOrder } from './support.js';

type Client = Awaited<ReturnType<typeof signIn>>;

/** Rules edited over the API, tried on a sample, applied to orders, overridden by the desk. */
describe('shipping rules over the API', () => {
  let t: TestSystem;
  let desk: Client;
  let accountId: string;
  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    desk = await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' });
    ({ id: accountId } = await createCarrierAccount(t.system.deps, {
      type: 'sendcloud',
      name: 'Sendcloud',
      credentials: { publicKey: 'pk', secretKey: 'sk' },
    }));
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });
  const db = () => t.system.deps.db;
  const decisionOf = async (orderId: string) =>
    (await db().select().from(orderShippingDecisions).where(eq(orderShippingDecisions.orderId, orderId)))[0];
  const choiceOf = async (orderId: string) =>
    (await db().select().from(orderCarrierChoices).where(eq(orderCarrierChoices.orderId, orderId)))[0];

  it('saves ordered rules, tries a draft on an order, applies the first match and lets the desk override', async () => {
    const seeds = await desk.post('/api/shipping-rules', {
      name: 'Seeds by letter',
      conditions: { skus: ['GRA-*'] },
      carrierAccountId: null,
      serviceCode: 'STANDARD',
      packaging: 'envelope',
    });
    expect(seeds.status, await seeds.clone().text()).toBe(201);
    const corsica = await desk.post('/api/shipping-rules', {
      name: 'Corsica',
      conditions: { countries: ['fr'], postcodes: ['20*'] },
      carrierAccountId: accountId,
      serviceCode: 'colissimo:home',
      packaging: 'box-m',
      position: 1,
    });
    expect(corsica.status).toBe(201);
    const { id: corsicaId } = (await corsica.json()) as { id: string };
    const unknownAccount = await desk.post('/api/shipping-rules', {
      name: 'x',
      conditions: {},
      carrierAccountId: 'cac_missing',
      serviceCode: 'x',
    });
    expect(unknownAccount.status).toBe(404);
    const badPostcode = await desk.post('/api/shipping-rules', {
      name: 'x',
      conditions: { postcodes: ['20%'] },
      carrierAccountId: null,
      serviceCode: 'x',
    });
    expect(badPostcode.status).toBe(400);

    const listed = (await (await desk.get('/api/shipping-rules')).json()) as {
      rules: { name: string; position: number; conditions: { countries?: string[] } }[];
    };
    expect(listed.rules.map((r) => [r.position, r.name])).toEqual([
      [1, 'Corsica'],
      [2, 'Seeds by letter'],
    ]);
    expect(listed.rules[0]?.conditions.countries).toEqual(['FR']);

    // A Corsican order with seeds: Corsica is first and wins.
    const ajaccio = await readyOrder(t, [{ sku: 'GRA-TOM', quantity: 2 }], { postalCode: '20000' });
    const draft = {
      name: 'Heavy first',
      conditions: { minWeightGrams: 10 },
      carrierAccountId: null,
      serviceCode: 'HEAVY',
      position: 1,
    };
    const dry = await desk.post('/api/shipping-rules/test', {
      rule: draft,
      sample: { orderId: ajaccio.orderId },
    });
    expect(dry.status, await dry.clone().text()).toBe(200);
    expect(await dry.json()).toMatchObject({
      facts: { postalCode: '20000', weightGrams: 40, skus: ['GRA-TOM'] },
      isMatch: true,
      checks: [{ condition: 'minWeightGrams', isMet: true, actual: '40 g' }],
      winner: { isDraft: true, serviceCode: 'HEAVY' },
    });
    const dryLast = (await (
      await desk.post('/api/shipping-rules/test', {
        rule: { ...draft, position: 3 },
        sample: { orderId: ajaccio.orderId },
      })
    ).json()) as { winner: { ruleName: string; isDraft: boolean } };
    expect(dryLast.winner).toMatchObject({ ruleName: 'Corsica', isDraft: false });
    // Nothing was saved by the dry runs.
    expect(
      ((await (await desk.get('/api/shipping-rules')).json()) as { rules: unknown[] }).rules,
    ).toHaveLength(2);

    const applied = await desk.post('/api/shipping-rules/apply', { orderIds: [ajaccio.orderId] });
    expect(await applied.json()).toEqual({ decided: 1 });
    expect(await decisionOf(ajaccio.orderId)).toMatchObject({
      source: 'rule',
      ruleId: corsicaId,
      ruleName: 'Corsica',
      packaging: 'box-m',
    });
    expect(await choiceOf(ajaccio.orderId)).toMatchObject({
      carrierAccountId: accountId,
      serviceCode: 'colissimo:home',
    });
    // Decided orders are left alone by the sweep.
    expect(
      await (await desk.post('/api/shipping-rules/apply', { orderIds: [ajaccio.orderId] })).json(),
    ).toEqual({
      decided: 0,
    });

    const override = await desk.call('PUT', `/api/orders/${ajaccio.orderId}/shipping-choice`, {
      carrierAccountId: null,
      serviceCode: 'STANDARD',
      reason: 'Buyer collects at the warehouse',
    });
    expect(override.status, await override.clone().text()).toBe(200);
    expect(await decisionOf(ajaccio.orderId)).toMatchObject({
      source: 'override',
      reason: 'Buyer collects at the warehouse',
    });
    expect(await choiceOf(ajaccio.orderId)).toBeUndefined();
    const overridden = await db()
      .select()
      .from(events)
      .where(and(eq(events.orderId, ajaccio.orderId), eq(events.type, 'order.shipping_overridden')));
    expect(overridden[0]?.payload).toMatchObject({ reason: 'Buyer collects at the warehouse' });

    // Moving a rule renumbers the others; deleting closes the gap.
    await desk.call('PUT', `/api/shipping-rules/${corsicaId}`, {
      name: 'Corsica',
      conditions: { countries: ['FR'], postcodes: ['20*'] },
      carrierAccountId: accountId,
      serviceCode: 'colissimo:home',
      position: 2,
    });
    const moved = (await (await desk.get('/api/shipping-rules')).json()) as { rules: { name: string }[] };
    expect(moved.rules.map((r) => r.name)).toEqual(['Seeds by letter', 'Corsica']);
    expect((await desk.call('DELETE', `/api/shipping-rules/${corsicaId}`)).status).toBe(200);
    const left = (await (await desk.get('/api/shipping-rules')).json()) as {
      rules: { name: string; position: number }[];
    };
    expect(left.rules.map((r) => [r.position, r.name])).toEqual([[1, 'Seeds by letter']]);
  });

  it('decides an order nobody decided yet when its label is created', async () => {
    const lyon = await readyOrder(t, [{ sku: 'GRA-TOM', quantity: 1 }]);
    expect(await decisionOf(lyon.orderId)).toBeUndefined();
    await pickAndPack(t, lyon.orderId);
    const label = await labelShipment(t, lyon.orderId);
    expect(label.trackingNumber).toMatch(/^[A-Z]{2}\d{9}[A-Z]{2}$/);
    expect(await decisionOf(lyon.orderId)).toMatchObject({ source: 'rule', ruleName: 'Seeds by letter' });
    const queue = (await (await desk.get('/api/desk/print-queue')).json()) as {
      parcels: { orderId: string; rule: { source: string; name: string } | null }[];
    }[];
    const row = queue.flatMap((g) => g.parcels).find((p) => p.orderId === lyon.orderId);
    expect(row?.rule).toMatchObject({ source: 'rule', name: 'Seeds by letter' });
  });
});
