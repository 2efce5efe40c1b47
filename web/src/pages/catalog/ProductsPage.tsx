import { Fragment, useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatMoney } from '../../format.js';
import { t } from '../../i18n.js';
import { navigate, useSearch } from '../../router.js';
import { usePolling } from '../../use-polling.js';
import { CatalogNav } from './CatalogNav.js';
import { offerState } from './catalog-format.js';
import { ProductChannels, StatusBadge } from './ProductChannels.js';
import { ProductImport } from './ProductImport.js';

const pageSize = 25;

/** The catalogue: search, a page at a time, each product's price and status on every channel; ERP import. */
export function ProductsPage() {
  const q = new URLSearchParams(useSearch()).get('q') ?? '';
  const [draft, setDraft] = useState(q);
  // Cursor pagination: the last SKU of each page seen, so "previous" goes back without offsets.
  const [cursors, setCursors] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const after = cursors.at(-1);
  const page = usePolling(
    () =>
      call(
        client.api.catalog.products.$get({
          query: { limit: String(pageSize), ...(q ? { q } : {}), ...(after ? { after } : {}) },
        }),
      ),
    `catalog:${q}:${after ?? ''}`,
  );

  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('catProductsTitle')}</h1>
        <p className="muted">{t('catProductsHint')}</p>
      </div>
      <CatalogNav />
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          setCursors([]);
          navigate(`/catalog?q=${encodeURIComponent(draft.trim())}`, { replace: true });
        }}
      >
        <input
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('catSearchPlaceholder')}
          aria-label={t('catSearchPlaceholder')}
          data-testid="catalog-search"
        />
      </form>
      {page.error ? <ErrorNotice error={page.error} onRetry={page.reload} /> : null}
      {!page.data && !page.error ? <p className="muted">{t('loading')}</p> : null}
      {page.data?.length === 0 ? <p className="notice">{t('catNoProducts')}</p> : null}
      {page.data?.length ? (
        <div className="table-wrap">
          <table className="table table-clickable" data-testid="catalog-table">
            <thead>
              <tr>
                <th>{t('sku')}</th>
                <th>{t('item')}</th>
                <th className="num">{t('catBasePrice')}</th>
                <th className="num">{t('catCost')}</th>
                <th className="num">{t('stockAvailable')}</th>
                <th>{t('catChannels')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((p) => (
                <Fragment key={p.productId}>
                  <tr
                    data-testid="catalog-row"
                    data-sku={p.sku}
                    aria-expanded={open === p.productId}
                    onClick={() => setOpen(open === p.productId ? null : p.productId)}
                  >
                    <td data-label={t('sku')} className="strong mono">
                      {p.sku}
                    </td>
                    <td data-label={t('item')}>
                      {p.name}
                      {p.category ? <span className="muted small"> · {p.category}</span> : null}
                    </td>
                    <td data-label={t('catBasePrice')} className="num">
                      {formatMoney(p.basePrice, p.currency)}
                    </td>
                    <td data-label={t('catCost')} className="num">
                      {p.cost === null ? '—' : formatMoney(p.cost, p.currency)}
                    </td>
                    <td data-label={t('stockAvailable')} className="num">
                      {p.available}
                    </td>
                    <td data-label={t('catChannels')}>
                      {p.channels.map((c) => (
                        <span key={c.channelId} className="cat-chip" title={c.channelName}>
                          <span className="small">{c.channelName}</span>{' '}
                          <StatusBadge status={offerState(c).status} />
                        </span>
                      ))}
                    </td>
                  </tr>
                  {open === p.productId ? (
                    <tr className="cat-detail-row">
                      <td colSpan={6}>
                        <ProductChannels product={p} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="cat-row">
        <button
          type="button"
          className="button"
          disabled={cursors.length === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
          data-testid="catalog-prev"
        >
          {t('catPrevious')}
        </button>
        <button
          type="button"
          className="button"
          disabled={(page.data?.length ?? 0) < pageSize}
          onClick={() => {
            const last = page.data?.at(-1)?.sku;
            if (last) setCursors([...cursors, last]);
          }}
          data-testid="catalog-next"
        >
          {t('catNext')}
        </button>
      </div>
      <ProductImport onImported={page.reload} />
    </main>
  );
}
