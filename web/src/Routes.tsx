import { lazy, Suspense } from 'react';
import { t } from './i18n.js';
import { FeedRunsPage } from './pages/catalog/FeedRunsPage.js';
import { PriceRulesPage } from './pages/catalog/PriceRulesPage.js';
import { ProductsPage } from './pages/catalog/ProductsPage.js';
import { ChannelsPage } from './pages/channels/ChannelsPage.js';
import { DeskPage } from './pages/desk/DeskPage.js';
import { RulesPage } from './pages/desk/RulesPage.js';
import { ManualOrderPage } from './pages/manual/ManualOrderPage.js';
import { OrderPage } from './pages/OrderPage.js';
import { ParkedPage } from './pages/ParkedPage.js';
import { PackPage } from './pages/pack/PackPage.js';
import { PickWavePage } from './pages/pick/PickWavePage.js';
import { WaveListPage } from './pages/pick/WaveListPage.js';
import { QueuePage } from './pages/QueuePage.js';
import { ReturnsBenchPage } from './pages/returns/ReturnsBenchPage.js';
import { StockPage } from './pages/stock/StockPage.js';
import { StockProductPage } from './pages/stock/StockProductPage.js';
import { matchRoute, usePath } from './router.js';

// Charts are heavy and only the desk needs them: the dashboard loads on its first visit.
const DashboardPage = lazy(() =>
  import('./pages/dashboard/DashboardPage.js').then((m) => ({ default: m.DashboardPage })),
);

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
    case 'pack':
      return <PackPage />;
    case 'pickWave':
      return <PickWavePage key={route.id} id={route.id} />;
    case 'stock':
      return <StockPage />;
    case 'stockProduct':
      return <StockProductPage key={route.id} id={route.id} />;
    case 'manual':
      return <ManualOrderPage />;
    case 'returns':
      return <ReturnsBenchPage />;
    case 'desk':
      return <DeskPage />;
    case 'shippingRules':
      return <RulesPage />;
    case 'dashboard':
      return (
        <Suspense fallback={<p className="page muted">{t('loading')}</p>}>
          <DashboardPage />
        </Suspense>
      );
    case 'catalog':
      return <ProductsPage />;
    case 'catalogRules':
      return <PriceRulesPage />;
    case 'catalogFeeds':
      return <FeedRunsPage />;
    case 'notFound':
      return (
        <main className="page">
          <p className="notice">{t('notFound')}</p>
        </main>
      );
  }
}
