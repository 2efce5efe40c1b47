import { useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Link } from '../../components/Link.js';
import { t } from '../../i18n.js';
import type { OrderDetail } from '../../order-detail.js';
import { useSession } from '../../session.js';

/** Hold, release, expedite and split one order from its page; every action asks for its reason. */
export function OrderDeskActions({ order, onChanged }: { order: OrderDetail; onChanged: () => void }) {
  const { user } = useSession();
  const [reason, setReason] = useState('');
  const [split, setSplit] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  if (user.role !== 'admin' && user.role !== 'desk') return null;
  if (order.status === 'shipped' || order.status === 'cancelled') return null;
  const param = { id: order.id };

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      setReason('');
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  const json = { reason: reason.trim() };
  const isHeld = order.status === 'on_hold';
  const lines = Object.entries(split)
    .map(([orderLineId, q]) => ({ orderLineId, quantity: Math.round(Number(q)) }))
    .filter((l) => l.quantity > 0);

  return (
    <section className="card" data-testid="order-desk-actions">
      <h2>{t('deskOrderActions')}</h2>
      <label className="field">
        <span>{t('deskReason')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="desk-reason" />
      </label>
      <div className="form-row">
        <button
          type="button"
          className="button"
          disabled={!json.reason}
          onClick={() =>
            void act(() =>
              isHeld
                ? call(client.api.orders[':id'].release.$post({ param, json }))
                : call(client.api.orders[':id'].hold.$post({ param, json })),
            )
          }
          data-testid="desk-hold"
        >
          {isHeld ? t('deskRelease') : t('deskHold')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!json.reason}
          onClick={() =>
            void act(() =>
              call(client.api.orders[':id'].expedite.$post({ param, json: { ...json, priority: 1 } })),
            )
          }
        >
          {t('deskExpedite')}
        </button>
      </div>
      <details>
        <summary>{t('deskSplit')}</summary>
        <p className="muted small">{t('deskSplitHint')}</p>
        {order.lines
          .filter((l) => l.status === 'reserved' || l.status === 'backordered')
          .map((l) => (
            <label key={l.id} className="field-inline">
              {l.sku} (×{l.quantity})
              <input
                type="number"
                min={0}
                max={l.quantity}
                value={split[l.id] ?? ''}
                onChange={(e) => setSplit((s) => ({ ...s, [l.id]: e.target.value }))}
              />
            </label>
          ))}
        <button
          type="button"
          className="button"
          disabled={!json.reason || lines.length === 0}
          onClick={() =>
            void act(async () => {
              const done = await call(
                client.api.orders[':id'].split.$post({ param, json: { ...json, lines } }),
              );
              setCreated(done.orderId);
              setSplit({});
            })
          }
        >
          {t('deskSplit')}
        </button>
        {created ? <Link href={`/orders/${created}`}>{created}</Link> : null}
      </details>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
