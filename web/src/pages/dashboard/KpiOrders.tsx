import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Link } from '../../components/Link.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatDateTime } from '../../format.js';
import { t, tCode } from '../../i18n.js';
import { navigate } from '../../router.js';
import { usePolling } from '../../use-polling.js';
import { CsvLink } from './CsvLink.js';

export type KpiName =
  | 'late_shipment'
  | 'cancellation'
  | 'valid_tracking'
  | 'on_time_delivery'
  | 'return_rate';
export const kpiNames: readonly KpiName[] = [
  'late_shipment',
  'cancellation',
  'valid_tracking',
  'on_time_delivery',
  'return_rate',
];

/** Which figure's orders are open: kept in the URL (`?kpi=channel,kpi,days`) so Back closes it. */
export interface Drill {
  channelId: string;
  kpi: KpiName;
  windowDays: number;
}

export function parseDrill(value: string | null): Drill | null {
  const [channelId, kpi, days] = (value ?? '').split(',');
  const windowDays = Number(days);
  if (!channelId || !kpiNames.includes(kpi as KpiName) || !Number.isInteger(windowDays)) return null;
  return { channelId, kpi: kpi as KpiName, windowDays };
}
export const drillParam = (d: Drill) => `${d.channelId},${d.kpi},${d.windowDays}`;

const shown = 100;

/** The orders behind one KPI figure (the late, the cancelled, the untracked…), each a link to its page. */
export function KpiOrders({
  drill,
  channelName,
  onClose,
}: {
  drill: Drill;
  channelName: string;
  onClose(): void;
}) {
  const query = { channelId: drill.channelId, kpi: drill.kpi, windowDays: String(drill.windowDays) };
  const list = usePolling(
    () => call(client.api.dashboard.kpis.orders.$get({ query: { ...query, limit: String(shown) } })),
    `dashboard:kpi-orders:${drillParam(drill)}`,
  );
  return (
    <div className="dash-drill" data-testid="kpi-orders">
      <div className="dash-head">
        <h3>
          {t(`kpiDefectsTitle.${drill.kpi}`)} · {channelName} · {t('dashDays', { days: drill.windowDays })}
          {list.data ? <span data-testid="kpi-orders-total"> ({list.data.total})</span> : null}
        </h3>
        <div className="dash-head-tools">
          <CsvLink table="kpi-orders" query={query} />
          <button type="button" className="button" onClick={onClose} data-testid="kpi-orders-close">
            {t('dashClose')}
          </button>
        </div>
      </div>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <p className="muted">{t('loading')}</p> : null}
      {list.data?.total === 0 ? <p className="muted">{t('dashKpiOrdersNone')}</p> : null}
      {list.data && list.data.total > list.data.orders.length ? (
        <p className="muted small">
          {t('dashKpiOrdersMore', { shown: list.data.orders.length, total: list.data.total })}
        </p>
      ) : null}
      {list.data?.orders.length ? (
        <div className="table-wrap">
          <table className="table table-clickable">
            <thead>
              <tr>
                <th>{t('order')}</th>
                <th>{t('status')}</th>
                <th>{t('placedAt')}</th>
                <th>{t('shipBy')}</th>
                <th>{t('shippedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.orders.map((o) => (
                <tr
                  key={o.orderId}
                  data-testid="kpi-order-row"
                  onClick={() => navigate(`/orders/${encodeURIComponent(o.orderId)}`)}
                >
                  <td data-label={t('order')}>
                    <Link
                      href={`/orders/${encodeURIComponent(o.orderId)}`}
                      className="strong mono"
                      data-testid="kpi-order-link"
                    >
                      {o.externalId}
                    </Link>
                  </td>
                  <td data-label={t('status')}>
                    <StatusBadge kind="orderStatus" status={o.status} />
                  </td>
                  <td data-label={t('placedAt')}>{formatDateTime(o.placedAt)}</td>
                  <td data-label={t('shipBy')}>{o.shipBy ? formatDateTime(o.shipBy) : '—'}</td>
                  <td data-label={t('shippedAt')}>{o.shippedAt ? formatDateTime(o.shippedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="muted small">{tCode('kpiExplain', drill.kpi)}</p>
    </div>
  );
}
