import { t } from './i18n.js';
import { OrderPage } from './pages/OrderPage.js';
import { ParkedPage } from './pages/ParkedPage.js';
import { QueuePage } from './pages/QueuePage.js';
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
    case 'notFound':
      return (
        <main className="page">
          <p className="notice">{t('notFound')}</p>
        </main>
      );
  }
}
