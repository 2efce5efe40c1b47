import { useCallback, useEffect, useRef, useState } from 'react';
import { attachWedge, createFeedback, parseScan } from '../../../../scanner/index.js';
import { ApiError, call, client, toApiError } from '../../api.js';
import { t } from '../../i18n.js';
import { BoxForm, type BoxInput } from './BoxForm.js';
import { DonePanel } from './DonePanel.js';
import { PackLines } from './PackLines.js';
import { PrinterPicker, usePrinter } from './PrinterPicker.js';
import { type PackingView, type PackResult, printLabelsInBrowser } from './pack-types.js';
import { parseScaleWeight } from './parse-weight.js';

const feedback = createFeedback();

/**
 * Last scan → labels at the printer, as this page sees it (the scan's Enter to the close's answer, which
 * comes once the printer has the labels). Readable as `window.shipdeskPackTimings` for the benchmark.
 */
const timings: number[] = [];
let lastScanEndAt = 0;
if (typeof window !== 'undefined') {
  (window as unknown as { shipdeskPackTimings: number[] }).shipdeskPackTimings = timings;
  window.addEventListener('pointerdown', () => void feedback.unlock(), { once: true, capture: true });
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter') lastScanEndAt = e.timeStamp;
    },
    { capture: true },
  );
}

interface Violation {
  code: string;
  reason: string;
  suggestion: string;
}
type Message = { text: string; kind: 'ok' | 'error' } | null;

