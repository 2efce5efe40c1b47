import { useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t } from '../../i18n.js';
import { usePolling } from '../../use-polling.js';
import { SectionHead } from './CsvLink.js';
import { formatDecimal, formatPercent } from './dashboard-format.js';

const periods = [1, 7, 30] as const;

/** Picks and units per active hour per picker, pick accuracy, short picks, and import-to-ship time. */
export function WarehouseSection() {
  const [days, setDays] = useState<number>(7);
  const stats = usePolling(
    () => call(client.api.dashboard.warehouse.$get({ query: { days: String(days) } })),
    `dashboard:warehouse:${days}`,
    120_000,
  );
  const data = stats.data;
  const period = (
    <label className="dash-period">
      <span className="muted small">{t('dashPeriod')}</span>
      <select value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="warehouse-days">
        {periods.map((d) => (
          <option key={d} value={d}>
            {t('dashDays', { days: d })}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="dash-section" aria-labelledby="dash-warehouse" data-testid="dash-warehouse">
      <SectionHead
        id="dash-warehouse"
        title={t('dashWarehouseTitle')}
        table="pickers"
        query={{ days: String(days) }}
      >
        {period}
      </SectionHead>
      {stats.error ? <ErrorNotice error={stats.error} onRetry={stats.reload} /> : null}
      {!data && !stats.error ? <p className="muted">{t('loading')}</p> : null}
      {data ? (
        <>
          <div className="dash-totals">
            <Total value={formatDecimal(data.totals.picksPerHour)} label={t('dashPicksPerHour')} />
            <Total value={formatDecimal(data.totals.unitsPerHour)} label={t('dashUnitsPerHour')} />
            <Total
              value={formatPercent(data.totals.accuracy)}
              label={t('dashAccuracy')}
              testId="warehouse-accuracy"
            />
            <Total value={String(data.totals.shortPicks)} label={t('dashShortPicks')} />
          </div>
          {data.pickers.length === 0 ? (
            <p className="muted">{t('dashWarehouseNone')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="pickers">
                <thead>
                  <tr>
                    <th>{t('dashPicker')}</th>
                    <th className="num">{t('dashPicks')}</th>
                    <th className="num">{t('units')}</th>
                    <th className="num">{t('dashActiveHours')}</th>
                    <th className="num">{t('dashPicksPerHour')}</th>
                    <th className="num">{t('dashUnitsPerHour')}</th>
                    <th className="num">{t('dashWrongScans')}</th>
                    <th className="num">{t('dashAccuracy')}</th>
                    <th className="num">{t('dashShortPicks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.pickers.map((p) => (
                    <tr key={p.userId ?? p.name} data-testid="picker-row">
                      <td data-label={t('dashPicker')} className="strong">
                        {p.name}
                      </td>
                      <td data-label={t('dashPicks')} className="num">
                        {p.picks}
                      </td>
                      <td data-label={t('units')} className="num">
                        {p.units}
                      </td>
                      <td data-label={t('dashActiveHours')} className="num">
                        {p.activeHours}
                      </td>
                      <td data-label={t('dashPicksPerHour')} className="num">
                        {formatDecimal(p.picksPerHour)}
                      </td>
                      <td data-label={t('dashUnitsPerHour')} className="num">
                        {formatDecimal(p.unitsPerHour)}
                      </td>
                      <td data-label={t('dashWrongScans')} className="num">
                        {p.wrongScans}
                      </td>
                      <td data-label={t('dashAccuracy')} className="num">
                        {formatPercent(p.accuracy)}
                      </td>
                      <td data-label={t('dashShortPicks')} className="num">
                        {p.shortPicks}
                        {p.shortUnits !== p.shortPicks ? (
                          <span className="muted"> ({t('dashUnitsCount', { count: p.shortUnits })})</span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <SectionHead
            id="dash-import-to-ship"
            level={3}
            title={t('dashImportToShipTitle')}
            table="import-to-ship"
            query={{ days: String(days) }}
          />
          {data.importToShip.length === 0 ? (
            <p className="muted">{t('dashImportToShipNone')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="import-to-ship">
                <thead>
                  <tr>
                    <th>{t('channel')}</th>
                    <th className="num">{t('dashShipped')}</th>
                    <th className="num">{t('dashAverageHours')}</th>
                    <th className="num">{t('dashMedianHours')}</th>
                    <th className="num">{t('dashP90Hours')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.importToShip.map((s) => (
                    <tr key={s.channelId}>
                      <td data-label={t('channel')}>{s.channelName}</td>
                      <td data-label={t('dashShipped')} className="num">
                        {s.shipped}
                      </td>
                      <td data-label={t('dashAverageHours')} className="num">
                        {formatDecimal(s.averageHours)}
                      </td>
                      <td data-label={t('dashMedianHours')} className="num">
                        {formatDecimal(s.medianHours)}
                      </td>
                      <td data-label={t('dashP90Hours')} className="num">
                        {formatDecimal(s.p90Hours)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

function Total({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <div className="dash-total" data-testid={testId}>
      <span className="dash-total-value">{value}</span>
      <span className="dash-total-label">{label}</span>
    </div>
  );
}
