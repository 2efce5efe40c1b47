import { formatDateTime } from '../format.js';
import { t, tCode } from '../i18n.js';
import type { OrderEvent } from '../order-detail.js';

/** Every event of the order, oldest first: what happened, its plain facts inline, anything nested one click away. */
export function EventTimeline({ events }: { events: OrderEvent[] }) {
  return (
    <section className="card">
      <h2>{t('timeline')}</h2>
      {events.length === 0 ? <p className="muted">{t('noEvents')}</p> : null}
      <ol className="timeline" data-testid="timeline">
        {events.map((e) => {
          const { facts, hasNested } = summarize(e.payload);
          return (
            <li
              key={e.id}
              className={`timeline-item${e.type.endsWith('rejected') ? ' timeline-bad' : ''}`}
              data-type={e.type}
            >
              <div className="timeline-head">
                <time dateTime={e.occurredAt} className="muted small">
                  {formatDateTime(e.occurredAt)}
                </time>
                <span className="strong">{tCode('event', e.type)}</span>
              </div>
              {facts || e.deviceId ? (
                <span className="small mono">
                  {[facts, e.deviceId ? `${t('device')}: ${e.deviceId}` : ''].filter(Boolean).join(' · ')}
                </span>
              ) : null}
              {hasNested ? (
                <details>
                  <summary>{t('details')}</summary>
                  <pre className="pre">{JSON.stringify(e.payload, null, 2)}</pre>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "sku: TER-40 · units: 1" from the payload's plain values; whether it also holds lists or objects. */
function summarize(payload: unknown): { facts: string; hasNested: boolean } {
  if (payload === null || typeof payload !== 'object') {
    return { facts: payload === null || payload === undefined ? '' : String(payload), hasNested: false };
  }
  const entries = Object.entries(payload as Record<string, unknown>);
  const plain = entries.filter(([, v]) => v === null || typeof v !== 'object');
  return {
    facts: plain.map(([k, v]) => `${k}: ${v === null ? '—' : String(v)}`).join(' · '),
    hasNested: plain.length < entries.length,
  };
}
