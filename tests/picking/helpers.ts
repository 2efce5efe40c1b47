import { signIn, type TestSystem } from '../support/system.js';

export type Client = Awaited<ReturnType<typeof signIn>>;

export interface WaveView {
  wave: {
    id: string;
    status: string;
    mode: string;
    unitsTotal: number;
    unitsPicked: number;
    unitsShort: number;
  };
  orders: { orderId: string; slot: number; toteCode: string | null }[];
  steps: {
    key: string;
    binId: string;
    binCode: string;
    sku: string;
    barcodes: string[];
    quantity: number;
    remaining: number;
    targets: { orderId: string; slot: number; toteCode: string | null; remaining: number }[];
  }[];
}

export const clients = async (t: TestSystem) => ({
  desk: await signIn(t.app, { email: 'desk@test.local', password: 'desk password 1' }),
  picker: await signIn(t.app, { badge: 'BADGE-0001', pin: '1234' }),
});

let scan = 0;
export const nextScanId = (tag: string) => `${tag}-${Date.now()}-${scan++}`;

export async function readWave(client: Client, waveId: string): Promise<WaveView> {
  const res = await client.get(`/api/waves/${waveId}`);
  if (res.status !== 200) throw new Error(`wave read failed: ${res.status}`);
  return (await res.json()) as WaveView;
}

export async function newWave(desk: Client, orderIds: string[]): Promise<string> {
  const res = await desk.post('/api/waves', { orderIds });
  if (res.status !== 201) throw new Error(`wave create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { waveId: string }).waveId;
}
