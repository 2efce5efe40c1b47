import { t } from '../../i18n.js';
import type { ChannelPricing } from './catalog-format.js';
import { MoneyField, OptionalMoneyField, OptionalPercentField, PercentField } from './NumberFields.js';
import { useRowKeys } from './use-row-keys.js';

type Rule = ChannelPricing['rule'];
type Override = Rule['categoryOverrides'][number];

/** Commission, per-category overrides, shipping split, rounding, margin floor and public-price band. */
export function PriceRuleFields({ rule, onChange }: { rule: Rule; onChange: (rule: Rule) => void }) {
  const set = <K extends keyof Rule>(key: K, value: Rule[K]) => onChange({ ...rule, [key]: value });
  const rows = useRowKeys(rule.categoryOverrides.length);
  const setOverride = (i: number, change: Partial<Override>) => {
    const next = rule.categoryOverrides.map((o, j) => {
      if (j !== i) return o;
      const merged: Override = { ...o, ...change };
      // An emptied field falls back to the channel's own value.
      for (const k of ['commissionBps', 'fixedFeePerItem', 'minCommissionPerItem'] as const)
        if (merged[k] === undefined) delete merged[k];
      return merged;
    });
    set('categoryOverrides', next);
  };
  const orNull = (v: number | undefined) => (v === undefined ? null : v);
  const orUndefined = (v: number | null) => (v === null ? undefined : v);

  return (
    <>
      <fieldset className="cat-fieldset">
        <legend>{t('catRuleCommission')}</legend>
        <div className="cat-grid">
          <PercentField
            label={t('catCommissionPercent')}
            value={rule.commissionBps}
            onChange={(v) => set('commissionBps', v)}
            testId="rule-commission"
          />
          <MoneyField
            label={t('catMinCommission')}
            value={rule.minCommissionPerItem}
            onChange={(v) => set('minCommissionPerItem', v)}
            testId="rule-min-commission"
          />
          <MoneyField
            label={t('catFeePerItem')}
            value={rule.fixedFeePerItem}
            onChange={(v) => set('fixedFeePerItem', v)}
            testId="rule-fee-item"
          />
          <MoneyField
            label={t('catFeePerOrder')}
            value={rule.fixedFeePerOrder}
            onChange={(v) => set('fixedFeePerOrder', v)}
            testId="rule-fee-order"
          />
        </div>
        <label className="cat-check">
          <input
            type="checkbox"
            checked={rule.isCommissionOnShipping}
            onChange={(e) => set('isCommissionOnShipping', e.target.checked)}
          />
          {t('catCommissionOnShipping')}
        </label>
        <h3 className="cat-subhead">{t('catOverrides')}</h3>
        {rule.categoryOverrides.length === 0 ? <p className="muted small">{t('catOverridesNone')}</p> : null}
        {rule.categoryOverrides.map((o, i) => (
          <div className="cat-row" key={rows.keys[i]} data-testid="override">
            <label className="field">
              {t('catCategory')}
              <input
                value={o.category}
                onChange={(e) => setOverride(i, { category: e.target.value })}
                data-testid={`override-category-${i}`}
              />
            </label>
            <OptionalPercentField
              label={t('catCommissionPercent')}
              value={orNull(o.commissionBps)}
              onChange={(v) => setOverride(i, { commissionBps: orUndefined(v) })}
              testId={`override-commission-${i}`}
            />
            <OptionalMoneyField
              label={t('catFeePerItem')}
              value={orNull(o.fixedFeePerItem)}
              onChange={(v) => setOverride(i, { fixedFeePerItem: orUndefined(v) })}
              testId={`override-fee-${i}`}
            />
            <OptionalMoneyField
              label={t('catMinCommission')}
              value={orNull(o.minCommissionPerItem)}
              onChange={(v) => setOverride(i, { minCommissionPerItem: orUndefined(v) })}
              testId={`override-min-${i}`}
            />
            <button
              type="button"
              className="button"
              onClick={() =>
                set(
                  'categoryOverrides',
                  rule.categoryOverrides.filter((_, j) => j !== i),
                )
              }
            >
              {t('catRemove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => set('categoryOverrides', [...rule.categoryOverrides, { category: '' }])}
          data-testid="override-add"
        >
          {t('catOverrideAdd')}
        </button>
      </fieldset>

      <fieldset className="cat-fieldset">
        <legend>{t('catRulePrice')}</legend>
        <div className="cat-grid">
          <PercentField
            label={t('catAdjust')}
            value={rule.adjustBps}
            onChange={(v) => set('adjustBps', v)}
            testId="rule-adjust"
            isSigned
          />
          <label className="field">
            {t('catShippingMode')}
            <select
              value={rule.shippingMode}
              onChange={(e) => set('shippingMode', e.target.value as Rule['shippingMode'])}
              data-testid="rule-shipping-mode"
            >
              {(['none', 'fixed', 'percent'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`catShippingMode.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {rule.shippingMode === 'fixed' ? (
            <MoneyField
              label={t('catShippingAmount')}
              value={rule.shippingAmount}
              onChange={(v) => set('shippingAmount', v)}
              testId="rule-shipping-amount"
            />
          ) : null}
          {rule.shippingMode === 'percent' ? (
            <PercentField
              label={t('catShippingShare')}
              value={rule.shippingBps}
              onChange={(v) => set('shippingBps', v)}
              testId="rule-shipping-share"
            />
          ) : null}
          <MoneyField
            label={t('catShippingCost')}
            value={rule.shippingCost}
            onChange={(v) => set('shippingCost', v)}
            testId="rule-shipping-cost"
          />
          <label className="field">
            {t('catRounding')}
            <select
              value={rule.rounding}
              onChange={(e) => set('rounding', e.target.value as Rule['rounding'])}
              data-testid="rule-rounding"
            >
              <option value="none">{t('catRoundingNone')}</option>
              <option value="x.90">.90</option>
              <option value="x.99">.99</option>
            </select>
          </label>
          <PercentField
            label={t('catVat')}
            value={rule.vatBps}
            onChange={(v) => set('vatBps', v)}
            testId="rule-vat"
          />
        </div>
      </fieldset>

      <fieldset className="cat-fieldset">
        <legend>{t('catRuleChecks')}</legend>
        <div className="cat-grid">
          <OptionalPercentField
            label={t('catMinMargin')}
            hint={t('catEmptyOff')}
            value={rule.minMarginBps}
            onChange={(v) => set('minMarginBps', v)}
            testId="rule-min-margin"
          />
          <OptionalPercentField
            label={t('catMaxBelowPublic')}
            hint={t('catEmptyOff')}
            value={rule.publicPriceMaxBelowBps}
            onChange={(v) => set('publicPriceMaxBelowBps', v)}
            testId="rule-max-below"
          />
        </div>
        <label className="cat-check">
          <input
            type="checkbox"
            checked={rule.isPublicPriceCeiling}
            onChange={(e) => set('isPublicPriceCeiling', e.target.checked)}
            data-testid="rule-ceiling"
          />
          {t('catPublicCeiling')}
        </label>
      </fieldset>
    </>
  );
}
