import { useEffect, useState } from 'react';
import { type ApiError, call, client, toApiError } from '../../api.js';
import { t } from '../../i18n.js';

interface Report {
  format: string;
  created: { reference: string; orderId: string }[];
  existing: { reference: string }[];
  rejected: string[];
  problems: { line: number; field: string; column: string | null; message: string }[];
}

/** Upload a CSV or XLSX with a saved column mapping; shows what was created and every bad line. */
export function ImportForm() {
  const [mappings, setMappings] = useState<{ id: string; name: string }[]>([]);
  const [mappingId, setMappingId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call(client.api['import-mappings'].$get())
      .then((list) => {
        setMappings(list);
        setMappingId(list[0]?.id ?? '');
      })
      .catch(() => setMappings([]));
  }, []);

  async function upload() {
    if (!file || !mappingId) return;
    setError(null);
    const body = new FormData();
    body.set('file', file);
    body.set('mappingId', mappingId);
    // Multipart goes through fetch: the typed client sends JSON bodies.
    const res = await fetch('/api/manual-orders/import', {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch' },
    });
    if (!res.ok) {
      const err: ApiError = await toApiError(res);
      setReport(null);
      setError(err.detail);
      return;
    }
    setReport((await res.json()) as Report);
  }

  return (
    <section className="stack" data-testid="manual-import">
      <h2>{t('importTitle')}</h2>
      <p className="muted">{t('importHint')}</p>
      <label className="field">
        {t('importMapping')}
        <select value={mappingId} onChange={(e) => setMappingId(e.target.value)}>
          {mappings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {mappings.length === 0 ? <p className="notice">{t('importNoMapping')}</p> : null}
      <input
        type="file"
        accept=".csv,.xlsx,text/csv"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <button type="button" className="button" disabled={!file || !mappingId} onClick={() => void upload()}>
        {t('importSubmit')}
      </button>
      {error ? <p className="notice notice-error">{error}</p> : null}
      {report ? (
        <div data-testid="import-report">
          <p>
            {t('importSummary', {
              created: report.created.length,
              existing: report.existing.length,
              rejected: report.rejected.length,
            })}
          </p>
          {report.problems.length > 0 ? (
            <table className="table">
              <thead>
                <tr>
                  <th className="num">{t('importLine')}</th>
                  <th>{t('importField')}</th>
                  <th>{t('importProblem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p) => (
                  <tr key={`${p.line}-${p.field}`}>
                    <td className="num">{p.line}</td>
                    <td>{p.column ?? p.field}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
