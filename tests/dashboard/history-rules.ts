/**
 * The rules of a generated history: every attribute of order i is a pure function of i. The generator
 * writes them with SQL (generate-history.ts), the truth (history-truth.ts) computes them in TypeScript.
 */
export const genChannels = [
  {
    id: 'chn_gen_amazon',
    type: 'amazon',
    name: 'Gen Amazon',
    cancel: 20,
    late: 30,
    invalid: 40,
    returns: 50,
    promise: 3,
  },
  {
    id: 'chn_gen_ebay',
    type: 'ebay',
    name: 'Gen eBay',
    cancel: 15,
    late: 80,
    invalid: 20,
    returns: 30,
    promise: 4,
  },
  {
    id: 'chn_gen_mirakl',
    type: 'mirakl',
    name: 'Gen Mirakl',
    cancel: 30,
    late: 50,
    invalid: 70,
    returns: 80,
    promise: 3,
  },
] as const; // rates in per mille
export const genPickers = [
  { id: 'usr_gen_picker0', name: 'Gen Picker A', wrongEvery: 25 },
  { id: 'usr_gen_picker1', name: 'Gen Picker B', wrongEvery: 10 },
  { id: 'usr_gen_picker2', name: 'Gen Picker C', wrongEvery: 50 },
] as const;
export const genProducts = 20;
export const spanSeconds = 730 * 86_400;
export const openStatuses = ['ready', 'picking', 'packed', 'pending'] as const;
/** Pick events are written for orders shipped in the last this-many days. */
export const pickDays = 8;

export interface OrderFacts {
  i: number;
  channel: number;
  placed: number;
  created: number;
  shipBy: number;
  status: 'cancelled' | 'shipped' | (typeof openStatuses)[number];
  shipped: number | null;
  quantity: number;
  product: number;
  pushConfirmed: boolean;
  /** Return row status, if the order came back. */
  returnStatus: 'closed' | 'cancelled' | null;
  delivered: number | null;
  picker: number;
  wrongScan: boolean;
  shortPick: boolean;
}

/** Times are whole seconds since the epoch: SQL and TypeScript compute exactly the same instants. */
export function orderFacts(i: number, size: number, nowS: number): OrderFacts {
  const step = Math.floor(spanSeconds / size);
  const c = i % 3;
  const ch = genChannels[c]!;
  const h = (i * 7919) % 1000;
  const h2 = (i * 104729) % 1000;
  const h3 = (i * 31337) % 1000;
  const h4 = (i * 7211) % 1000;
  const placed = nowS - (size - i) * step;
  const shipBy = placed + 48 * 3600;
  let status: OrderFacts['status'];
  let shipped: number | null = null;
  if (h < ch.cancel) status = 'cancelled';
  else if (shipBy > nowS - 86_400) status = openStatuses[i % 4]!;
  else if (h < ch.cancel + ch.late) {
    status = 'shipped';
    shipped = shipBy + (1 + (i % 20)) * 3600;
  } else {
    status = 'shipped';
    shipped = shipBy - (2 + (i % 30)) * 3600;
  }
  const isShipped = shipped !== null;
  return {
    i,
    channel: c,
    placed,
    created: placed + 600,
    shipBy,
    status,
    shipped,
    quantity: 1 + (i % 3),
    product: i % genProducts,
    pushConfirmed: h2 >= ch.invalid,
    returnStatus: !isShipped ? null : h3 < ch.returns ? 'closed' : h3 < ch.returns + 10 ? 'cancelled' : null,
    delivered: isShipped && h4 < 600 ? shipBy + (h4 % 5) * 86_400 + 6 * 3600 : null,
    picker: i % 3,
    wrongScan: i % genPickers[i % 3]!.wrongEvery === 0,
    shortPick: i % 40 === i % 3,
  };
}
