import { useEffect, useState } from 'react';
import { ApiError } from '../../api.js';
import { formatMoney } from '../../format.js';
import { t, tCode } from '../../i18n.js';
import { loadAfterSales, type ReturnDetail, refundReturned } from './returns-api.js';

type Refunds = Awaited<ReturnType<typeof loadAfterSales>>['refunds'];

/** Refund what came back (missing items excluded), with or without shipping, and follow its push. */
export function ReturnRefund({ detail }: { detail: ReturnDetail }) {
  const [includeShipping, setIncludeShipping] = useState(false);
  const [refunds, setRefunds] = useState<Refunds>([]);
  const [error, setError] = useState<string | null>(null);
  const lines = detail.lines
    .map((l) => ({
      orderLineId: l.id,
      quantity: detail.items
        .filter((i) => i.orderLineId === l.id && i.condition !== 'missing')
        .reduce((n, i) => n + i.quantity, 0),
    }))
    .filter((l) => l.quantity > 0);
  const isPending = refunds.some((r) => r.pushStatus === 'pending');

  useEffect(() => {
    let isLive = true;
    const load = () =>
      loadAfterSales(detail.orderId)
        .then((a) => isLive && setRefunds(a.refunds.filter((r) => r.pushStatus !== undefined)))
        .catch(() => undefined);
    void load();
    const timer = isPending ? setInterval(load, 1500) : null;
    return () => {
      isLive = false;
      if (timer) clearInterval(timer);
    };
  }, [detail.orderId, isPending]);

  const submit = async () => {
    setError(null);
    try {
      await refundReturned(detail.orderId, detail.id, lines, includeShipping);
      setRefunds((await loadAfterSales(detail.orderId)).refunds);
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : String(err));
    }
  };

  return (
    <div className="return-refund" data-testid="return-refund">
      <h3>{t('refundTitle')}</h3>
      <label>
        <input
          type="checkbox"
          checked={includeShipping}
          onChange={(e) => setIncludeShipping(e.target.checked)}
          data-testid="refund-shipping"
        />{' '}
        {t('refundIncludeShipping')}
      </label>
      <button
        type="button"
        className="button button-primary button-big"
        disabled={lines.length === 0}
        onClick={() => void submit()}
        data-testid="refund-submit"
      >
        {t('refundReturned')}
      </button>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="plain-list" data-testid="refund-list">
        {refunds.map((r) => (
          <li key={r.id} data-testid="refund" data-status={r.pushStatus}>
            {formatMoney(r.totalMinor, detail.currency)} — {tCode('refundReason', r.reason)} —{' '}
            {tCode('refundStatus', r.pushStatus)}
            {r.pushError ? <span className="muted small"> ({r.pushError})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
