import { ShipBy } from '../components/ShipBy.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { formatDateTime, formatMoney } from '../format.js';
import { t } from '../i18n.js';
import type { OrderDetail } from '../order-detail.js';

export function OrderHeader({ order, now }: { order: OrderDetail; now: Date }) {
  const address = order.shippingAddress;
  return (
    <section className="card order-header" data-testid="order-header">
      <div className="order-title">
        <h1 data-testid="order-external-id">{order.externalId}</h1>
        <StatusBadge kind="orderStatus" status={order.status} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t('channel')}</dt>
          <dd data-testid="order-channel">{order.channel.name}</dd>
        </div>
        <div>
          <dt>{t('shipBy')}</dt>
          <dd>
            <ShipBy iso={order.shipBy} now={now} />
          </dd>
        </div>
        <div>
          <dt>{t('buyer')}</dt>
          <dd data-testid="order-buyer">{order.buyer.name}</dd>
        </div>
        <div>
          <dt>{t('placedAt')}</dt>
          <dd>{formatDateTime(order.placedAt)}</dd>
        </div>
        <div>
          <dt>{t('channelStatus')}</dt>
          <dd>{order.channelStatus}</dd>
        </div>
        <div>
          <dt>{t('serviceLevel')}</dt>
          <dd>{order.serviceLevel ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('total')}</dt>
          <dd>{formatMoney(order.totalMinor, order.currency)}</dd>
        </div>
      </dl>
      {address ? (
        <div className="address">
          <h2>{t('shippingAddress')}</h2>
          <address data-testid="order-address">
            {[
              address.name,
              address.company,
              address.line1,
              address.line2,
              `${address.postalCode} ${address.city}`,
              address.countryCode,
            ]
              .filter(Boolean)
              .map((line) => (
                <span key={line} className="address-line">
                  {line}
                </span>
              ))}
            {address.phone ? (
              <span className="address-line muted">
                {t('phone')}: {address.phone}
              </span>
            ) : null}
          </address>
        </div>
      ) : null}
    </section>
  );
}
