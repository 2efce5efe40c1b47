import { useRef, useState } from 'react';
import { ApiError, call, client, toApiError } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../format.js';
import { t } from '../../i18n.js';
import { usePolling } from '../../use-polling.js';
import { deskFeedback, openPrintJob } from './desk-feedback.js';

/** End of day: close each carrier's manifest, print it, and scan every parcel out at the dock. */
export function DockPanel() {
  const manifests = usePolling(() => call(client.api.desk.manifests.$get()), 'manifests', 15_000);
  const [manifestId, setManifestId] = useState('');
  const [code, setCode] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const close = async (carrierCode: string) => {
    setError(null);
    try {
      const closed = await call(client.api.desk.manifests.$post({ json: { carrierCode } }));
      setManifestId(closed.manifestId);
      await openManifest(closed.manifestId);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
    manifests.reload();
  };

  const openManifest = async (id: string) => {
    const res = await client.api.desk.manifests[':id'].pdf.$get({ param: { id } });
    if (!res.ok) throw await toApiError(res);
    openPrintJob(await res.blob(), `manifest-${id}.pdf`);
  };

  const scan = async (value: string) => {
    if (!value.trim()) return;
    setCode('');
    try {
      const out = await call(
        client.api.desk['dock-scans'].$post({
          json: { code: value.trim(), ...(manifestId ? { manifestId } : {}) },
        }),
      );
      deskFeedback.play('ok');
      setResult({
        ok: true,
        text: t('deskDockOk', { tracking: out.trackingNumber, remaining: out.remaining }),
      });
      manifests.reload();
    } catch (err) {
      deskFeedback.play('error');
      setResult({ ok: false, text: err instanceof ApiError ? err.detail : String(err) });
    }
    input.current?.focus();
  };

  return (
    <section className="card" data-testid="dock-panel">
      <h2>{t('deskManifests')}</h2>
      {manifests.error ? <ErrorNotice error={manifests.error} onRetry={manifests.reload} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <ul className="plain-list">
        {manifests.data?.waiting.map((w) => (
          <li key={w.carrierCode} data-testid="manifest-waiting">
            {w.carrierName} — {t('deskWaiting', { count: w.parcels })}{' '}
            <button type="button" className="button" onClick={() => void close(w.carrierCode)}>
              {t('deskCloseManifest')}
            </button>
          </li>
        ))}
        {manifests.data?.manifests.map((m) => (
          <li key={m.id} data-testid="manifest">
            {m.carrierName} · {formatDateTime(m.closedAt)} ·{' '}
            {t('deskScannedOut', { done: m.scannedOut, total: m.parcelCount })}{' '}
            <button type="button" className="button button-quiet" onClick={() => void openManifest(m.id)}>
              {t('deskManifestPdf')}
            </button>
          </li>
        ))}
      </ul>
      <h2>{t('deskDock')}</h2>
      <p className="muted">{t('deskDockHint')}</p>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          void scan(code);
        }}
      >
        <label className="field-inline">
          {t('deskDockManifest')}
          <select value={manifestId} onChange={(e) => setManifestId(e.target.value)}>
            <option value="">{t('deskAnyManifest')}</option>
            {manifests.data?.manifests.map((m) => (
              <option key={m.id} value={m.id}>
                {m.carrierName} · {formatDateTime(m.closedAt)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          {t('deskDockScan')}
          <input
            ref={input}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            data-testid="dock-scan"
          />
        </label>
      </form>
      {result ? (
        <p
          className={result.ok ? 'notice' : 'notice notice-error'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="dock-result"
        >
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
