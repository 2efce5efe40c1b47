import { useState } from 'react';
import { t } from '../../i18n.js';
import { navigate, useSearch } from '../../router.js';
import { useSession } from '../../session.js';
import { AlertSettingsForm } from './AlertSettingsForm.js';
import { AlertsSection } from './AlertsSection.js';
import { warehouseTimeZone } from './dashboard-format.js';
import { drillParam, parseDrill } from './KpiOrders.js';
import { KpiSection } from './KpiSection.js';
import { PeakSection } from './PeakSection.js';
import { TodaySection } from './TodaySection.js';
import { WarehouseSection } from './WarehouseSection.js';

const sections = [
  ['dash-kpis', 'dashKpisTitle'],
  ['dash-alerts', 'dashAlertsNav'],
  ['dash-today', 'dashTodayTitle'],
  ['dash-warehouse', 'dashWarehouseTitle'],
  ['dash-peak', 'dashPeakTitle'],
] as const;

/** The seller's dashboard: how each marketplace sees the shop, today's work, the warehouse, the seasons. */
export function DashboardPage() {
  const { user } = useSession();
  const drill = parseDrill(new URLSearchParams(useSearch()).get('kpi'));
  const [timeZone] = useState(warehouseTimeZone);
  return (
    <main className="page dash-page" data-testid="dashboard">
      <div className="page-head">
        <h1>{t('dashTitle')}</h1>
        <p className="muted">{t('dashHint', { tz: timeZone })}</p>
        <nav className="dash-nav" aria-label={t('dashTitle')}>
          {sections.map(([id, key]) => (
            <a key={id} href={`#${id}`}>
              {t(key)}
            </a>
          ))}
        </nav>
      </div>
      <KpiSection
        drill={drill}
        onDrill={(d) => navigate(d ? `/dashboard?kpi=${encodeURIComponent(drillParam(d))}` : '/dashboard')}
      />
      <AlertsSection />
      <TodaySection timeZone={timeZone} />
      <WarehouseSection />
      <PeakSection timeZone={timeZone} />
      {user.role === 'admin' ? <AlertSettingsForm /> : null}
    </main>
  );
}
