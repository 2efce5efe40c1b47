import { call, client, type SuccessBody } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Link } from '../../components/Link.js';
import { ShipBy } from '../../components/ShipBy.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { t, tCode } from '../../i18n.js';
import { navigate } from '../../router.js';
import { usePolling } from '../../use-polling.js';
import { SectionHead } from './CsvLink.js';

type Work = SuccessBody<Awaited<ReturnType<typeof client.api.dashboard.today.$get>>>;
type Bucket = keyof Work['totals'];
const buckets: Bucket[] = ['late', 'today', 'tomorrow', 'later', 'no_date'];

/** Rows of `counts` folded into one line per `by` (status or channel), with a count per deadline. */
function pivot(counts: Work['counts'], by: 'status' | 'channelName') {
  const rows = new Map<string, Record<Bucket, number> & { total: number }>();
  for (const c of counts) {
    const row = rows.get(c[by]) ?? { late: 0, today: 0, tomorrow: 0, later: 0, no_date: 0, total: 0 };
    row[c.bucket] += c.orders;
    row.total += c.orders;
    rows.set(c[by], row);
  }
  // The most late first, then the most due today: where to look first.
  return [...rows].sort(([, a], [, b]) => b.late - a.late || b.today - a.today || b.total - a.total);
}

function PivotTable({ work, by }: { work: Work; by: 'status' | 'channelName' }) {
  const rows = pivot(work.counts, by);
  const label = t(by === 'status' ? 'status' : 'channel');
  return (
    <div className="table-wrap">
      <table className="table dash-pivot" data-testid={`today-by-${by === 'status' ? 'status' : 'channel'}`}>
        <thead>
          <tr>
            <th>{label}</th>
            {buckets.map((b) => (
              <th key={b} className="num">
                {tCode('bucket', b)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, row]) => (
            <tr key={key}>
              <td data-label={label}>
                {by === 'status' ? <StatusBadge kind="orderStatus" status={key} /> : key}
              </td>
              {buckets.map((b) => (
                <td
                  key={b}
                  data-label={tCode('bucket', b)}
                  className={`num${row[b] ? ` dash-bucket-${b}` : ' muted'}`}
                >
                  {row[b]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Open orders by ship-by deadline, status and channel; the late and due-soon ones listed first. */
export function TodaySection({ timeZone }: { timeZone: string }) {
  const work = usePolling(
    () => call(client.api.dashboard.today.$get({ query: { tz: timeZone } })),
    `dashboard:today:${timeZone}`,
    60_000,
  );
  const now = work.updatedAt ?? new Date();
  const data = work.data;
  return (
    <section className="dash-section" aria-labelledby="dash-today" data-testid="dash-today">
      <SectionHead id="dash-today" title={t('dashTodayTitle')} table="today" query={{ tz: timeZone }} />
      {work.error ? <ErrorNotice error={work.error} onRetry={work.reload} /> : null}
      {!data && !work.error ? <p className="muted">{t('loading')}</p> : null}
      {data ? (
        <>
          <div className="dash-totals">
            {buckets.map((b) => (
              <div key={b} className={`dash-total dash-bucket-${b}`} data-testid={`today-total-${b}`}>
                <span className="dash-total-value">{data.totals[b]}</span>
                <span className="dash-total-label">{tCode('bucket', b)}</span>
              </div>
            ))}
          </div>
          {data.counts.length === 0 ? (
            <p className="notice">{t('dashTodayNone')}</p>
          ) : (
            <div className="dash-pair">
              <div>
                <h3>{t('dashByStatus')}</h3>
                <PivotTable work={data} by="status" />
              </div>
              <div>
                <h3>{t('dashByChannel')}</h3>
                <PivotTable work={data} by="channelName" />
              </div>
            </div>
          )}
          <SectionHead
            id="dash-at-risk"
            level={3}
            title={t('dashAtRiskTitle')}
            table="at-risk"
            query={{ tz: timeZone }}
          />
          {data.atRisk.length === 0 ? <p className="muted">{t('dashAtRiskNone')}</p> : null}
          {data.atRisk.length ? (
            <div className="table-wrap dash-scroll">
              <table className="table table-clickable" data-testid="at-risk">
                <thead>
                  <tr>
                    <th>{t('shipBy')}</th>
                    <th>{t('order')}</th>
                    <th>{t('channel')}</th>
                    <th>{t('status')}</th>
                    <th className="num">{t('units')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.atRisk.map((o) => (
                    <tr
                      key={o.orderId}
                      data-testid="at-risk-row"
                      data-bucket={o.bucket}
                      onClick={() => navigate(`/orders/${encodeURIComponent(o.orderId)}`)}
                    >
                      <td data-label={t('shipBy')}>
                        <ShipBy iso={o.shipBy} now={now} />
                      </td>
                      <td data-label={t('order')}>
                        <Link href={`/orders/${encodeURIComponent(o.orderId)}`} className="strong mono">
                          {o.externalId}
                        </Link>
                      </td>
                      <td data-label={t('channel')}>{o.channelName}</td>
                      <td data-label={t('status')}>
                        <StatusBadge kind="orderStatus" status={o.status} />
                      </td>
                      <td data-label={t('units')} className="num">
                        {o.units}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
