import type { ReceivedCall } from './simulator.js';
import type { SimState } from './store.js';

/** The page a demo user opens to watch the fake marketplace: its orders and every call it received. */

function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function orderRow(order: Record<string, unknown>): string {
  const lines = Array.isArray(order.order_lines) ? (order.order_lines as Record<string, unknown>[]) : [];
  const address = (order.customer as { shipping_address?: Record<string, unknown> } | undefined)
    ?.shipping_address;
  const cells = [
    order.order_id,
    order.created_date,
    order.order_state,
    order.shipping_type_code,
    address ? `${address.zip_code ?? ''} ${address.city ?? ''}` : '(no address)',
    lines.map((l) => `${l.offer_sku ?? '(no sku)'} × ${l.quantity}`).join(', '),
    `${order.total_price ?? ''} ${order.currency_iso_code ?? ''}`,
    order.shipping_deadline,
    order.shipping_tracking ?? '',
  ];
  return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
}

function callRow(call: ReceivedCall): string {
  const qs = new URLSearchParams(call.query).toString();
  const cells = [
    call.at,
    call.operationId,
    call.method,
    `${call.path}${qs ? `?${qs}` : ''}`,
    call.status ?? '…',
  ];
  return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
}

export function renderHomePage(state: SimState, received: readonly ReceivedCall[]): string {
  const orders = [...state.createdIds]
    .reverse()
    .map((id) => state.orders.get(id))
    .filter((o): o is NonNullable<typeof o> => o !== undefined);
  const calls = [...received].reverse().slice(0, 200);
  const head = (cols: string[]) => `<tr>${cols.map((c) => `<th>${c}</th>`).join('')}</tr>`;
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Mirakl simulator</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;margin-bottom:2rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}th{background:#f4f4f4}</style></head>
<body><h1>Mirakl seller API simulator</h1>
<p>${state.orders.size} orders, ${received.length} calls received. JSON: <a href="/_sim/received">/_sim/received</a></p>
<h2>Orders</h2><table>${head(['order_id', 'created', 'state', 'shipping', 'city', 'lines', 'total', 'ship by', 'tracking'])}
${orders.map(orderRow).join('\n')}</table>
<h2>Calls received (latest 200)</h2><table>${head(['at', 'operation', 'method', 'path', 'status'])}
${calls.map(callRow).join('\n')}</table></body></html>`;
}
