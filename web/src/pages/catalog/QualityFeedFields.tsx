import { t } from '../../i18n.js';
import type { ChannelPricing } from './catalog-format.js';
import { IntField } from './NumberFields.js';
import { useRowKeys } from './use-row-keys.js';

type Quality = ChannelPricing['quality'];
type Feed = ChannelPricing['feed'];

const feedFormats: Feed['format'][] = [
  'mirakl-of01',
  'amazon-listings',
  'ebay-bulk',
  'woocommerce',
  'shopify',
  'template',
];

const attributeList = (text: string) =>
  text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

/** What the channel demands of a listing: images, title length, EAN, attributes per category. */
export function QualityFields({ quality, onChange }: { quality: Quality; onChange: (q: Quality) => void }) {
  const set = <K extends keyof Quality>(key: K, value: Quality[K]) => onChange({ ...quality, [key]: value });
  const rows = quality.requiredAttributes;
  const rowKeys = useRowKeys(rows.length);
  return (
    <fieldset className="cat-fieldset">
      <legend>{t('catQuality')}</legend>
      <div className="cat-grid">
        <IntField
          label={t('catMinImages')}
          value={quality.minImages}
          onChange={(v) => set('minImages', v)}
          testId="quality-min-images"
        />
        <IntField
          label={t('catMaxTitle')}
          value={quality.maxTitleLength}
          onChange={(v) => set('maxTitleLength', v)}
          testId="quality-max-title"
        />
      </div>
      <label className="cat-check">
        <input
          type="checkbox"
          checked={quality.isEanRequired}
          onChange={(e) => set('isEanRequired', e.target.checked)}
        />
        {t('catEanRequired')}
      </label>
      <h3 className="cat-subhead">{t('catRequiredAttributes')}</h3>
      {rows.map((r, i) => (
        <div className="cat-row" key={rowKeys.keys[i]} data-testid="required-attributes">
          <label className="field">
            {t('catCategory')}
            <input
              value={r.category}
              onChange={(e) =>
                set(
                  'requiredAttributes',
                  rows.map((x, j) => (j === i ? { ...x, category: e.target.value } : x)),
                )
              }
            />
          </label>
          <label className="field cat-wide">
            {t('catAttributesComma')}
            <input
              // Typed freely, read on blur; a reset from outside remounts it with the new list.
              key={r.attributes.join(',')}
              defaultValue={r.attributes.join(', ')}
              onBlur={(e) =>
                set(
                  'requiredAttributes',
                  rows.map((x, j) => (j === i ? { ...x, attributes: attributeList(e.target.value) } : x)),
                )
              }
            />
          </label>
          <button
            type="button"
            className="button"
            onClick={() =>
              set(
                'requiredAttributes',
                rows.filter((_, j) => j !== i),
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
        onClick={() => set('requiredAttributes', [...rows, { category: '', attributes: [] }])}
      >
        {t('catRequiredAdd')}
      </button>
    </fieldset>
  );
}

/** Which format the channel gets and how often it is sent. */
export function FeedFields({ feed, onChange }: { feed: Feed; onChange: (f: Feed) => void }) {
  const set = <K extends keyof Feed>(key: K, value: Feed[K]) => onChange({ ...feed, [key]: value });
  return (
    <fieldset className="cat-fieldset">
      <legend>{t('catFeed')}</legend>
      <div className="cat-grid">
        <label className="field">
          {t('catFeedFormat')}
          <select
            value={feed.format}
            onChange={(e) => set('format', e.target.value as Feed['format'])}
            data-testid="feed-format"
          >
            {feedFormats.map((f) => (
              <option key={f} value={f}>
                {t(`catFormat.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <IntField
          label={t('catFeedInterval')}
          hint={t('catFeedIntervalHint')}
          value={feed.intervalMinutes}
          onChange={(v) => set('intervalMinutes', v)}
          testId="feed-interval"
        />
        {feed.format === 'template' ? (
          <label className="field">
            {t('catFeedFileType')}
            <select
              value={feed.template.fileType}
              onChange={(e) =>
                set('template', {
                  ...feed.template,
                  fileType: e.target.value as Feed['template']['fileType'],
                })
              }
            >
              <option value="csv">CSV</option>
              <option value="xlsx">XLSX</option>
            </select>
          </label>
        ) : null}
        {feed.format === 'mirakl-of01' ? (
          <label className="field">
            {t('catMiraklLogisticClass')}
            <input
              value={feed.miraklLogisticClass}
              onChange={(e) => set('miraklLogisticClass', e.target.value)}
              data-testid="feed-logistic-class"
            />
          </label>
        ) : null}
        {feed.format === 'amazon-listings' ? (
          <>
            <label className="field">
              {t('catAmazonSeller')}
              <input value={feed.amazonSellerId} onChange={(e) => set('amazonSellerId', e.target.value)} />
            </label>
            <label className="field">
              {t('catAmazonProductType')}
              <input
                value={feed.amazonProductType}
                onChange={(e) => set('amazonProductType', e.target.value)}
              />
            </label>
          </>
        ) : null}
      </div>
    </fieldset>
  );
}
