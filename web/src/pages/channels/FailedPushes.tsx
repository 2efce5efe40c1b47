import { useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Link } from '../../components/Link.js';
import { formatDateTime } from '../../format.js';
import { t } from '../../i18n.js';
import { usePolling } from '../../use-polling.js';

/** Tracking numbers that have not reached their channel: the reason, and a Retry that never doubles. */
export function FailedPushes() {
  const pushes = usePolling(
    () => call(client.api.shipments['failed-pushes'].$get()),
    'failed-pushes',
    15_000,
  );
  const [queued, setQueued] = useState<Record<string, boolean>>({});

  async function retry(id: string) {
    await call(client.api.shipments[':id']['retry-push'].$post({ param: { id } }));
    setQueued((q) => ({ ...q, [id]: true }));
    pushes.reload();
  }

  return (
    <section>
      <h2>{t('failedPushesTitle')}</h2>
      {pushes.error ? <ErrorNotice error={pushes.error} onRetry={pushes.reload} /> : null}
      {pushes.data?.length === 0 ? <p className="notice">{t('noFailedPushes')}</p> : null}
      <ul className="parked-list" data-testid="failed-pushes">
        {pushes.data?.map((p) => (
          <li key={p.shipmentId} className="card" data-testid="failed-push">
            <p className="strong">
              <Link href={`/orders/${p.orderId}`}>{p.externalId}</Link> — {p.channelName}
            </p>
            <p className="mono">{p.trackingNumbers.join(', ')}</p>
            <p className="error-text">{p.error ?? t('pushNotConfirmed')}</p>
            <p className="muted">
              {t('attempts')}: {p.attempts} · {p.shippedAt ? formatDateTime(p.shippedAt) : '—'}
            </p>
            <button
              type="button"
              className="button"
              disabled={queued[p.shipmentId]}
              onClick={() => retry(p.shipmentId)}
            >
              {queued[p.shipmentId] ? t('retryQueued') : t('retryPush')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
