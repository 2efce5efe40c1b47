import { t } from './i18n.js';
import { ChannelsPage } from './pages/channels/ChannelsPage.js';
import { ManualOrderPage } from './pages/manual/ManualOrderPage.js';
import { OrderPage } from './pages/OrderPage.js';
import { ParkedPage } from './pages/ParkedPage.js';
import { PickWavePage } from './pages/pick/PickWavePage.js';
import { WaveListPage } from './pages/pick/WaveListPage.js';
import { QueuePage } from './pages/QueuePage.js';
import { StockPage } from './pages/stock/StockPage.js';
import { StockProductPage } from './pages/stock/StockProductPage.js';
import { matchRoute, usePath } from './router.js';

export function Routes() {
  const route = matchRoute(usePath());
  switch (route.name) {
    case 'queue':
      return <QueuePage />;
    case 'order':
      return <OrderPage id={route.id} />;
    case 'parked':
      return <ParkedPage />;
    case 'channels':
      return <ChannelsPage />;
    case 'pick':
      return <WaveListPage />;
    case 'pickWave':
      return <PickWavePage key={route.id} id={route.id} />;
    case 'stock':
      return <StockPage />;
    case 'stockProduct':
      return <StockProductPage key={route.id} id={route.id} />;
    case 'manual':
      return <ManualOrderPage />;
    case 'notFound':
      return (
        <main className="page">
          <p className="notice">{t('notFound')}</p>
        </main>
      );
  }
}
