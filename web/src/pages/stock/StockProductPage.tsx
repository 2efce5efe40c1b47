import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Link } from '../../components/Link.js';
import { formatDateTime } from '../../format.js';
import { t, tCode } from '../../i18n.js';
import { usePolling } from '../../use-polling.js';

/** One product: totals, what each bin holds, what each channel is shown, and the ledger. */
export function StockProductPage({ id }: { id: string }) {
  const stock = usePolling(
    () => call(client.api.stock[':productId'].$get({ param: { productId: id } })),
    `stock:${id}`,
    15_000,
  );
  const s = stock.data;
  return (
    <main className="page">
      <p>
        <Link href="/stock">{t('stockBack')}</Link>
      </p>
      {stock.error ? <ErrorNotice error={stock.error} onRetry={stock.reload} /> : null}
      {!s && !stock.error ? <p className="muted">{t('loading')}</p> : null}
      {s ? (
        <>
          <section className="card" data-testid="stock-summary">
            <h1 className="mono">{s.sku}</h1>
            <p>{s.name}</p>
            <dl className="facts">
              <div>
                <dt>{t('stockOnHand')}</dt>
                <dd data-testid="stock-on-hand">{s.onHand}</dd>
              </div>
              <div>
                <dt>{t('stockReserved')}</dt>
                <dd data-testid="stock-reserved">{s.reserved}</dd>
              </div>
              <div>
                <dt>{t('stockAvailable')}</dt>
                <dd className="strong" data-testid="stock-available">
                  {s.available}
                </dd>
              </div>
              <div>
                <dt>{t('stockBarcodes')}</dt>
                <dd className="mono">{s.barcodes.join(', ') || '—'}</dd>
              </div>
            </dl>
          </section>
          <section className="card">
            <h2>{t('stockChannels')}</h2>
            <table className="table" data-testid="stock-channels">
              <thead>
                <tr>
                  <th>{t('channel')}</th>
                  <th className="num">{t('stockShouldShow')}</th>
                  <th className="num">{t('stockShows')}</th>
                  <th>{t('stockRule')}</th>
                </tr>
              </thead>
              <tbody>
                {s.channels.map((c) => (
                  <tr key={c.channelId}>
                    <td data-label={t('channel')}>{c.channelName}</td>
                    <td data-label={t('stockShouldShow')} className="num">
                      {c.quantity}
                    </td>
                    <td data-label={t('stockShows')} className="num">
                      {c.pushedQuantity ?? '—'}
                      {c.pushedAt ? <span className="muted"> · {formatDateTime(c.pushedAt)}</span> : null}
                      {c.lastError ? <span className="badge badge-backordered">{c.lastError}</span> : null}
                    </td>
                    <td data-label={t('stockRule')} className="muted">
                      {t('stockRuleText', {
                        buffer: c.rule.bufferUnits,
                        share: c.rule.sharePercent,
                        cap: c.rule.capUnits ?? '∞',
                        zero: c.rule.zeroBelow,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h2>{t('stockBins')}</h2>
            <table className="table" data-testid="stock-bins">
              <thead>
                <tr>
                  <th>{t('stockBin')}</th>
                  <th className="num">{t('stockOnHand')}</th>
                  <th className="num">{t('stockReserved')}</th>
                  <th className="num">{t('stockAvailable')}</th>
                </tr>
              </thead>
              <tbody>
                {s.bins.map((b) => (
                  <tr key={b.binId}>
                    <td data-label={t('stockBin')} className="mono">
                      {b.warehouseCode} · {b.binCode}
                    </td>
                    <td data-label={t('stockOnHand')} className="num">
                      {b.onHand}
                    </td>
                    <td data-label={t('stockReserved')} className="num">
                      {b.reserved}
                    </td>
                    <td data-label={t('stockAvailable')} className="num">
                      {b.available}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card">
            <h2>{t('stockMovements')}</h2>
            <table className="table" data-testid="stock-movements">
              <thead>
                <tr>
                  <th>{t('stockWhen')}</th>
                  <th>{t('stockBin')}</th>
                  <th>{t('stockReason')}</th>
                  <th className="num">{t('stockDelta')}</th>
                  <th>{t('stockReference')}</th>
                </tr>
              </thead>
              <tbody>
                {s.movements.map((m) => (
                  <tr key={m.id} data-testid="stock-movement">
                    <td data-label={t('stockWhen')}>{formatDateTime(m.createdAt)}</td>
                    <td data-label={t('stockBin')} className="mono">
                      {m.binCode}
                    </td>
                    <td data-label={t('stockReason')}>{tCode('movementReason', m.reason)}</td>
                    <td data-label={t('stockDelta')} className="num strong">
                      {m.delta > 0 ? `+${m.delta}` : m.delta}
                    </td>
                    <td data-label={t('stockReference')} className="mono muted">
                      {[m.reference, m.lot, m.expiresOn].filter(Boolean).join(' · ') || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </main>
  );
}