/** The packing station: scan a tote or an order, scan every item into its parcel, labels print on the last one. */
export function PackPage() {
  const [view, setView] = useState<PackingView | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [violations, setViolations] = useState<Violation[]>([]);
  const [result, setResult] = useState<PackResult | null>(null);
  const [box, setBox] = useState<BoxInput>({ packagingCode: 'box-m', weightKg: '', dims: null });
  const [printerId, setPrinterId] = usePrinter();
  const busy = useRef(false);

  const fail = useCallback((err: unknown, sound: 'wrong_item' | 'error' = 'error') => {
    feedback.play(sound);
    const detail = err instanceof Error ? err.message : String(err);
    setMessage({ text: sound === 'wrong_item' ? t('packWrongItem', { detail }) : detail, kind: 'error' });
  }, []);

  const finish = useCallback(
    async (done: PackResult, startedAt: number | null) => {
      setView(done.view);
      setResult(done);
      setViolations([]);
      if (done.labelled) {
        if (startedAt !== null) timings.push(performance.now() - startedAt);
        feedback.play('done');
        if (!printerId) await printLabelsInBrowser(done.labelled.parcels.map((p) => p.parcelId));
      } else feedback.play('ok');
    },
    [printerId],
  );

  const closeParcel = useCallback(
    async (boxId: string, startedAt: number | null) => {
      const grams = box.weightKg ? Math.round(Number(box.weightKg.replace(',', '.')) * 1000) : undefined;
      try {
        const res = await client.api.pack.boxes[':id'].close.$post({
          param: { id: boxId },
          json: {
            packagingCode: box.packagingCode,
            ...(grams ? { weightGrams: grams } : {}),
            ...(box.dims ? { dimensionsCm: box.dims } : {}),
            ...(printerId ? { printerId } : {}),
          },
        });
        if (!res.ok) {
          // A packaging block lists every rule broken, each with its way out.
          const problem = (await res
            .clone()
            .json()
            .catch(() => ({}))) as { violations?: Violation[] };
          setViolations(problem.violations ?? []);
          throw await toApiError(res);
        }
        const done = (await res.json()) as PackResult;
        setBox((b) => ({ ...b, weightKg: '' }));
        setMessage(null);
        await finish(done, startedAt);
      } catch (err) {
        fail(err);
      }
    },
    [box, printerId, finish, fail],
  );

  const handleScan = async (raw: string) => {
    if (busy.current) return;
    const grams = parseScaleWeight(raw);
    if (grams !== null) {
      setBox((b) => ({ ...b, weightKg: String(grams / 1000) }));
      setMessage({ text: t('packWeightRead', { kg: grams / 1000 }), kind: 'ok' });
      return;
    }
    const code = parseScan(raw).value || raw.trim();
    busy.current = true;
    const startedAt = lastScanEndAt || performance.now();
    try {
      const open = view?.boxes.find((b) => b.status === 'open');
      if (!view || code.startsWith('tot_') || !open) {
        const opened = await call(client.api.pack.open.$post({ json: { code } }));
        setView(opened);
        setResult(null);
        setViolations([]);
        setMessage(null);
        feedback.play('ok');
        return;
      }
      let next: PackingView;
      try {
        next = await call(
          client.api.pack.orders[':id'].scans.$post({
            param: { id: view.order.id },
            json: { clientScanId: crypto.randomUUID(), code, boxId: open.id },
          }),
        );
      } catch (err) {
        return fail(err, err instanceof ApiError && err.status === 422 ? 'wrong_item' : 'error');
      }
      setView(next);
      setMessage(null);
      if (next.lines.every((l) => l.quantityPacked >= l.quantity)) await closeParcel(open.id, startedAt);
      else feedback.play('ok');
    } catch (err) {
      fail(err);
    } finally {
      busy.current = false;
    }
  };
  const handleRef = useRef(handleScan);
  handleRef.current = handleScan;
  const onScan = useCallback((raw: string) => handleRef.current(raw), []);
  useEffect(() => attachWedge(window, { onScan }), [onScan]);

  const openBox = view?.boxes.find((b) => b.status === 'open') ?? null;
  const isAllPacked = !!view && view.lines.every((l) => l.quantityPacked >= l.quantity);
  return (
    <main className="page pack-page" data-testid="pack-page">
      <div className="pack-head">
        <h1>{t('packTitle')}</h1>
        <PrinterPicker printerId={printerId} onChange={setPrinterId} />
      </div>
      {!view ? (
        <p className="pack-prompt" data-testid="pack-prompt">
          {t('packScanOrder')}
        </p>
      ) : (
        <section data-testid="pack-order" data-order-id={view.order.id} data-status={view.order.status}>
          <p className="pack-order-head">
            <strong>{view.order.externalId}</strong> · {view.order.channelName} · {view.service.name} ·{' '}
            {view.order.city} ({view.order.countryCode})
          </p>
          <PackLines view={view} />
          {openBox && (
            <BoxForm
              box={openBox}
              value={box}
              onChange={setBox}
              canClose={!isAllPacked && openBox.lines.length > 0}
              onClose={() => void closeParcel(openBox.id, null)}
            />
          )}
          {isAllPacked && !openBox && !result?.labelled && (
            <button
              type="button"
              className="button button-big"
              data-testid="pack-book-labels"
              onClick={() =>
                void call(
                  client.api.pack.orders[':id'].labels.$post({
                    param: { id: view.order.id },
                    json: printerId ? { printerId } : {},
                  }),
                ).then((done) => finish(done, null), fail)
              }
            >
              {t('packBookLabels')}
            </button>
          )}
          <DonePanel
            view={view}
            result={result}
            printerId={printerId}
            onView={(next) => {
              setView(next);
              setResult(null);
            }}
            onError={fail}
            onNext={() => {
              setView(null);
              setResult(null);
              setMessage(null);
            }}
          />
        </section>
      )}
      {message && (
        <p
          className={`notice pack-message-${message.kind}`}
          data-testid="pack-message"
          data-kind={message.kind}
        >
          {message.text}
        </p>
      )}
      {violations.length > 0 && (
        <div className="notice pack-violations" data-testid="pack-violations">
          <p>{t('packBlocked')}</p>
          <ul>
            {violations.map((v) => (
              <li key={v.code} data-code={v.code}>
                {v.reason} <em>{t('packWayOut', { suggestion: v.suggestion })}</em>
              </li>
            ))}
          </ul>
        </div>
      )}
    </main>
  );
}
