import { t } from '../../i18n.js';
import type { ProductImportResult } from './ProductImport.js';

/** What an import did: counts, the fields each updated SKU changed, and every bad row by line and field. */
export function ImportReport({ report }: { report: ProductImportResult }) {
  return (
    <div className="cat-report" data-testid="import-report">
      <dl className="facts">
        <div>
          <dt>{t('catImportRows')}</dt>
          <dd>{report.rows}</dd>
        </div>
        <div>
          <dt>{t('catImportCreated')}</dt>
          <dd data-testid="import-created">{report.created}</dd>
        </div>
        <div>
          <dt>{t('catImportUpdated')}</dt>
          <dd data-testid="import-updated">{report.updated.length}</dd>
        </div>
        <div>
          <dt>{t('catImportUnchanged')}</dt>
          <dd data-testid="import-unchanged">{report.unchanged}</dd>
        </div>
        <div>
          <dt>{t('catImportBad')}</dt>
          <dd data-testid="import-bad" className={report.problems.length ? 'late' : undefined}>
            {new Set(report.problems.map((p) => p.line)).size}
          </dd>
        </div>
      </dl>
      {report.updated.length > 0 ? (
        <details>
          <summary>{t('catImportUpdatedList')}</summary>
          <ul className="small">
            {report.updated.slice(0, 200).map((u) => (
              <li key={u.line}>
                <span className="mono">{u.sku}</span> ({t('importLine')} {u.line}): {u.fields.join(', ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.problems.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="import-problems">
            <thead>
              <tr>
                <th className="num">{t('importLine')}</th>
                <th>{t('catImportFieldCol')}</th>
                <th>{t('importProblem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.slice(0, 500).map((p) => (
                <tr key={`${p.line}-${p.field}`} data-testid="import-problem">
                  <td className="num" data-label={t('importLine')}>
                    {p.line}
                  </td>
                  <td data-label={t('catImportFieldCol')}>
                    <span className="mono">{p.field}</span>
                    {p.column && p.column !== p.field ? <span className="muted"> ({p.column})</span> : null}
                  </td>
                  <td data-label={t('importProblem')}>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.problems.length > 500 ? (
            <p className="muted small">{t('catImportMore', { count: report.problems.length - 500 })}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
