import { useState } from 'react';
import { call, client, type SuccessBody } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t } from '../../i18n.js';
import type { ChannelPricing } from './catalog-format.js';
import { PriceComponents } from './PriceComponents.js';
import { Reasons, StatusBadge } from './ProductChannels.js';

type Preview = SuccessBody<
  Awaited<ReturnType<(typeof client.api.pricing.channels)[':channelId']['preview']['$post']>>
>;

/** The rules being edited, tried on one catalogue product before anything is saved. */
export function PricePreview({ channelId, draft }: { channelId: string; draft: ChannelPricing }) {
  const [sku, setSku] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const run = async () => {
    setError(null);
    try {
      setPreview(
        await call(
          client.api.pricing.channels[':channelId'].preview.$post({
            param: { channelId },
            json: { rule: draft.rule, quality: draft.quality, ...(sku.trim() ? { sku: sku.trim() } : {}) },
          }),
        ),
      );
    } catch (err) {
      setPreview(null);
      setError(err as Error);
    }
  };

  return (
    <section className="card cat-section cat-preview" data-testid="price-preview">
      <h2>{t('catPreviewTitle')}</h2>
      <p className="muted small">{t('catPreviewHint')}</p>
      <div className="cat-row">
        <label className="field">
          {t('catPreviewSku')}
          <input value={sku} onChange={(e) => setSku(e.target.value)} data-testid="preview-sku" />
        </label>
        <button type="button" className="button" onClick={() => void run()} data-testid="preview-run">
          {t('catPreviewRun')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {preview ? (
        <div data-testid="preview-result">
          <p>
            <span className="strong mono">{preview.sku}</span> {preview.name}{' '}
            <StatusBadge status={preview.isPublishable ? 'published' : 'blocked'} />
          </p>
          <PriceComponents price={preview.price} />
          {preview.reasons.length > 0 ? <Reasons reasons={preview.reasons} /> : null}
        </div>
      ) : null}
    </section>
  );
}
