import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Link } from '../../components/Link.js';
import { t } from '../../i18n.js';
import { usePolling } from '../../use-polling.js';
import { SectionHead } from './CsvLink.js';
import { dayIn, formatDay, formatDecimal } from './dashboard-format.js';
import { OrdersPerDayChart } from './OrdersPerDayChart.js';

/** Fewer days of stock than this, at either rate, is worth reordering now. */
const shortCoverDays = 14;

const coverClass = (days: number | null) =>
  days !== null && days < shortCoverDays ? 'num dash-short' : 'num';

/** Peak planning from past seasons: orders per day, the coming weeks a year and two ago, stock coverage. */
export function PeakSection({ timeZone }: { timeZone: string }) {
  const peak = usePolling(
    () => call(client.api.dashboard.peak.$get({ query: { tz: timeZone } })),
    `dashboard:peak:${timeZone}`,
    600_000,
  );
  const data = peak.data;
  return (
    <section className="dash-section" aria-labelledby="dash-peak" data-testid="dash-peak">
      <SectionHead
        id="dash-peak"
        title={t('dashPeakTitle')}
        table="orders-per-day"
        query={{ tz: timeZone }}
      />
      {peak.error ? <ErrorNotice error={peak.error} onRetry={peak.reload} /> : null}
      {!data && !peak.error ? <p className="muted">{t('loading')}</p> : null}
      {data ? (
        <>
          <div className="card dash-chart-card">
            <h3>{t('dashPeakChartTitle')}</h3>
            <OrdersPerDayChart days={data.days} today={dayIn(timeZone)} />
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="seasons">
              <thead>
                <tr>
                  <th>{t('dashPeriod')}</th>
                  <th className="num">{t('dashOrdersPerDay')}</th>
                  <th>{t('dashBusiestDay')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td data-label={t('dashPeriod')}>{t('dashLast4Weeks')}</td>
                  <td data-label={t('dashOrdersPerDay')} className="num strong" data-testid="recent-average">
                    {formatDecimal(data.recentAveragePerDay)}
                  </td>
                  <td data-label={t('dashBusiestDay')} className="muted">
                    —
                  </td>
                </tr>
                {data.seasons.map((s) => (
                  <tr key={s.yearsAgo}>
                    <td data-label={t('dashPeriod')}>
                      {t('dashComingWeeksAgo', { years: s.yearsAgo })}
                      <span className="muted small">
                        {' '}
                        ({formatDay(s.from)} – {formatDay(s.to)})
                      </span>
                    </td>
                    <td data-label={t('dashOrdersPerDay')} className="num strong">
                      {formatDecimal(s.averagePerDay)}
                    </td>
                    <td data-label={t('dashBusiestDay')}>
                      {s.peakDay
                        ? t('dashPeakDay', { day: formatDay(s.peakDay.day), orders: s.peakDay.orders })
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <SectionHead
            id="dash-coverage"
            level={3}
            title={t('dashCoverageTitle')}
            table="stock-coverage"
            query={{ tz: timeZone }}
          />
          {data.coverage.length === 0 ? (
            <p className="muted">{t('dashCoverageNone')}</p>
          ) : (
            <div className="table-wrap dash-scroll">
              <table className="table" data-testid="coverage">
                <thead>
                  <tr>
                    <th>{t('sku')}</th>
                    <th>{t('item')}</th>
                    <th className="num">{t('stockAvailable')}</th>
                    <th className="num">{t('dashSoldPerDayRecent')}</th>
                    <th className="num">{t('dashCoverDays')}</th>
                    <th className="num">{t('dashSoldPerDaySeason')}</th>
                    <th className="num">{t('dashCoverDaysSeason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.coverage.map((c) => (
                    <tr key={c.productId} data-testid="coverage-row">
                      <td data-label={t('sku')} className="dash-nowrap">
                        <Link href={`/stock/${encodeURIComponent(c.productId)}`} className="strong mono">
                          {c.sku}
                        </Link>
                      </td>
                      <td data-label={t('item')}>{c.name}</td>
                      <td data-label={t('stockAvailable')} className="num">
                        {c.available}
                      </td>
                      <td data-label={t('dashSoldPerDayRecent')} className="num">
                        {formatDecimal(c.recentDailyUnits)}
                      </td>
                      <td data-label={t('dashCoverDays')} className={coverClass(c.coverageDays)}>
                        {formatDecimal(c.coverageDays)}
                      </td>
                      <td data-label={t('dashSoldPerDaySeason')} className="num">
                        {formatDecimal(c.seasonDailyUnits)}
                      </td>
                      <td data-label={t('dashCoverDaysSeason')} className={coverClass(c.seasonCoverageDays)}>
                        {formatDecimal(c.seasonCoverageDays)}
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
