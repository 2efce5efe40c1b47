import { t } from '../../i18n.js';
import type { PackingView } from './pack-types.js';

/**
 * What goes in the box, line by line, and what does not: units the channel cancelled are shown with the
 * line, and units picked before the cancellation are flagged so they go back to the shelf, not in a box.
 */
export function PackLines({ view }: { view: PackingView }) {
  const putBack =
    view.lines.some((l) => l.quantityCancelledPicked > 0) ||
    view.cancelledLines.some((l) => l.quantityCancelledPicked > 0);
  return (
    <>
      {putBack ? (
        <div className="notice notice-error pack-put-back" role="alert" data-testid="pack-put-back">
          <p>{t('putBackTitle')}</p>
          <p>{t('putBackHint')}</p>
        </div>
      ) : null}
      <table className="pack-lines">
        <tbody>
          {view.lines.map((l) => (
            <tr
              key={l.id}
              data-testid="pack-line"
              data-sku={l.sku}
              className={l.quantityPacked >= l.quantity ? 'pack-line-done' : ''}
            >
              <td>
                {l.title}
                {l.quantityCancelled > 0 ? (
                  <span className="line-cancel-note" data-testid="pack-line-cancelled">
                    {t('lineCancelledUnits', {
                      cancelled: l.quantityCancelled,
                      ordered: l.quantity + l.quantityCancelled,
                    })}
                  </span>
                ) : null}
                <ReturnToShelf count={l.quantityCancelledPicked} />
              </td>
              <td>{l.sku}</td>
              <td className="pack-count">
                {t('packUnits', { packed: l.quantityPacked, total: l.quantity })}
              </td>
            </tr>
          ))}
          {view.cancelledLines.map((l) => (
            <tr
              key={l.id}
              data-testid="pack-line-cancelled-whole"
              data-sku={l.sku}
              className="pack-line-cancelled"
            >
              <td>
                <span className="line-title">{l.title}</span>
                <span className="line-cancel-note">
                  {t('lineCancelledUnits', { cancelled: l.quantityCancelled, ordered: l.quantityCancelled })}
                </span>
                <ReturnToShelf count={l.quantityCancelledPicked} />
              </td>
              <td className="line-title">{l.sku}</td>
              <td className="pack-count">{t('packLineCancelled')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ReturnToShelf({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="pack-return-to-shelf" data-testid="pack-return-to-shelf" data-count={count}>
      {t('packReturnToShelf', { count })}
    </span>
  );
}
