import { useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Link } from '../../components/Link.js';
import { t } from '../../i18n.js';
import { navigate, useSearch } from '../../router.js';
import { usePolling } from '../../use-polling.js';

/** Stock search by SKU, EAN (exact) or name; the query lives in the URL so a result can be shared. */
export function StockPage() {
  const q = new URLSearchParams(useSearch()).get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const results = usePolling(() => call(client.api.stock.$get({ query: { q } })), `stock:${q}`, 30_000);
  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('stockTitle')}</h1>
        <p className="muted">{t('stockHint')}</p>
      </div>
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/stock?q=${encodeURIComponent(draft.trim())}`, { replace: true });
        }}
      >
        <input
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('stockSearchPlaceholder')}
          aria-label={t('stockSearchPlaceholder')}
          data-testid="stock-search"
        />
      </form>
      {results.error ? <ErrorNotice error={results.error} onRetry={results.reload} /> : null}
      {!results.data && !results.error ? <p className="muted">{t('loading')}</p> : null}
      {results.data?.length === 0 ? <p className="notice">{t('stockNone')}</p> : null}
      {results.data?.length ? (
        <div className="table-wrap">
          <table className="table table-clickable" data-testid="stock-table">
            <thead>
              <tr>
                <th>{t('sku')}</th>
                <th>{t('item')}</th>
                <th className="num">{t('stockOnHand')}</th>
                <th className="num">{t('stockReserved')}</th>
                <th className="num">{t('stockAvailable')}</th>
              </tr>
            </thead>
            <tbody>
              {results.data.map((p) => (
                <tr
                  key={p.productId}
                  data-testid="stock-row"
                  onClick={() => navigate(`/stock/${encodeURIComponent(p.productId)}`)}
                >
                  <td data-label={t('sku')}>
                    <Link href={`/stock/${encodeURIComponent(p.productId)}`} className="strong mono">
                      {p.sku}
                    </Link>
                  </td>
                  <td data-label={t('item')}>
                    {p.name}
                    {p.barcodes.length ? (
                      <span className="muted mono"> · {p.barcodes.join(', ')}</span>
                    ) : null}
                  </td>
                  <td data-label={t('stockOnHand')} className="num">
                    {p.onHand}
                  </td>
                  <td data-label={t('stockReserved')} className="num">
                    {p.reserved}
                  </td>
                  <td data-label={t('stockAvailable')} className="num strong">
                    {p.available}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </main>
  );
}
