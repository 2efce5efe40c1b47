import { useState } from 'react';
import { call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t } from '../../i18n.js';
import { useSession } from '../../session.js';
import { usePolling } from '../../use-polling.js';
import { CatalogNav } from './CatalogNav.js';
import type { ChannelPricing } from './catalog-format.js';
import { PricePreview } from './PricePreview.js';
import { PriceRuleFields } from './PriceRuleFields.js';
import { FeedFields, QualityFields } from './QualityFeedFields.js';

/** Each channel's price rule, quality rules and feed settings, tried on a product before saving. */
export function PriceRulesPage() {
  const { user } = useSession();
  const channels = usePolling(() => call(client.api.pricing.channels.$get()), 'pricing-channels');
  const [channelId, setChannelId] = useState<string | null>(null);
  const chosen = channels.data?.find((c) => c.channelId === channelId) ?? channels.data?.[0];
  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('catRulesTitle')}</h1>
        <p className="muted">{t('catRulesHint')}</p>
      </div>
      <CatalogNav />
      {channels.error ? <ErrorNotice error={channels.error} onRetry={channels.reload} /> : null}
      {channels.data ? (
        <label className="field cat-channel-pick">
          {t('catChannel')}
          <select
            value={chosen?.channelId ?? ''}
            onChange={(e) => setChannelId(e.target.value)}
            data-testid="rules-channel"
          >
            {channels.data.map((c) => (
              <option key={c.channelId} value={c.channelId}>
                {c.channelName} ({c.channelType}){c.isEnabled ? '' : ` — ${t('channelDisabled')}`}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {chosen ? (
        <ChannelRules
          key={chosen.channelId}
          saved={chosen}
          canSave={user.role === 'admin'}
          onSaved={channels.reload}
        />
      ) : null}
    </main>
  );
}

function ChannelRules({
  saved,
  canSave,
  onSaved,
}: {
  saved: ChannelPricing;
  canSave: boolean;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const save = async () => {
    setError(null);
    setMessage(null);
    setIsSaving(true);
    try {
      const result = await call(
        client.api.pricing.channels[':channelId'].$put({
          param: { channelId: saved.channelId },
          json: { rule: draft.rule, quality: draft.quality, feed: draft.feed },
        }),
      );
      setDraft(result);
      setMessage(t('catRulesSaved'));
      onSaved();
    } catch (err) {
      setError(err as Error);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <div className="cat-rules">
      <form
        className="card cat-section"
        data-testid="rules-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {saved.isSaved ? null : <p className="notice">{t('catRulesDefaults')}</p>}
        <PriceRuleFields rule={draft.rule} onChange={(rule) => setDraft({ ...draft, rule })} />
        <QualityFields quality={draft.quality} onChange={(quality) => setDraft({ ...draft, quality })} />
        <FeedFields feed={draft.feed} onChange={(feed) => setDraft({ ...draft, feed })} />
        {error ? <ErrorNotice error={error} /> : null}
        {message ? (
          <p className="notice" role="status" data-testid="rules-saved">
            {message}
          </p>
        ) : null}
        <div className="cat-row">
          <button
            type="submit"
            className="button button-primary"
            disabled={!canSave || isSaving}
            data-testid="rules-save"
          >
            {isSaving ? t('catWorking') : t('catRulesSave')}
          </button>
          <button type="button" className="button" onClick={() => setDraft(saved)}>
            {t('catRulesReset')}
          </button>
          {canSave ? null : <span className="muted small">{t('catAdminOnly')}</span>}
        </div>
      </form>
      <PricePreview channelId={saved.channelId} draft={draft} />
    </div>
  );
}
