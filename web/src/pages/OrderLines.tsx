import { StatusBadge } from '../components/StatusBadge.js';
import { t } from '../i18n.js';
import type { OrderLine } from '../order-detail.js';
import { cancelledUnits } from './cancelled-units.js';

/** Quantities as "done / ordered", so a half-picked line is obvious at a glance. */
export function OrderLines({ lines }: { lines: OrderLine[] }) {
  const progress = (done: number, of: number) => (
    <span className={done >= of ? 'qty-done' : done > 0 ? 'qty-partial' : 'qty-none'}>
      {done} / {of}
    </span>
  );
  return (
    <section className="card">
      <h2>{t('lines')}</h2>
      <div className="table-wrap">
        <table className="table" data-testid="order-lines">
          <thead>
            <tr>
              <th>{t('sku')}</th>
              <th>{t('item')}</th>
              <th className="num">{t('quantity')}</th>
              <th className="num">{t('picked')}</th>
              <th className="num">{t('packed')}</th>
              <th className="num">{t('shipped')}</th>
              <th>{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const cancelled = cancelledUnits(l);
              return (
                <tr
                  key={l.id}
                  data-testid="order-line"
                  data-sku={l.sku}
                  className={cancelled.isWhole ? 'line-cancelled' : undefined}
                >
                  <td data-label={t('sku')} className="mono">
                    {l.sku}
                  </td>
                  <td data-label={t('item')}>
                    <span className="line-title">{l.title}</span>
                    {cancelled.cancelled > 0 ? (
                      <span className="line-cancel-note" data-testid="line-cancelled">
                        {t('lineCancelledUnits', {
                          cancelled: cancelled.cancelled,
                          ordered: cancelled.ordered,
                        })}
                      </span>
                    ) : null}
                    {l.quantityCancelledPicked > 0 ? (
                      <span className="line-cancel-note line-put-back" data-testid="line-put-back">
                        {t('lineCancelledPicked', { count: l.quantityCancelledPicked })}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={t('quantity')} className="num strong">
                    {l.quantity}
                  </td>
                  <td data-label={t('picked')} className="num">
                    {progress(l.quantityPicked, l.quantity)}
                  </td>
                  <td data-label={t('packed')} className="num">
                    {progress(l.quantityPacked, l.quantity)}
                  </td>
                  <td data-label={t('shipped')} className="num">
                    {progress(l.quantityShipped, l.quantity)}
                  </td>
                  <td data-label={t('status')}>
                    <StatusBadge kind="lineStatus" status={l.status} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
