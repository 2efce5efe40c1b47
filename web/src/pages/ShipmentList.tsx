import { StatusBadge } from '../components/StatusBadge.js';
import { formatDateTime, formatWeight } from '../format.js';
import { t } from '../i18n.js';
import type { Shipment } from '../order-detail.js';

export function ShipmentList({ shipments }: { shipments: Shipment[] }) {
  return (
    <section className="card">
      <h2>{t('shipments')}</h2>
      {shipments.length === 0 ? <p className="muted">{t('noShipments')}</p> : null}
      {shipments.map((s) => (
        <article key={s.id} className="shipment" data-testid="shipment" data-shipment-id={s.id}>
          <div className="shipment-head">
            <strong data-testid="shipment-carrier">
              {s.carrierName} <span className="muted">({s.service})</span>
            </strong>
            <StatusBadge kind="shipmentStatus" status={s.status} />
          </div>
          <dl className="facts">
            <div>
              <dt>{t('pushStatus')}</dt>
              <dd data-testid="shipment-push-status">
                <StatusBadge kind="pushStatus" status={s.channelPushStatus} />
                {s.channelPushError ? <span className="error-text"> {s.channelPushError}</span> : null}
              </dd>
            </div>
            {s.shippedAt ? (
              <div>
                <dt>{t('shippedAt')}</dt>
                <dd>{formatDateTime(s.shippedAt)}</dd>
              </div>
            ) : null}
          </dl>
          <ul className="parcels">
            {s.parcels.map((p) => (
              <li key={p.id} className="parcel" data-testid="parcel">
                <div>
                  <span className="muted small">{t('trackingNumber')}</span>
                  <span className="tracking mono" data-testid="tracking-number">
                    {p.trackingNumber}
                  </span>
                  <span className="muted small">
                    {formatWeight(p.weightGrams)} · {p.labelFormat.toUpperCase()}
                  </span>
                </div>
                <a
                  className="button button-primary"
                  href={p.labelUrl}
                  download={`${p.trackingNumber}.${p.labelFormat}`}
                  data-testid="download-label"
                >
                  {t('downloadLabel')}
                </a>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
