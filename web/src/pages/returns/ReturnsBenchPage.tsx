import { useCallback, useEffect, useState } from 'react';
import { attachWedge } from '../../../../scanner/index.js';
import { ApiError } from '../../api.js';
import { formatMoney } from '../../format.js';
import { t, tCode } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ReturnRefund } from './ReturnRefund.js';
import { returnFeedback } from './return-feedback.js';
import {
  addPhoto,
  type Condition,
  closeReturn,
  type Decision,
  loadReturn,
  matchLine,
  openByScan,
  photoToJpegBase64,
  type ReturnDetail,
  type ReturnLine,
  recordItem,
} from './returns-api.js';

type Phase = 'parcel' | 'item' | 'condition' | 'decision' | 'bin' | 'closed';
type Message = { tone: 'ok' | 'bad'; text: string } | null;

const conditions: Condition[] = ['resellable', 'damaged', 'wrong_item', 'missing'];
const decisions: Decision[] = ['restock', 'quarantine', 'dispose'];

/** Which decisions fit a condition: only a resellable item goes back on a shelf, a missing one is written off. */
const allowed = (condition: Condition | null, decision: Decision) =>
  condition === 'missing' ? decision === 'dispose' : decision !== 'restock' || condition === 'resellable';

/**
 * The returns bench, scan first: the parcel (tracking number or order barcode), then each item, its
 * condition and decision with big buttons, and for a restock the bin label. A bad scan beeps and says
 * what was expected.
 */
