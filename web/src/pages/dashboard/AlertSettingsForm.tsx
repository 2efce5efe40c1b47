import { useEffect, useState } from 'react';
import { ApiError, call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t } from '../../i18n.js';
import { usePolling } from '../../use-polling.js';

/**
 * Where alerts go (admins only). The secret is write-only: the API says whether one is saved, never what
 * it is, and an empty field keeps it.
 */
export function AlertSettingsForm() {
  const saved = usePolling(
    () => call(client.api.dashboard['alert-settings'].$get()),
    'dashboard:alert-settings',
  );
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [isEnabled, setIsEnabled] = useState(false);
  const [nearPercent, setNearPercent] = useState('80');
  const [state, setState] = useState<
    { phase: 'idle' | 'saving' | 'saved' } | { phase: 'error'; error: Error }
  >({
    phase: 'idle',
  });

  useEffect(() => {
    if (!saved.data) return;
    setUrl(saved.data.webhookUrl ?? '');
    setIsEnabled(saved.data.isWebhookEnabled);
    setNearPercent(String(Math.round(saved.data.nearRatio * 100)));
  }, [saved.data]);

  const save = async () => {
    setState({ phase: 'saving' });
    try {
      await call(
        client.api.dashboard['alert-settings'].$put({
          json: {
            webhookUrl: url.trim() || null,
            isWebhookEnabled: isEnabled,
            nearRatio: Number(nearPercent) / 100,
            ...(secret ? { webhookSecret: secret } : {}),
          },
        }),
      );
      setSecret('');
      setState({ phase: 'saved' });
      saved.reload();
    } catch (err) {
      setState({ phase: 'error', error: err instanceof Error ? err : new Error(String(err)) });
    }
  };

  const fieldErrors = state.phase === 'error' && state.error instanceof ApiError ? state.error.errors : [];
  return (
    <section className="dash-section" aria-labelledby="dash-alert-settings" data-testid="dash-alert-settings">
      <h2 id="dash-alert-settings">{t('dashSettingsTitle')}</h2>
      {saved.error ? <ErrorNotice error={saved.error} onRetry={saved.reload} /> : null}
      <form
        className="card form dash-settings"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted small">{t('dashSettingsHint')}</p>
        <label className="field">
          <span>{t('dashWebhookUrl')}</span>
          <input
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://"
            data-testid="webhook-url"
          />
        </label>
        <label className="field">
          <span>{t('dashWebhookSecret')}</span>
          <input
            type="password"
            autoComplete="new-password"
            minLength={16}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            placeholder={saved.data?.hasWebhookSecret ? t('dashWebhookSecretKept') : ''}
            data-testid="webhook-secret"
          />
        </label>
        <label className="dash-check">
          <input
            type="checkbox"
            checked={isEnabled}
            onChange={(e) => setIsEnabled(e.target.checked)}
            data-testid="webhook-enabled"
          />
          <span>{t('dashWebhookEnabled')}</span>
        </label>
        <label className="field">
          <span>{t('dashNearRatio')}</span>
          <input
            type="number"
            min={10}
            max={100}
            step={5}
            value={nearPercent}
            onChange={(e) => setNearPercent(e.target.value)}
            data-testid="near-ratio"
          />
        </label>
        {fieldErrors.length ? (
          <ul className="error-text">
            {fieldErrors.map((f) => (
              <li key={f.path}>
                {f.path}: {f.message}
              </li>
            ))}
          </ul>
        ) : state.phase === 'error' ? (
          <ErrorNotice error={state.error} />
        ) : null}
        <div>
          <button
            type="submit"
            className="button button-primary"
            disabled={state.phase === 'saving' || !saved.data}
            data-testid="settings-save"
          >
            {t('dashSave')}
          </button>{' '}
          {state.phase === 'saved' ? (
            <span className="muted" role="status">
              {t('dashSaved')}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
