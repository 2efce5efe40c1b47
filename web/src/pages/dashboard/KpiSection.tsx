import { call, client, type SuccessBody } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t, tCode } from '../../i18n.js';
import { usePolling } from '../../use-polling.js';
import { SectionHead } from './CsvLink.js';
import { formatPercent } from './dashboard-format.js';
import { type Drill, KpiOrders } from './KpiOrders.js';

type ChannelKpis = SuccessBody<Awaited<ReturnType<typeof client.api.dashboard.kpis.$get>>>[number];
type Figure = ChannelKpis['kpis'][number];

const thresholdText = (k: Figure) =>
  k.threshold === null
    ? t('dashNoThreshold')
    : t(k.statedAs === 'min' ? 'dashThresholdMin' : 'dashThresholdMax', {
        value: formatPercent(k.threshold),
      });

/**
 * Per channel, every KPI its marketplace judges it by, next to that marketplace's threshold and coloured
 * by how near it is; a click lists the orders behind the figure.
 */
export function KpiSection({ drill, onDrill }: { drill: Drill | null; onDrill(d: Drill | null): void }) {
  const kpis = usePolling(() => call(client.api.dashboard.kpis.$get()), 'dashboard:kpis', 60_000);
  return (
    <section className="dash-section" aria-labelledby="dash-kpis" data-testid="dash-kpis">
      <SectionHead id="dash-kpis" title={t('dashKpisTitle')} table="kpis" />
      {kpis.error ? <ErrorNotice error={kpis.error} onRetry={kpis.reload} /> : null}
      {!kpis.data && !kpis.error ? <p className="muted">{t('loading')}</p> : null}
      {kpis.data?.length === 0 ? <p className="notice">{t('dashKpisNone')}</p> : null}
      {kpis.data?.map((channel) => (
        <div key={channel.channelId} className="card dash-channel" data-testid="kpi-channel">
          <div className="dash-channel-head">
            <h3>{channel.channelName}</h3>
            <span className="muted small">
              {channel.channelType} ·{' '}
              {t(channel.basis === 'marketplace' ? 'dashBasisMarketplace' : 'dashBasisInternal')}
            </span>
          </div>
          <div className="dash-tiles">
            {channel.kpis.map((k) => {
              const isOpen =
                drill?.channelId === channel.channelId &&
                drill.kpi === k.kpi &&
                drill.windowDays === k.windowDays;
              return (
                <button
                  type="button"
                  key={`${k.kpi}:${k.windowDays}`}
                  className={`dash-tile dash-level-${k.level.replace('_', '-')}`}
                  aria-pressed={isOpen}
                  title={k.source === '—' ? undefined : k.source}
                  onClick={() =>
                    onDrill(
                      isOpen ? null : { channelId: channel.channelId, kpi: k.kpi, windowDays: k.windowDays },
                    )
                  }
                  data-testid="kpi-tile"
                  data-channel={channel.channelId}
                  data-kpi={k.kpi}
                  data-window={k.windowDays}
                  data-level={k.level}
                >
                  <span className="dash-tile-name">
                    {tCode('kpi', k.kpi)} · {t('dashDays', { days: k.windowDays })}
                  </span>
                  <span className="dash-tile-rate" data-testid="kpi-rate">
                    {formatPercent(k.rate)}
                  </span>
                  <span className="dash-tile-threshold">{thresholdText(k)}</span>
                  <span className="dash-tile-level">{tCode('kpiLevel', k.level)}</span>
                  <span className="dash-tile-count muted small" data-testid="kpi-count">
                    {k.denominator === 0
                      ? t('dashNoOrdersInWindow')
                      : t(`kpiDefects.${k.kpi}`, { numerator: k.numerator, denominator: k.denominator })}
                  </span>
                </button>
              );
            })}
          </div>
          {drill?.channelId === channel.channelId ? (
            <KpiOrders drill={drill} channelName={channel.channelName} onClose={() => onDrill(null)} />
          ) : null}
        </div>
      ))}
    </section>
  );
}