export function ReturnsBenchPage() {
  const { user } = useSession();
  const [phase, setPhase] = useState<Phase>('parcel');
  const [detail, setDetail] = useState<ReturnDetail | null>(null);
  const [item, setItem] = useState<{ code: string; line: ReturnLine } | null>(null);
  const [condition, setCondition] = useState<Condition | null>(null);
  const [lastLineId, setLastLineId] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [isBusy, setBusy] = useState(false);

  const fail = useCallback((err: unknown, sound: 'error' | 'wrong_item' | 'wrong_bin' = 'error') => {
    returnFeedback.play(sound);
    setMessage({ tone: 'bad', text: err instanceof ApiError ? err.detail : String(err) });
  }, []);

  const record = useCallback(
    async (decision: Decision, binCode: string | null) => {
      if (!detail || !item || !condition) return;
      setBusy(true);
      try {
        const done = await recordItem(detail.id, { itemCode: item.code, condition, decision, binCode });
        returnFeedback.play('ok');
        setLastLineId(done.returnLineId);
        setMessage({
          tone: 'ok',
          text: t('returnItemDone', {
            sku: done.sku,
            decision: tCode('returnDecision', done.decision),
            bin: done.binCode ?? '',
          }),
        });
        setDetail(await loadReturn(detail.id));
        setItem(null);
        setCondition(null);
        setPhase('item');
      } catch (err) {
        fail(err, err instanceof ApiError && err.code === 'scan_unknown_bin' ? 'wrong_bin' : 'error');
      } finally {
        setBusy(false);
      }
    },
    [detail, item, condition, fail],
  );

  const onScan = useCallback(
    async (code: string) => {
      if (isBusy) return;
      if (phase === 'parcel' || phase === 'closed') {
        setBusy(true);
        try {
          const opened = await openByScan(code);
          setDetail(await loadReturn(opened.returnId));
          returnFeedback.play('ok');
          setMessage(null);
          setPhase('item');
        } catch (err) {
          fail(err);
        } finally {
          setBusy(false);
        }
        return;
      }
      if (!detail) return;
      if (phase === 'item') {
        const line = matchLine(detail, code);
        if (!line) {
          const open = detail.lines.filter((l) => l.quantityShipped > l.quantityReturned).map((l) => l.sku);
          fail(t('returnWrongItem', { code, expected: open.join(', ') || '—' }), 'wrong_item');
          return;
        }
        returnFeedback.play('ok');
        setMessage(null);
        setItem({ code, line });
        setPhase('condition');
        return;
      }
      if (phase === 'bin') {
        await record('restock', code);
        return;
      }
      fail(t('returnChooseFirst'));
    },
    [phase, detail, isBusy, record, fail],
  );

  // The bench has no text field: a label that will not scan can be typed by hand and ended with Enter,
  // so keys may come slower than a scanner's (and a loaded handheld's stalls do not split a scan).
  useEffect(() => attachWedge(window, { onScan: (raw) => onScan(raw), maxInterKeyMs: 400 }), [onScan]);

  const choose = (decision: Decision) => {
    if (decision === 'restock') {
      setPhase('bin');
      setMessage(null);
    } else void record(decision, null);
  };

  const onPhoto = async (file: File | undefined) => {
    if (!file || !detail) return;
    try {
      await addPhoto(detail.id, await photoToJpegBase64(file), lastLineId);
      setDetail(await loadReturn(detail.id));
      setMessage({ tone: 'ok', text: t('returnPhotoSaved') });
    } catch (err) {
      fail(err);
    }
  };

  const onClose = async () => {
    if (!detail) return;
    try {
      await closeReturn(detail.id);
      returnFeedback.play('done');
      setPhase('closed');
      setMessage({ tone: 'ok', text: t('returnClosed') });
    } catch (err) {
      fail(err);
    }
  };

  const prompt =
    phase === 'parcel' || phase === 'closed'
      ? t('returnScanParcel')
      : phase === 'item'
        ? t('returnScanItem')
        : phase === 'condition'
          ? t('returnChooseCondition', { sku: item?.line.sku ?? '' })
          : phase === 'decision'
            ? t('returnChooseDecision', { sku: item?.line.sku ?? '' })
            : t('returnScanBin', { sku: item?.line.sku ?? '' });

  return (
    <main className="page returns-bench" data-testid="returns-bench">
      <h1>{t('returnsTitle')}</h1>
      <p className="scan-prompt strong" data-testid="return-prompt" data-phase={phase}>
        {prompt}
      </p>
      {message ? (
        <p
          className={message.tone === 'bad' ? 'notice notice-error' : 'notice'}
          role={message.tone === 'bad' ? 'alert' : 'status'}
          data-testid="return-message"
          data-tone={message.tone}
        >
          {message.text}
        </p>
      ) : null}
      {phase === 'condition' ? (
        <div className="return-choices">
          {conditions.map((c) => (
            <button
              key={c}
              type="button"
              className="button button-big"
              data-testid={`condition-${c}`}
              onClick={() => {
                setCondition(c);
                setPhase('decision');
              }}
            >
              {tCode('returnCondition', c)}
            </button>
          ))}
        </div>
      ) : null}
      {phase === 'decision' ? (
        <div className="return-choices">
          {decisions.map((d) => (
            <button
              key={d}
              type="button"
              className="button button-big"
              data-testid={`decision-${d}`}
              disabled={!allowed(condition, d) || isBusy}
              onClick={() => choose(d)}
            >
              {tCode('returnDecision', d)}
            </button>
          ))}
        </div>
      ) : null}
      {detail ? (
        <section className="card" data-testid="return-detail" data-return-id={detail.id}>
          <h2>
            {t('returnOf', { order: detail.externalId })}
            {detail.trackingNumber ? (
              <span className="muted small mono"> · {detail.trackingNumber}</span>
            ) : null}
          </h2>
          <table className="table">
            <thead>
              <tr>
                <th>{t('sku')}</th>
                <th>{t('returnShipped')}</th>
                <th>{t('returnReturned')}</th>
                <th>{t('returnUnitPrice')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.lines.map((l) => (
                <tr key={l.id} data-testid="return-line" data-sku={l.sku} data-returned={l.quantityReturned}>
                  <td className="mono">{l.sku}</td>
                  <td>{l.quantityShipped}</td>
                  <td>{l.quantityReturned}</td>
                  <td>{formatMoney(l.unitPriceMinor, detail.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="plain-list" data-testid="return-items">
            {detail.items.map((i) => (
              <li key={i.id} data-decision={i.decision}>
                {detail.lines.find((l) => l.id === i.orderLineId)?.sku} ×{i.quantity} —{' '}
                {tCode('returnCondition', i.condition)} → {tCode('returnDecision', i.decision)}
                {i.binCode ? ` (${i.binCode})` : ''}
              </li>
            ))}
          </ul>
          <div className="return-actions">
            <label className="button button-big">
              {t('returnTakePhoto')} ({detail.photos.length})
              <input
                type="file"
                accept="image/*"
                capture="environment"
                hidden
                data-testid="return-photo"
                onChange={(e) => void onPhoto(e.target.files?.[0])}
              />
            </label>
            {phase !== 'closed' ? (
              <button
                type="button"
                className="button button-big"
                data-testid="return-close"
                onClick={() => void onClose()}
              >
                {t('returnClose')}
              </button>
            ) : null}
          </div>
          {user.role === 'admin' || user.role === 'desk' ? <ReturnRefund detail={detail} /> : null}
        </section>
      ) : null}
    </main>
  );
}
