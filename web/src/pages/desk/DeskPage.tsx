import { Link } from '../../components/Link.js';
import { t } from '../../i18n.js';
import { DockPanel } from './DockPanel.js';
import { PrintQueue } from './PrintQueue.js';

/** The shipping desk: labels to print by carrier and service, manifests and the dock. */
export function DeskPage() {
  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('deskTitle')}</h1>
        <p className="muted">
          {t('deskHint')} <Link href="/desk/rules">{t('navRules')}</Link>
        </p>
      </div>
      <PrintQueue />
      <DockPanel />
    </main>
  );
}
