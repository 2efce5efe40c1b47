import { t } from '../../i18n.js';
import type { WaveView } from '../../offline/wave-cache.js';

/** Cluster start: one tote per order on the cart, scanned in slot order. */
export function ToteAssign(props: { view: WaveView; message: string | null }) {
  return (
    <section className="pick-step" data-testid="tote-assign">
      <h2>{t('pickToteTitle')}</h2>
      <ol className="pick-totes">
        {props.view.orders.map((o) => (
          <li key={o.orderId} data-testid="tote-slot">
            {t('pickForSlot', { slot: o.slot })}: <strong>{o.toteCode ?? t('pickToteWaiting')}</strong>
          </li>
        ))}
      </ol>
      {props.message && (
        <p className="notice notice-error" data-testid="scan-message">
          {props.message}
        </p>
      )}
    </section>
  );
}
