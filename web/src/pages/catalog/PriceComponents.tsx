import { formatMoney } from '../../format.js';
import { t } from '../../i18n.js';
import { bpsText, type PriceBreakdown } from './catalog-format.js';

/** Every component of a channel price, so the merchant sees why it is what it is and what is left. */
export function PriceComponents({ price }: { price: PriceBreakdown }) {
  const money = (minor: number) => formatMoney(minor, price.currency);
  return (
    <dl className="facts cat-price" data-testid="price-components">
      <div>
        <dt>{t('catPriceItem')}</dt>
        <dd data-testid="price-item">{money(price.itemPrice)}</dd>
      </div>
      <div>
        <dt>{t('catPriceShipping')}</dt>
        <dd data-testid="price-shipping">{money(price.shippingPrice)}</dd>
      </div>
      <div>
        <dt>{t('catPriceTotal')}</dt>
        <dd data-testid="price-total">{money(price.totalPrice)}</dd>
      </div>
      <div>
        <dt>
          {t('catPriceCommission')} ({bpsText(price.commission.rateBps)} %
          {price.commission.category ? ` · ${price.commission.category}` : ''})
        </dt>
        <dd data-testid="price-commission">
          {money(price.commission.total)}
          {price.commission.fixed > 0 ? (
            <span className="muted small">
              {' '}
              ({t('catPriceFixedPart', { fixed: money(price.commission.fixed) })})
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('catPriceShippingCost')}</dt>
        <dd>{money(price.shippingCost)}</dd>
      </div>
      <div>
        <dt>{t('catPriceCost')}</dt>
        <dd>{price.cost === null ? '—' : money(price.cost)}</dd>
      </div>
      <div>
        <dt>{t('catPriceMargin')}</dt>
        <dd
          data-testid="price-margin"
          className={price.margin !== null && price.margin < 0 ? 'late' : undefined}
        >
          {price.margin === null ? '—' : money(price.margin)}
          {price.marginBps === null ? null : (
            <span className="muted small"> ({bpsText(price.marginBps)} %)</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
