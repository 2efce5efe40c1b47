import type { client, SuccessBody } from '../api.js';
import { Link } from '../components/Link.js';
import { ShipBy } from '../components/ShipBy.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { formatMoney } from '../format.js';
import { t } from '../i18n.js';
import { navigate } from '../router.js';

export type QueuePage = SuccessBody<Awaited<ReturnType<typeof client.api.orders.$get>>>;
type QueueItem = QueuePage['items'][number];

/** One row per order in the API's order (earliest ship-by first); a tap anywhere on the row opens it. */
export function QueueTable({ items, now }: { items: QueueItem[]; now: Date }) {
  if (items.length === 0) return <p className="notice">{t('noOrders')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-clickable" data-testid="queue-table">
        <thead>
          <tr>
            <th>{t('shipBy')}</th>
            <th>{t('order')}</th>
            <th>{t('channel')}</th>
            <th>{t('buyer')}</th>
            <th>{t('status')}</th>
            <th className="num">{t('units')}</th>
            <th className="num">{t('total')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr
              key={o.id}
              data-testid="queue-row"
              data-order-id={o.id}
              data-external-id={o.externalId}
              onClick={() => navigate(`/orders/${encodeURIComponent(o.id)}`)}
            >
              <td data-label={t('shipBy')}>
                <ShipBy iso={o.shipBy} now={now} />
              </td>
              <td data-label={t('order')}>
                <Link
                  href={`/orders/${encodeURIComponent(o.id)}`}
                  className="strong"
                  data-testid="queue-order-link"
                >
                  {o.externalId}
                </Link>
              </td>
              <td data-label={t('channel')}>{o.channelName}</td>
              <td data-label={t('buyer')}>{o.buyerName}</td>
              <td data-label={t('status')}>
                <StatusBadge kind="orderStatus" status={o.status} />
                {o.hasBackorder ? <span className="badge badge-backordered">{t('backorder')}</span> : null}
              </td>
              <td data-label={t('units')} className="num">
                {o.units}
              </td>
              <td data-label={t('total')} className="num">
                {formatMoney(o.totalMinor, o.currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
