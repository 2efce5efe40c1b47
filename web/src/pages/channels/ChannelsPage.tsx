import { useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../format.js';
import { t } from '../../i18n.js';
import { useSession } from '../../session.js';
import { usePolling } from '../../use-polling.js';
import { ChannelEditForm } from './ChannelEditForm.js';
import { FailedPushes } from './FailedPushes.js';

/**
 * Each channel's pulls and pushes at a glance, with the connection test one click away; an admin edits a
 * channel's settings and replaces its credentials in place.
 */
export function ChannelsPage() {
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const health = usePolling(() => call(client.api.channels.health.$get()), 'channels-health', 15_000);
  const configs = usePolling(() => call(client.api.channels.$get()), 'channels-config');
  const [editing, setEditing] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, { ok: boolean; message: string } | 'running'>>({});

  async function runTest(id: string) {
    setResults((r) => ({ ...r, [id]: 'running' }));
    try {
      const result = await call(client.api.channels[':id'].test.$post({ param: { id } }));
      setResults((r) => ({ ...r, [id]: result }));
    } catch (err) {
      setResults((r) => ({ ...r, [id]: { ok: false, message: (err as Error).message } }));
    }
  }

  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('channelsTitle')}</h1>
        <p className="muted">{t('channelsHint')}</p>
      </div>
      {health.error ? <ErrorNotice error={health.error} onRetry={health.reload} /> : null}
      {isAdmin && configs.error ? <ErrorNotice error={configs.error} onRetry={configs.reload} /> : null}
      {!health.data && !health.error ? <p className="muted">{t('loading')}</p> : null}
      <ul className="parked-list" data-testid="channel-list">
        {health.data?.map((c) => {
          const result = results[c.id];
          const config = configs.data?.find((x) => x.id === c.id);
          return (
            <li key={c.id} className="card" data-testid="channel" data-channel-id={c.id}>
              <p className="strong">
                {c.name} <span className="muted">({c.type})</span>
                {c.isEnabled ? null : <span className="muted"> — {t('channelDisabled')}</span>}
              </p>
              <dl className="facts">
                <div>
                  <dt>{t('lastPull')}</dt>
                  <dd>{c.lastPulledAt ? formatDateTime(c.lastPulledAt) : '—'}</dd>
                </div>
                <div>
                  <dt>{t('lastPush')}</dt>
                  <dd>{c.lastPushAt ? formatDateTime(c.lastPushAt) : '—'}</dd>
                </div>
                <div>
                  <dt>{t('pushBacklog')}</dt>
                  <dd data-testid="push-backlog">{c.pushBacklog}</dd>
                </div>
                <div>
                  <dt>{t('pushFailed')}</dt>
                  <dd className={c.pushFailed > 0 ? 'late' : undefined}>{c.pushFailed}</dd>
                </div>
                <div>
                  <dt>{t('parkedOpen')}</dt>
                  <dd>{c.parkedOpen}</dd>
                </div>
              </dl>
              {c.lastPullError ? <p className="error-text">{c.lastPullError}</p> : null}
              <div className="channel-actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => runTest(c.id)}
                  disabled={result === 'running'}
                  data-testid="channel-test"
                >
                  {result === 'running' ? t('testing') : t('testConnection')}
                </button>
                {isAdmin && config ? (
                  <button
                    type="button"
                    className="button"
                    aria-expanded={editing === c.id}
                    onClick={() => setEditing((e) => (e === c.id ? null : c.id))}
                    data-testid="channel-edit"
                  >
                    {editing === c.id ? t('channelEditClose') : t('channelEdit')}
                  </button>
                ) : null}
              </div>
              {result && result !== 'running' ? (
                <p className={result.ok ? 'ok-text' : 'error-text'} data-testid="connection-result">
                  {result.ok ? '✓ ' : '✗ '}
                  {result.message}
                </p>
              ) : null}
              {editing === c.id && config ? (
                <ChannelEditForm
                  channel={config}
                  onSaved={() => {
                    configs.reload();
                    health.reload();
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      <FailedPushes />
    </main>
  );
}
