import { useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Link } from '../../components/Link.js';
import { t } from '../../i18n.js';
import { usePolling } from '../../use-polling.js';

/** The channel's errors for one run, each next to its product, and the form to attach its report. */
export function FeedRunDetail({
  runId,
  canAttach,
  onAttached,
}: {
  runId: string;
  canAttach: boolean;
  onAttached: () => void;
}) {
  const errors = usePolling(
    () => call(client.api.feeds.runs[':id'].errors.$get({ param: { id: runId } })),
    `feed-errors:${runId}`,
  );
  const [report, setReport] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const attach = async () => {
    setError(null);
    setMessage(null);
    try {
      // The report is the channel's own file (CSV or JSON) sent as it is, not wrapped in JSON.
      const result = await call(
        client.api.feeds.runs[':id'].report.$post(
          { param: { id: runId } },
          { headers: { 'Content-Type': 'text/plain' }, init: { body: report } },
        ),
      );
      setMessage(t('catReportAttached', { errors: result.errors, matched: result.matched }));
      setReport('');
      errors.reload();
      onAttached();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <div className="cat-run-detail" data-testid="run-detail">
      {errors.error ? <ErrorNotice error={errors.error} onRetry={errors.reload} /> : null}
      {errors.data?.length === 0 ? <p className="muted">{t('catRunNoErrors')}</p> : null}
      {errors.data?.length ? (
        <table className="table" data-testid="run-errors">
          <thead>
            <tr>
              <th className="num">{t('importLine')}</th>
              <th>{t('sku')}</th>
              <th>{t('importProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.data.map((e) => (
              <tr key={`${e.line}:${e.sku}:${e.message}`} data-testid="run-error">
                <td className="num" data-label={t('importLine')}>
                  {e.line ?? '—'}
                </td>
                <td data-label={t('sku')}>
                  {e.sku ? (
                    <Link href={`/catalog?q=${encodeURIComponent(e.sku)}`} className="mono">
                      {e.sku}
                    </Link>
                  ) : (
                    '—'
                  )}
                  {e.sku && !e.productId ? (
                    <span className="muted small"> ({t('catUnknownSku')})</span>
                  ) : null}
                </td>
                <td data-label={t('importProblem')}>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canAttach ? (
        <div className="cat-attach">
          <label className="field">
            {t('catReportLabel')}
            <textarea
              rows={4}
              value={report}
              onChange={(e) => setReport(e.target.value)}
              data-testid="report-text"
            />
          </label>
          <div className="cat-row">
            <input
              type="file"
              accept=".csv,.json,.txt,text/csv,application/json"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.text().then(setReport);
              }}
              data-testid="report-file"
            />
            <button
              type="button"
              className="button"
              disabled={!report.trim()}
              onClick={() => void attach()}
              data-testid="report-attach"
            >
              {t('catReportAttach')}
            </button>
          </div>
          {message ? (
            <p className="notice" role="status" data-testid="report-message">
              {message}
            </p>
          ) : null}
          {error ? <ErrorNotice error={error} /> : null}
        </div>
      ) : null}
    </div>
  );
}
