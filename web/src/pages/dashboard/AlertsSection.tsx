import { useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../format.js';
import { t, tCode } from '../../i18n.js';
import { useSession } from '../../session.js';
import { usePolling } from '../../use-polling.js';
import { SectionHead } from './CsvLink.js';
import { formatPercent } from './dashboard-format.js';

/** KPI alerts: open ones first (breaches before warnings), each acknowledged with one click. */
export function AlertsSection() {
  const { user } = useSession();
  const alerts = usePolling(() => call(client.api.dashboard.alerts.$get()), 'dashboard:alerts', 60_000);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const run = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await action();
      alerts.reload();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(null);
    }
  };
  const acknowledge = (alertId: string) =>
    run(alertId, () =>
      call(client.api.dashboard.alerts[':alertId'].acknowledge.$post({ param: { alertId } })),
    );
  const evaluate = () =>
    run('evaluate', async () => {
      const r = await call(client.api.dashboard.alerts.evaluate.$post());
      setOutcome(t('dashAlertsEvaluated', { opened: r.opened + r.escalated, resolved: r.resolved }));
    });

  const open = alerts.data?.filter((a) => !a.resolvedAt) ?? [];
  return (
    <section className="dash-section" aria-labelledby="dash-alerts" data-testid="dash-alerts">
      <SectionHead id="dash-alerts" title={t('dashAlertsTitle', { count: open.length })} table="alerts">
        {user.role === 'admin' ? (
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void evaluate()}
            data-testid="alerts-evaluate"
          >
            {t('dashAlertsEvaluate')}
          </button>
        ) : null}
      </SectionHead>
      {outcome ? <p className="muted small">{outcome}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {alerts.error ? <ErrorNotice error={alerts.error} onRetry={alerts.reload} /> : null}
      {alerts.data?.length === 0 ? <p className="notice dash-all-clear">{t('dashAlertsNone')}</p> : null}
      {alerts.data?.length ? (
        <ul className="dash-alerts">
          {alerts.data.map((a) => (
            <li
              key={a.id}
              className={`dash-alert dash-level-${a.resolvedAt ? 'resolved' : a.level}`}
              data-testid="alert"
              data-level={a.level}
              data-acknowledged={a.acknowledgedAt ? 'yes' : 'no'}
            >
              <div className="dash-alert-main">
                <strong>
                  {a.channelName} · {tCode('kpi', a.kpi)} · {t('dashDays', { days: a.windowDays })}
                </strong>
                <span>
                  {tCode('kpiLevel', a.resolvedAt ? 'ok' : a.level)} —{' '}
                  {t('dashAlertRate', {
                    rate: formatPercent(a.rate),
                    threshold: formatPercent(a.threshold),
                    numerator: a.numerator,
                    denominator: a.denominator,
                  })}
                </span>
                <span className="muted small">
                  {t('dashAlertOpened', { time: formatDateTime(a.openedAt) })}
                  {a.resolvedAt ? ` · ${t('dashAlertResolved', { time: formatDateTime(a.resolvedAt) })}` : ''}
                  {a.deliveredAt ? ` · ${t('dashAlertDelivered')}` : ''}
                </span>
              </div>
              {a.acknowledgedAt ? (
                <span className="muted small">
                  {t('dashAlertSeen', { time: formatDateTime(a.acknowledgedAt) })}
                </span>
              ) : a.resolvedAt ? null : (
                <button
                  type="button"
                  className="button"
                  disabled={busy !== null}
                  onClick={() => void acknowledge(a.id)}
                  data-testid="alert-acknowledge"
                >
                  {t('dashAlertAcknowledge')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
