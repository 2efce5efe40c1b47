import { ErrorNotice } from '../components/ErrorNotice.js';
import { Link } from '../components/Link.js';
import { t } from '../i18n.js';
import { loadOrder } from '../order-detail.js';
import { usePolling } from '../use-polling.js';
import { AfterSalesPanel } from './AfterSalesPanel.js';
import { OrderDeskActions } from './desk/OrderDeskActions.js';
import { EventTimeline } from './EventTimeline.js';
import { OrderHeader } from './OrderHeader.js';
import { OrderLines } from './OrderLines.js';
import { PutBackBanner } from './PutBackBanner.js';
import { ShipmentList } from './ShipmentList.js';

const refreshMs = 10_000;

export function OrderPage({ id }: { id: string }) {
  const order = usePolling(() => loadOrder(id), id, refreshMs);
  return (
    <main className="page">
      <Link href="/" className="back-link">
        ← {t('back')}
      </Link>
      {order.error ? <ErrorNotice error={order.error} onRetry={order.reload} /> : null}
      {order.data ? (
        <>
          <OrderHeader order={order.data} now={order.updatedAt ?? new Date()} />
          <PutBackBanner lines={order.data.lines} />
          <OrderLines lines={order.data.lines} />
          <ShipmentList shipments={order.data.shipments} />
          <OrderDeskActions order={order.data} onChanged={order.reload} />
          <AfterSalesPanel orderId={id} refreshKey={order.updatedAt} />
          <EventTimeline events={order.data.events} />
        </>
      ) : order.error ? null : (
        <p className="muted">{t('loading')}</p>
      )}
    </main>
  );
}
