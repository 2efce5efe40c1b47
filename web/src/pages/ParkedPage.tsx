import { call, client } from '../api.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n.js';
import { usePolling } from '../use-polling.js';

/** What a channel sent that could not be imported: the reason, and the payload as received. */
export function ParkedPage() {
  const parked = usePolling(() => call(client.api['parked-orders'].$get({ query: {} })), 'parked', 30_000);
  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('parkedTitle')}</h1>
        <p className="muted">{t('parkedHint')}</p>
      </div>
      {parked.error ? <ErrorNotice error={parked.error} onRetry={parked.reload} /> : null}
      {parked.data?.length === 0 ? <p className="notice">{t('noParked')}</p> : null}
      {!parked.data && !parked.error ? <p className="muted">{t('loading')}</p> : null}
      <ul className="parked-list" data-testid="parked-list">
        {parked.data?.map((p) => (
          <li key={p.id} className="card" data-testid="parked-order">
            <p className="parked-reason strong">{p.reason}</p>
            <dl className="facts">
              <div>
                <dt>{t('channel')}</dt>
                <dd>{p.channelName}</dd>
              </div>
              <div>
                <dt>{t('externalId')}</dt>
                <dd className="mono">{p.externalId ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('timesSeen')}</dt>
                <dd>{p.timesSeen}</dd>
              </div>
              <div>
                <dt>{t('firstSeen')}</dt>
                <dd>{formatDateTime(p.firstSeenAt)}</dd>
              </div>
              <div>
                <dt>{t('lastSeen')}</dt>
                <dd>{formatDateTime(p.lastSeenAt)}</dd>
              </div>
            </dl>
            <details>
              <summary>{t('rawPayload')}</summary>
              <pre className="pre">{JSON.stringify(p.raw, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ul>
    </main>
  );
}
