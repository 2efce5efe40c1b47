import { useState } from 'react';
import { call, client, toApiError } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Link } from '../../components/Link.js';
import { formatDateTime } from '../../format.js';
import { t } from '../../i18n.js';
import { usePolling } from '../../use-polling.js';
import { openPrintJob } from './desk-feedback.js';

/** Labels to print, grouped by carrier and service; select some and print them as one job. */
export function PrintQueue() {
  const [unprintedOnly, setUnprintedOnly] = useState(true);
  const [format, setFormat] = useState<'pdf' | 'zpl'>('pdf');
  const [fourUpA4, setFourUpA4] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const queue = usePolling(
    () =>
      call(
        client.api.desk['print-queue'].$get({ query: { unprintedOnly: unprintedOnly ? 'true' : 'false' } }),
      ),
    `print-queue-${unprintedOnly}`,
    15_000,
  );

  const toggle = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const run = async (work: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
    queue.reload();
  };

  const printSelected = () =>
    run(async () => {
      const parcelIds = (queue.data ?? [])
        .flatMap((g) => g.parcels.map((p) => p.parcelId))
        .filter((id) => selected.has(id));
      const res = await client.api.desk.print.$post({ json: { parcelIds, format, fourUpA4 } });
      if (!res.ok) throw await toApiError(res);
      openPrintJob(await res.blob(), `labels.${format}`);
      setMessage(
        t('deskPrinted', {
          count: res.headers.get('x-label-count') ?? parcelIds.length,
          format: format.toUpperCase(),
        }),
      );
      setSelected(new Set());
    });

  const reprint = (parcelId: string) =>
    run(async () => {
      const res = await client.api.parcels[':id'].reprint.$post({ param: { id: parcelId }, json: {} });
      if (!res.ok) throw await toApiError(res);
      const blob = await res.blob();
      openPrintJob(blob, blob.type === 'application/pdf' ? 'label.pdf' : 'label.zpl');
    });

  const voidLabel = (shipmentId: string) => {
    const reason = window.prompt(t('deskVoidReason'));
    if (!reason?.trim()) return;
    void run(async () => {
      const done = await call(
        client.api.shipments[':id'].void.$post({
          param: { id: shipmentId },
          json: { reason: reason.trim() },
        }),
      );
      setMessage(t('deskVoided', { tracking: done.trackingNumbers.join(', ') }));
    });
  };

  const count = selected.size;
  return (
    <section className="card" data-testid="print-queue">
      <div className="form-row">
        <label className="field-inline">
          <input
            type="checkbox"
            checked={unprintedOnly}
            onChange={(e) => setUnprintedOnly(e.target.checked)}
          />
          {t('deskUnprintedOnly')}
        </label>
        <label className="field-inline">
          {t('deskFormat')}
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value as 'pdf' | 'zpl')}
            data-testid="print-format"
          >
            <option value="pdf">PDF</option>
            <option value="zpl">ZPL</option>
          </select>
        </label>
        {format === 'pdf' ? (
          <label className="field-inline">
            <input type="checkbox" checked={fourUpA4} onChange={(e) => setFourUpA4(e.target.checked)} />
            {t('deskFourUp')}
          </label>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          disabled={count === 0}
          onClick={() => void printSelected()}
          data-testid="print-selected"
        >
          {t('deskPrintSelected', { count })}
        </button>
      </div>
      {message ? (
        <p className="notice" role="status" data-testid="desk-message">
          {message}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {queue.error ? <ErrorNotice error={queue.error} onRetry={queue.reload} /> : null}
      {queue.data?.length === 0 ? <p className="muted">{t('deskNothingToPrint')}</p> : null}
      {queue.data?.map((group) => {
        const ids = group.parcels.map((p) => p.parcelId);
        const isAll = ids.every((id) => selected.has(id));
        return (
          <div key={`${group.carrierCode}/${group.service}`} className="table-wrap" data-testid="print-group">
            <h3>
              <label className="field-inline">
                <input
                  type="checkbox"
                  checked={isAll}
                  aria-label={t('deskSelectGroup')}
                  onChange={(e) => toggle(ids, e.target.checked)}
                  data-testid="select-group"
                />
                {group.carrierName} · {group.service} ({group.parcels.length})
              </label>
            </h3>
            <table className="table">
              <tbody>
                {group.parcels.map((p) => (
                  <tr key={p.parcelId} data-testid="print-row">
                    <td>
                      <input
                        type="checkbox"
                        checked={selected.has(p.parcelId)}
                        onChange={(e) => toggle([p.parcelId], e.target.checked)}
                      />
                    </td>
                    <td>
                      <Link href={`/orders/${p.orderId}`}>{p.orderRef}</Link>
                      {p.priority > 0 ? <span className="badge">⚡</span> : null}
                      {p.orderStatus === 'on_hold' ? <span className="badge">{t('deskHeld')}</span> : null}
                    </td>
                    <td className="mono">{p.trackingNumber}</td>
                    <td className="num">{p.weightGrams} g</td>
                    <td className="muted small">
                      {t('deskRule')}:{' '}
                      {p.rule?.source === 'rule'
                        ? p.rule.name
                        : p.rule?.source === 'override'
                          ? `${t('deskRuleOverride')} (${p.rule.reason ?? ''})`
                          : t('deskRuleDefault')}
                    </td>
                    <td className="muted small">
                      {t('deskPrintCount')}: {p.printCount}
                      {p.lastPrintedAt ? ` · ${formatDateTime(p.lastPrintedAt)}` : ''}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-quiet"
                        onClick={() => void reprint(p.parcelId)}
                      >
                        {t('deskReprint')}
                      </button>
                      <button
                        type="button"
                        className="button button-quiet"
                        onClick={() => voidLabel(p.shipmentId)}
                      >
                        {t('deskVoid')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
