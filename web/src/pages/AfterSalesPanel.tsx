import { useEffect, useState } from 'react';
import { call, client } from '../api.js';
import { formatDateTime, formatMoney } from '../format.js';
import { t, tCode } from '../i18n.js';

const getAfterSales = client.api.orders[':id']['after-sales'].$get;
type AfterSales = Awaited<ReturnType<typeof loadAfterSales>>;
const loadAfterSales = (id: string) => call(getAfterSales({ param: { id } }));

/**
 * What customer service is asked about, in one look: where each parcel is (with the carrier's tracking
 * link), what came back, and what was refunded, why, and whether the channel has it.
 */
export function AfterSalesPanel({ orderId, refreshKey }: { orderId: string; refreshKey?: unknown }) {
  const [data, setData] = useState<AfterSales | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads whenever the order page refreshes
  useEffect(() => {
    let isLive = true;
    loadAfterSales(orderId)
      .then((d) => isLive && setData(d))
      .catch(() => undefined);
    return () => {
      isLive = false;
    };
  }, [orderId, refreshKey]);
  if (!data) return null;
  return (
    <section className="card" data-testid="after-sales">
      <h2>{t('afterSalesTitle')}</h2>
      {data.parcels.length ? (
        <ul className="plain-list">
          {data.parcels.map((p) => (
            <li key={p.parcelId} data-testid="after-sales-parcel" data-status={p.status ?? ''}>
              <span className="mono">{p.trackingNumber}</span> · {p.carrierName}
              {p.status ? ` · ${tCode('parcelStatus', p.status)}` : ''}
              {p.deliveredAt ? ` · ${formatDateTime(p.deliveredAt)}` : ''}
              {p.trackingUrl ? (
                <>
                  {' · '}
                  <a href={p.trackingUrl} target="_blank" rel="noreferrer noopener">
                    {t('afterSalesTrack')}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {data.returns.length === 0 && data.refunds.length === 0 ? (
        <p className="muted">{t('afterSalesNothing')}</p>
      ) : null}
      {data.returns.map((r) => (
        <p key={r.id} className="small" data-testid="after-sales-return">
          {t('afterSalesReturns')}:{' '}
          {r.items
            .map(
              (i) =>
                `${i.sku} ×${i.quantity} ${tCode('returnCondition', i.condition)} → ${tCode('returnDecision', i.decision)}`,
            )
            .join(' · ')}
        </p>
      ))}
      {data.refunds.map((r) => (
        <p key={r.id} className="small" data-testid="after-sales-refund" data-status={r.pushStatus}>
          {t('afterSalesRefunds')}: {formatMoney(r.totalMinor, data.currency)} —{' '}
          {tCode('refundReason', r.reason)}
          {r.note ? ` (${r.note})` : ''} — {tCode('refundStatus', r.pushStatus)}
          {r.pushError ? ` — ${r.pushError}` : ''}
        </p>
      ))}
    </section>
  );
}
