import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseCarrier } from '../../api/services/carriers/choose-carrier.js';
import { createCarrierAccount } from '../../api/services/carriers/create-carrier-account.js';
import { createChannel } from '../../api/services/channels/manage-channels.js';
import { events, packBoxes } from '../../db/schema/index.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import {
  asJson,
  type Client,
  openBox,
  type PackResult,
  packClients,
  pickedOrder,
  scanInto,
  type View,
} from './helpers.js';

interface Blocked {
  code: string;
  detail: string;
  violations: { code: string; reason: string; suggestion: string }[];
}

/**
 * The packaging rules through the packing station's API: a box that breaks a carrier's or a marketplace's
 * rule is refused at close, before any label, with every reason and a way out, and stays open.
 */
describe('packaging checks at the packing station', () => {
  let t: TestSystem;
  let picker: Client;
  let packer: Client;
  let amazonChannelId: string;
  let relayAccountId: string;

  beforeAll(async () => {
    t = await startTestSystem({ workers: false });
    ({ picker, packer } = await packClients(t));
    const deps = t.system.deps;
    amazonChannelId = (
      await createChannel(deps, { type: 'amazon', name: 'Amazon FR', credentials: {}, settings: {} })
    ).id;
    relayAccountId = (
      await createCarrierAccount(deps, {
        type: 'sendcloud',
        name: 'Sendcloud',
        credentials: { publicKey: 'k', secretKey: 's' },
        settings: {
          packagingRules: {
            'mondial_relay:24R': {
              carrier: 'mondial_relay',
              service: '24R',
              marketplaceCarrierCodes: { amazon: 'Mondial Relay' },
            },
          },
        },
      })
    ).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function packedAtStation(lines: { sku: string; quantity: number }[], channelId?: string) {
    const orderId = await pickedOrder(t, picker, lines, channelId ? { channelId } : {});
    return orderId;
  }
  const open = async (orderId: string) =>
    asJson<View>(await packer.post('/api/pack/open', { code: orderId }));
  const close = (boxId: string, body: Record<string, unknown>) =>
    packer.post(`/api/pack/boxes/${boxId}/close`, body);

  async function expectBlocked(res: Response, codes: string[], reason: RegExp, suggestion: RegExp) {
    const problem = await asJson<Blocked>(res, 422);
    expect(problem.code).toBe('packaging_blocked');
    expect(problem.violations.map((v) => v.code)).toEqual(codes);
    expect(problem.detail).toMatch(reason);
    expect(problem.violations[0]!.suggestion).toMatch(suggestion);
    return problem;
  }

  it('blocks a 31 kg parcel for Colissimo, then takes it at 12 kg', async () => {
    const orderId = await packedAtStation([{ sku: 'SEC-220', quantity: 2 }]);
    let view = await scanInto(packer, await open(orderId), 'SEC-220', 2);
    const box = openBox(view);
    await expectBlocked(
      await close(box.id, { packagingCode: 'box-l', weightGrams: 31_000 }),
      ['weight_exceeded'],
      /31 kg is over the 30 kg Colissimo Domicile takes/,
      /DPD Classic|UPS Standard/,
    );
    view = await asJson<View>(await packer.get(`/api/pack/orders/${orderId}`));
    expect(view.boxes.map((b) => b.status)).toEqual(['open']);
    expect(view.shipment).toBeNull();
    const blocked = await t.system.deps.db.select().from(events).where(eq(events.entityId, box.id));
    expect(blocked.map((e) => e.type)).toContain('pack.packaging_blocked');

    const done = await asJson<PackResult>(
      await close(box.id, { packagingCode: 'box-l', weightGrams: 12_000 }),
    );
    expect(done.labelled?.parcels).toHaveLength(1);
    expect(done.view.boxes[0]).toMatchObject({ status: 'closed', weightGrams: 12_000 });
  });

  it('blocks an oversized Mondial Relay parcel and names a service that takes it', async () => {
    const orderId = await packedAtStation([{ sku: 'GAN-M', quantity: 1 }], amazonChannelId);
    await chooseCarrier(t.system.deps.db, {
      orderId,
      carrierAccountId: relayAccountId,
      serviceCode: 'mondial_relay:24R',
      relayPointId: 'FR-066974',
    });
    const view = await scanInto(packer, await open(orderId), 'GAN-M', 1);
    await expectBlocked(
      await close(openBox(view).id, { packagingCode: 'box-xl', weightGrams: 8_000 }),
      ['length_exceeded', 'size_sum_exceeded'],
      /130 cm, is over the 120 cm Mondial Relay/,
      /Colissimo Domicile/,
    );
    const [still] = await t.system.deps.db
      .select()
      .from(packBoxes)
      .where(eq(packBoxes.id, openBox(view).id));
    expect(still?.status).toBe('open');
  });

  it('blocks an Amazon order whose carrier code Amazon does not accept', async () => {
    const orderId = await packedAtStation([{ sku: 'GAN-L', quantity: 1 }], amazonChannelId);
    const view = await scanInto(packer, await open(orderId), 'GAN-L', 1);
    await expectBlocked(
      await close(openBox(view).id, { packagingCode: 'mailer' }),
      ['carrier_code_not_accepted'],
      /amazon does not accept carrier code "SELF" for standard shipping/,
      /Send one of: Colissimo, DPD/,
    );
  });
});
