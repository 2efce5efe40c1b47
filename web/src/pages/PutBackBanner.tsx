import { t } from '../i18n.js';
import type { OrderLine } from '../order-detail.js';

/** Units picked before the channel cancelled them are in a tote: someone has to put them back. */
export function PutBackBanner({ lines }: { lines: OrderLine[] }) {
  const toPutBack = lines.filter((l) => l.quantityCancelledPicked > 0);
  if (toPutBack.length === 0) return null;
  return (
    <section className="notice notice-error put-back" role="alert" data-testid="put-back-banner">
      <p className="strong">{t('putBackTitle')}</p>
      <p>{t('putBackHint')}</p>
      <ul>
        {toPutBack.map((l) => (
          <li key={l.id} data-testid="put-back-line" data-sku={l.sku}>
            {t('putBackItem', { sku: l.sku, title: l.title, count: l.quantityCancelledPicked })}
          </li>
        ))}
      </ul>
    </section>
  );
}
