import { useCallback, useEffect, useRef, useState } from 'react';
import { attachWedge, parseScan } from '../../../../scanner/index.js';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Link } from '../../components/Link.js';
import { t } from '../../i18n.js';
import {
  dismissConflict,
  enqueue,
  loadQueue,
  newClientScanId,
  type QueuedScan,
  setOnSynced,
  subscribeQueue,
} from '../../offline/pick-queue.js';
import {
  applyLocalPick,
  applyLocalShort,
  applyLocalSkip,
  loadWave,
  saveWave,
  type WaveView,
} from '../../offline/wave-cache.js';
import { CameraScan } from './CameraScan.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { pickFeedback } from './pick-feedback.js';
import { decideScan, type Phase } from './pick-flow.js';
import { StepScreen } from './StepScreen.js';
import { SyncBadge } from './SyncBadge.js';
import { ToteAssign } from './ToteAssign.js';

type Exception = 'short' | 'damaged' | 'skip';

/**
 * Picking one wave, one step per screen. Every scan is judged on the device against the cached list,
 * applied to it, and queued; the queue reaches the server in order whenever the network allows.
 */
export function PickWavePage({ id }: { id: string }) {
  const [view, setView] = useState<WaveView | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [phase, setPhase] = useState<Phase>('bin');
  const [held, setHeld] = useState<{ itemCode: string; quantity: number } | null>(null);
  const [isBulk, setBulk] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [queue, setQueue] = useState<QueuedScan[]>([]);
  const [isOnline, setOnline] = useState(navigator.onLine);
  const [dialog, setDialog] = useState<Exception | null>(null);
  const feedback = pickFeedback;
  const queueRef = useRef<QueuedScan[]>([]);
  const hasPending = useCallback(
    () => queueRef.current.some((q) => q.waveId === id && q.state === 'pending'),
    [id],
  );

  // The server's copy replaces the device's only when nothing of ours is still on the way to it.
  const refresh = useCallback(async () => {
    try {
      const loaded = await loadWave(id, { preferCache: hasPending() });
      // A scan made while the server's copy was on its way: keep the device's copy, which has it.
      if (!loaded.isCached && hasPending()) return;
      setView(loaded.view);
    } catch (err) {
      setError(err as Error);
    }
  }, [id, hasPending]);

  useEffect(() => {
    const unsubscribe = subscribeQueue((items) => {
      queueRef.current = items;
      setQueue(items);
    });
    void loadQueue().then(refresh);
    setOnSynced((scan) => {
      if (scan.waveId === id && !hasPending()) void refresh();
    });
    const online = () => setOnline(true);
    const offline = () => setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      unsubscribe();
      setOnSynced(null);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [id, refresh, hasPending]);

  const commit = (next: WaveView) => {
    setView(next);
    void saveWave(next);
  };
  const reject = (kind: 'wrong_bin' | 'wrong_item' | 'error', text: string) => {
    feedback.play(kind);
    setMessage({ text, isError: true });
  };

  const handleScan = async (raw: string) => {
    if (!view || dialog) return;
    const code = parseScan(raw).value || raw.trim();
    if (view.wave.mode === 'cluster' && view.orders.some((o) => !o.toteCode)) {
      try {
        await call(client.api.waves[':id'].totes.$post({ param: { id }, json: { toteCode: code } }));
        feedback.play('ok');
        setMessage(null);
        await refresh();
      } catch (err) {
        reject('error', (err as Error).message);
      }
      return;
    }
    const step = view.steps[0];
    if (!step) return;
    let decision = decideScan(step, view.wave.mode, phase, code, {
      itemCode: held?.itemCode,
      quantity: held?.quantity,
      isBulk,
    });
    if (decision.type === 'reject' && code !== raw.trim()) {
      decision = decideScan(step, view.wave.mode, phase, raw.trim(), {
        itemCode: held?.itemCode,
        quantity: held?.quantity,
        isBulk,
      });
    }
    if (decision.type === 'reject')
      return reject(
        decision.feedback === 'wrong_bin' ? 'wrong_bin' : 'wrong_item',
        t(decision.message, decision.vars),
      );
    setMessage(null);
    if (decision.type === 'advance') {
      feedback.play('ok');
      setPhase(decision.phase);
      if (decision.itemCode) setHeld({ itemCode: decision.itemCode, quantity: decision.quantity ?? 1 });
      return;
    }
    const next = applyLocalPick(view, step.key, decision.quantity, decision.toteCode);
    // Queued in the same tick as the screen moves on, so the unsynced badge never lags the screen.
    const queued = enqueue(id, {
      kind: 'pick',
      body: {
        clientScanId: newClientScanId(),
        binCode: step.binCode,
        itemCode: decision.itemCode,
        quantity: decision.quantity,
        ...(decision.toteCode ? { toteCode: decision.toteCode } : {}),
      },
    });
    commit(next);
    setBulk(false);
    setHeld(null);
    setPhase(next.steps[0]?.key === step.key ? 'item' : 'bin');
    feedback.play(next.steps.length === 0 ? 'done' : 'ok');
    await queued;
  };

  const handleRef = useRef(handleScan);
  handleRef.current = handleScan;
  const onScan = useCallback((raw: string) => handleRef.current(raw), []);
  useEffect(() => attachWedge(window, { onScan }), [onScan]);

  const confirmException = async (kind: Exception) => {
    setDialog(null);
    const step = view?.steps[0];
    if (!view || !step) return;
    const clientScanId = newClientScanId();
    const queued =
      kind === 'skip'
        ? enqueue(id, { kind: 'skip', body: { clientScanId, stepKey: step.key } })
        : enqueue(id, { kind: 'short', body: { clientScanId, stepKey: step.key, reason: kind } });
    commit(kind === 'skip' ? applyLocalSkip(view, step.key) : applyLocalShort(view, step.key));
    setPhase('bin');
    setHeld(null);
    setMessage(null);
    await queued;
  };

  if (error && !view)
    return (
      <main className="page">
        <ErrorNotice error={error} onRetry={() => void refresh()} />
      </main>
    );
  if (!view) return <p className="page muted">{t('loading')}</p>;
  const step = view.steps[0];
  const needsTotes = view.wave.mode === 'cluster' && view.orders.some((o) => !o.toteCode);
  const done = view.wave.unitsPicked + view.wave.unitsShort;
  const dialogText =
    step && dialog
      ? t(
          dialog === 'short'
            ? 'pickConfirmShort'
            : dialog === 'damaged'
              ? 'pickConfirmDamaged'
              : 'pickConfirmSkip',
          { remaining: step.remaining, sku: step.sku, bin: step.binCode },
        )
      : '';
  return (
    <main className="page pick-page" data-testid="pick-wave" data-mode={view.wave.mode}>
      <div className="pick-head">
        <strong>{view.wave.name}</strong>
        <span data-testid="progress">{t('pickProgress', { done, total: view.wave.unitsTotal })}</span>
        <progress max={view.wave.unitsTotal} value={done} />
      </div>
      <SyncBadge
        queue={queue.filter((q) => q.waveId === id)}
        isOnline={isOnline}
        onDismiss={(seq) => void dismissConflict(seq).then(refresh)}
      />
      {needsTotes ? (
        <ToteAssign view={view} message={message?.text ?? null} />
      ) : step ? (
        <>
          <StepScreen
            step={step}
            mode={view.wave.mode}
            phase={phase}
            message={message}
            isBulk={isBulk}
            onBulk={() => setBulk(!isBulk)}
          />
          <div className="pick-actions">
            <button
              type="button"
              className="button button-big"
              data-testid="pick-short"
              onClick={() => setDialog('short')}
            >
              {t('pickShort')}
            </button>
            <button
              type="button"
              className="button button-big"
              data-testid="pick-damaged"
              onClick={() => setDialog('damaged')}
            >
              {t('pickDamaged')}
            </button>
            <button
              type="button"
              className="button button-big"
              data-testid="pick-skip"
              onClick={() => setDialog('skip')}
            >
              {t('pickSkip')}
            </button>
          </div>
        </>
      ) : (
        <section className="pick-step">
          <p className="notice" data-testid="wave-done">
            {t('pickWaveDone')}
          </p>
          <Link href="/pick">{t('pickBackToWaves')}</Link>
        </section>
      )}
      {(needsTotes || step) && <CameraScan onScan={onScan} />}
      {dialog && (
        <ConfirmDialog
          message={dialogText}
          onYes={() => void confirmException(dialog)}
          onNo={() => setDialog(null)}
        />
      )}
    </main>
  );
}
