import { call, client } from './api.js';
export async function probe() {
  const a = await call(client.api.orders.$get({ query: { status: 'ready', limit: '10' } }));
  const b = await call(client.api.orders[':id'].$get({ param: { id: 'x' } }));
  const c = await call(client.api.auth.me.$get());
  const d = await call(client.api['parked-orders'].$get({ query: {} }));
  const e = await call(client.api.auth.login.$post({ json: { email: 'a', password: 'b' } }));
  const f = await call(client.api.channels.$get());
  const g = await call(client.api.auth.logout.$post());
  const a1: number = a;
  const b1: number = b;
  const c1: number = c;
  const d1: number = d;
  const e1: number = e;
  const f1: number = f;
  const g1: number = g;
  return [a1, b1, c1, d1, e1, f1, g1];
}
