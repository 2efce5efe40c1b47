import { t } from '../../i18n.js';
import { type CatalogProduct, offerState, type Reason, reasonKind } from './catalog-format.js';
import { PriceComponents } from './PriceComponents.js';

export function StatusBadge({ status }: { status: 'published' | 'pending' | 'blocked' }) {
  const tone =
    status === 'published' ? 'badge-confirmed' : status === 'blocked' ? 'badge-refused' : 'badge-pending';
  return <span className={`badge ${tone}`}>{t(`catStatus.${status}`)}</span>;
}

/** Each reason with the gate that raised it: price rule, quality check or the channel's own report. */
export function Reasons({ reasons }: { reasons: Reason[] }) {
  return (
    <ul className="cat-reasons" data-testid="reasons">
      {reasons.map((r) => (
        <li key={`${r.code}:${r.message}`} data-testid="reason" data-code={r.code}>
          <span className="badge">{t(`catReason.${reasonKind(r.code)}`)}</span> {r.message}
        </li>
      ))}
    </ul>
  );
}

/** One product on every enabled channel: price components, stock sent, published or why not. */
export function ProductChannels({ product }: { product: CatalogProduct }) {
  if (product.channels.length === 0) return <p className="muted">{t('catNoChannels')}</p>;
  return (
    <div className="cat-channels">
      {product.channels.map((c) => {
        const state = offerState(c);
        return (
          <article
            key={c.channelId}
            className="cat-channel"
            data-testid="product-channel"
            data-channel={c.channelName}
          >
            <header className="cat-channel-head">
              <span className="strong">{c.channelName}</span>
              <StatusBadge status={state.status} />
              <span className="muted small">{t('catQuantity', { count: c.quantity })}</span>
            </header>
            <PriceComponents price={c.price} />
            {state.reasons.length > 0 ? <Reasons reasons={state.reasons} /> : null}
          </article>
        );
      })}
    </div>
  );
}
