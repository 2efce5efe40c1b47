import type { InferResponseType } from 'hono/client';
import { useEffect, useState } from 'react';
import { ApiError, call, client } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { t } from '../../i18n.js';

export type ChannelConfig = InferResponseType<typeof client.api.channels.$get, 200>[number];
type Kind = ChannelConfig['settingFields'][number]['kind'];
interface SettingField {
  key: string;
  kind: Kind;
  isRequired: boolean;
}

/** The type's settings first, then any other plain value the channel holds (stock push, auto-accept…). */
function settingFieldsFor(channel: ChannelConfig): SettingField[] {
  const known = new Set(channel.settingFields.map((f) => f.key));
  const extra = Object.entries(channel.settings).flatMap(([key, value]): SettingField[] => {
    if (known.has(key)) return [];
    if (typeof value === 'boolean') return [{ key, kind: 'boolean', isRequired: false }];
    if (typeof value === 'number') return [{ key, kind: 'number', isRequired: false }];
    if (typeof value === 'string') return [{ key, kind: 'text', isRequired: false }];
    return [];
  });
  return [...channel.settingFields, ...extra];
}

const asInput = (value: unknown) =>
  value === null || value === undefined ? '' : typeof value === 'boolean' ? value : String(value);

function initialSettings(channel: ChannelConfig) {
  return Object.fromEntries(
    settingFieldsFor(channel).map((f) => [
      f.key,
      f.kind === 'boolean' ? channel.settings[f.key] === true : asInput(channel.settings[f.key]),
    ]),
  ) as Record<string, string | boolean>;
}

/**
 * One channel's name, settings and credentials. Secrets are write-only: the form shows whether each is
 * set and offers a field to replace it; only what changed is sent (the API merges it into the rest).
 */
export function ChannelEditForm({ channel, onSaved }: { channel: ChannelConfig; onSaved: () => void }) {
  const fields = settingFieldsFor(channel);
  const credentialFields = [...new Set([...channel.credentialFields, ...channel.credentialsSet])];
  const [name, setName] = useState(channel.name);
  const [isEnabled, setIsEnabled] = useState(channel.isEnabled);
  const [settings, setSettings] = useState(() => initialSettings(channel));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [state, setState] = useState<
    { phase: 'idle' | 'saving' | 'saved' | 'unchanged' } | { phase: 'error'; error: Error }
  >({ phase: 'idle' });

  // A saved edit reloads the channel: the form starts again from what the server now holds.
  useEffect(() => {
    setName(channel.name);
    setIsEnabled(channel.isEnabled);
    setSettings(initialSettings(channel));
    setSecrets({});
  }, [channel]);

  function changes() {
    const before = initialSettings(channel);
    const changedSettings: Record<string, unknown> = {};
    for (const f of fields) {
      const value = settings[f.key];
      if (value === before[f.key]) continue;
      if (typeof value === 'boolean') changedSettings[f.key] = value;
      else if (value === undefined || value.trim() === '') changedSettings[f.key] = null;
      else changedSettings[f.key] = f.kind === 'number' ? Number(value) : value.trim();
    }
    const credentials = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''));
    return {
      ...(name.trim() && name.trim() !== channel.name ? { name: name.trim() } : {}),
      ...(isEnabled !== channel.isEnabled ? { isEnabled } : {}),
      ...(Object.keys(changedSettings).length > 0 ? { settings: changedSettings } : {}),
      ...(Object.keys(credentials).length > 0 ? { credentials } : {}),
    };
  }

  async function save() {
    const json = changes();
    if (Object.keys(json).length === 0) return setState({ phase: 'unchanged' });
    setState({ phase: 'saving' });
    try {
      await call(client.api.channels[':id'].$patch({ param: { id: channel.id }, json }));
      setState({ phase: 'saved' });
      onSaved();
    } catch (err) {
      setState({ phase: 'error', error: err instanceof Error ? err : new Error(String(err)) });
    }
  }

  const fieldErrors = state.phase === 'error' && state.error instanceof ApiError ? state.error.errors : [];
  const id = (part: string) => `chn-${channel.id}-${part}`;
  return (
    <form
      className="form channel-form"
      data-testid="channel-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>{t('channelName')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="channel-name" />
      </label>
      <label className="channel-check">
        <input
          type="checkbox"
          checked={isEnabled}
          onChange={(e) => setIsEnabled(e.target.checked)}
          data-testid="channel-enabled"
        />
        <span>{t('channelEnabled')}</span>
      </label>
      {fields.length > 0 ? (
        <fieldset className="channel-fieldset">
          <legend>{t('channelSettings')}</legend>
          {fields.map((f) =>
            f.kind === 'boolean' ? (
              <label key={f.key} className="channel-check">
                <input
                  type="checkbox"
                  checked={settings[f.key] === true}
                  onChange={(e) => setSettings((s) => ({ ...s, [f.key]: e.target.checked }))}
                  data-testid={`setting-${f.key}`}
                />
                <span className="mono">{f.key}</span>
              </label>
            ) : (
              <label key={f.key} className="field" htmlFor={id(f.key)}>
                <span className="mono">{f.key}</span>
                <input
                  id={id(f.key)}
                  type={f.kind === 'url' ? 'url' : f.kind === 'number' ? 'number' : 'text'}
                  step={f.kind === 'number' ? 'any' : undefined}
                  required={f.isRequired}
                  value={String(settings[f.key] ?? '')}
                  onChange={(e) => setSettings((s) => ({ ...s, [f.key]: e.target.value }))}
                  data-testid={`setting-${f.key}`}
                />
              </label>
            ),
          )}
        </fieldset>
      ) : null}
      {credentialFields.length > 0 ? (
        <fieldset className="channel-fieldset">
          <legend>{t('channelCredentials')}</legend>
          <p className="muted small">{t('channelCredentialsHint')}</p>
          {credentialFields.map((field) => {
            const isSet = channel.credentialsSet.includes(field);
            return (
              <label key={field} className="field" htmlFor={id(`secret-${field}`)}>
                <span>
                  <span className="mono">{field}</span>{' '}
                  <span
                    className={`badge ${isSet ? 'badge-confirmed' : 'badge-not-sent'}`}
                    data-testid={`credential-state-${field}`}
                    data-set={isSet}
                  >
                    {isSet ? t('credentialSet') : t('credentialNotSet')}
                  </span>
                </span>
                <input
                  id={id(`secret-${field}`)}
                  type="password"
                  autoComplete="new-password"
                  placeholder={t('credentialReplace', { field })}
                  value={secrets[field] ?? ''}
                  onChange={(e) => setSecrets((s) => ({ ...s, [field]: e.target.value }))}
                  data-testid={`credential-${field}`}
                />
              </label>
            );
          })}
        </fieldset>
      ) : null}
      {fieldErrors.length ? (
        <ul className="error-text" data-testid="channel-form-errors">
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
          disabled={state.phase === 'saving'}
          data-testid="channel-save"
        >
          {t('channelSave')}
        </button>{' '}
        {state.phase === 'saved' ? (
          <span className="muted" role="status" data-testid="channel-saved">
            {t('channelSaved')}
          </span>
        ) : state.phase === 'unchanged' ? (
          <span className="muted" role="status">
            {t('channelNothingChanged')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
