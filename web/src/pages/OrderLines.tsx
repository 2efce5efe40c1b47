import { StatusBadge } from '../components/StatusBadge.js';
import { t } from '../i18n.js';
import type { OrderLine } from '../order-detail.js';

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
            {lines.map((l) => (
              <tr key={l.id} data-testid="order-line">
                <td data-label={t('sku')} className="mono">
                  {l.sku}
                </td>
                <td data-label={t('item')}>{l.title}</td>
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
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
