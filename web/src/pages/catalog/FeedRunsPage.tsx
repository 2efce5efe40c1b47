import { Fragment, useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../format.js';
import { t, tCode } from '../../i18n.js';
import { useSession } from '../../session.js';
import { usePolling } from '../../use-polling.js';
import { CatalogNav } from './CatalogNav.js';
import { FeedRunDetail } from './FeedRunDetail.js';

/** Failed or with errors in red; on its way to the channel (sent, processing) as pending. */
function runBadge(run: { status: string; errorCount: number }): string {
  if (run.status === 'failed' || run.errorCount > 0) return 'badge-refused';
  if (run.status === 'sent' || run.status === 'processing') return 'badge-pending';
  return 'badge-confirmed';
}

/** Every feed run with its counts and file; run a channel's feed now; the channel's report per line. */
export function FeedRunsPage() {
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const channels = usePolling(() => call(client.api.pricing.channels.$get()), 'feed-channels');
  const [channelId, setChannelId] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const runs = usePolling(
    () => call(client.api.feeds.runs.$get({ query: { limit: '100', ...(channelId ? { channelId } : {}) } })),
    `feed-runs:${channelId}`,
    15_000,
  );

  const runNow = async () => {
    const target = channelId || channels.data?.[0]?.channelId;
    if (!target) return;
    setError(null);
    setMessage(null);
    setIsRunning(true);
    try {
      const written = await call(
        client.api.feeds.channels[':channelId'].run.$post({ param: { channelId: target } }),
      );
      setMessage(
        t('catFeedRunDone', {
          offers: written.reduce((n, r) => n + r.offers, 0),
          blocked: written.reduce((n, r) => n + r.blocked, 0),
        }),
      );
      runs.reload();
    } catch (err) {
      setError(err as Error);
    } finally {
      setIsRunning(false);
    }
  };

  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('catFeedsTitle')}</h1>
        <p className="muted">{t('catFeedsHint')}</p>
      </div>
      <CatalogNav />
      <div className="cat-row">
        <label className="field">
          {t('catChannel')}
          <select
            value={channelId}
            onChange={(e) => setChannelId(e.target.value)}
            data-testid="feeds-channel"
          >
            <option value="">{t('catAllChannels')}</option>
            {channels.data?.map((c) => (
              <option key={c.channelId} value={c.channelId}>
                {c.channelName}
              </option>
            ))}
          </select>
        </label>
        {isAdmin ? (
          <button
            type="button"
            className="button button-primary"
            disabled={isRunning || !channels.data?.length}
            onClick={() => void runNow()}
            data-testid="feed-run-now"
          >
            {isRunning ? t('catWorking') : t('catFeedRunNow')}
          </button>
        ) : null}
      </div>
      {message ? (
        <p className="notice" role="status" data-testid="feed-message">
          {message}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {runs.error ? <ErrorNotice error={runs.error} onRetry={runs.reload} /> : null}
      {runs.data?.length === 0 ? <p className="notice">{t('catFeedsNone')}</p> : null}
      {runs.data?.length ? (
        <div className="table-wrap">
          <table className="table" data-testid="feed-runs">
            <thead>
              <tr>
                <th>{t('catFeedWhen')}</th>
                <th>{t('catChannel')}</th>
                <th>{t('catFeedFormat')}</th>
                <th>{t('catFeedStatus')}</th>
                <th className="num">{t('catFeedOffers')}</th>
                <th className="num">{t('catFeedBlocked')}</th>
                <th className="num">{t('catFeedErrors')}</th>
                <th>{t('catFeedFile')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((r) => (
                <Fragment key={r.id}>
                  <tr data-testid="feed-run" data-run-id={r.id}>
                    <td data-label={t('catFeedWhen')}>
                      {formatDateTime(r.createdAt)}
                      <span className="muted small"> · {tCode('catTrigger', r.trigger)}</span>
                    </td>
                    <td data-label={t('catChannel')}>{r.channelName}</td>
                    <td data-label={t('catFeedFormat')} className="small">
                      {tCode('catFormat', r.format)}
                    </td>
                    <td data-label={t('catFeedStatus')} data-testid="run-status" data-status={r.status}>
                      <span className={`badge ${runBadge(r)}`}>{tCode('catRunStatus', r.status)}</span>
                      {r.deliveryError ? (
                        <span className="muted small" data-testid="run-delivery-error">
                          {' '}
                          · {r.deliveryError}
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t('catFeedOffers')} className="num" data-testid="run-offers">
                      {r.offers}
                    </td>
                    <td data-label={t('catFeedBlocked')} className="num" data-testid="run-blocked">
                      {r.blocked}
                    </td>
                    <td data-label={t('catFeedErrors')} className="num">
                      {r.errorCount}
                    </td>
                    <td data-label={t('catFeedFile')}>
                      <a href={`/api/feeds/runs/${encodeURIComponent(r.id)}/file`} download={r.fileName}>
                        {r.fileName}
                      </a>{' '}
                      <button
                        type="button"
                        className="button cat-small-button"
                        aria-expanded={open === r.id}
                        onClick={() => setOpen(open === r.id ? null : r.id)}
                        data-testid="run-details"
                      >
                        {t('catFeedDetails')}
                      </button>
                    </td>
                  </tr>
                  {open === r.id ? (
                    <tr className="cat-detail-row">
                      <td colSpan={8}>
                        <FeedRunDetail runId={r.id} canAttach={isAdmin} onAttached={runs.reload} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </main>
  );
}
