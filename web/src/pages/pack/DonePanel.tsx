import { useState } from 'react';
import { call, client } from '../../api.js';
import { t } from '../../i18n.js';
import { type PackingView, type PackResult, printLabelsInBrowser } from './pack-types.js';

/** Closed parcels with their tracking numbers, what the printer did, reprint and reopen (with a reason). */
export function DonePanel(props: {
  view: PackingView;
  result: PackResult | null;
  printerId: string;
  onView: (next: PackingView) => void;
  onError: (err: unknown) => void;
  onNext: () => void;
}) {
  const { view, result, printerId } = props;
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const closed = view.boxes.filter((b) => b.status === 'closed');
  if (closed.length === 0) return null;
  const print = result?.print ?? null;
  const reprint = async (parcelId: string) => {
    try {
      if (printerId)
        await call(
          client.api.pack.parcels[':id'].print.$post({ param: { id: parcelId }, json: { printerId } }),
        );
      else await printLabelsInBrowser([parcelId]);
    } catch (err) {
      props.onError(err);
    }
  };
  const reopen = async (boxId: string) => {
    try {
      props.onView(
        await call(client.api.pack.boxes[':id'].reopen.$post({ param: { id: boxId }, json: { reason } })),
      );
      setReopening(null);
      setReason('');
    } catch (err) {
      props.onError(err);
    }
  };
  return (
    <section className="pack-done" data-testid="pack-done">
      <ul className="pack-parcels">
        {closed.map((b) => (
          <li key={b.id} data-testid="pack-parcel" data-seq={b.seq} data-tracking={b.trackingNumber ?? ''}>
            <strong>{t('packParcel', { seq: b.seq })}</strong> · {(b.weightGrams ?? 0) / 1000} kg ·{' '}
            {b.lengthCm}×{b.widthCm}×{b.heightCm} cm
            {b.trackingNumber && (
              <>
                {' '}
                · {t('packTracking')} <code>{b.trackingNumber}</code>
              </>
            )}
            {b.parcelId && (
              <button type="button" className="button" onClick={() => void reprint(b.parcelId!)}>
                {t('packReprint')}
              </button>
            )}
            <button
              type="button"
              className="button button-quiet"
              data-testid="pack-reopen"
              onClick={() => setReopening(b.id)}
            >
              {t('packReopen')}
            </button>
            {reopening === b.id && (
              <span className="pack-reopen">
                <input
                  data-testid="pack-reopen-reason"
                  placeholder={t('packReopenReason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
                <button
                  type="button"
                  className="button"
                  data-testid="pack-reopen-confirm"
                  disabled={reason.trim().length < 3}
                  onClick={() => void reopen(b.id)}
                >
                  {t('packReopenConfirm')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {print?.outcome && (
        <p className="notice" data-testid="pack-print-status" data-via={print.outcome.via}>
          {print.outcome.via === 'sent'
            ? t('packLabelsPrinted', { ms: print.outcome.ms })
            : t('packLabelsBrowser')}
        </p>
      )}
      {print?.error && (
        <p className="notice pack-message-error" data-testid="pack-print-status" data-via="failed">
          {t('packPrintFailed', { detail: print.error.message })}
        </p>
      )}
      {view.boxes.every((b) => b.status === 'closed' && b.parcelId) && (
        <button type="button" className="button button-big" data-testid="pack-next" onClick={props.onNext}>
          {t('packNextOrder')}
        </button>
      )}
    </section>
  );
}
