import { useState } from 'react';
import { call, client } from '../api.js';
import { t } from '../i18n.js';
import type { SessionUser } from '../session.js';
import { useSignIn } from './use-sign-in.js';

/** A keyboard-wedge scanner types the badge into the focused field and presses Enter: focus moves to the PIN. */
export function BadgeForm({ onSignedIn }: { onSignedIn(user: SessionUser): void }) {
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const { error, isBusy, submit } = useSignIn(
    () => call(client.api.auth.badge.$post({ json: { badge: badge.trim(), pin } })),
    onSignedIn,
    'loginFailedBadge',
  );
  return (
    <form className="form" onSubmit={submit} data-testid="badge-form">
      <label className="field">
        <span>{t('badge')}</span>
        <input
          name="badge"
          autoComplete="off"
          autoCapitalize="off"
          placeholder={t('badgeHint')}
          required
          // biome-ignore lint/a11y/noAutofocus: the scanner types into whatever has focus; this screen has one job.
          autoFocus
          value={badge}
          onChange={(e) => setBadge(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || pin) return;
            e.preventDefault();
            e.currentTarget.form?.querySelector<HTMLInputElement>('input[name="pin"]')?.focus();
          }}
          data-testid="login-badge"
        />
      </label>
      <label className="field">
        <span>{t('pin')}</span>
        <input
          name="pin"
          type="password"
          inputMode="numeric"
          pattern="\d{4,8}"
          autoComplete="off"
          required
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          data-testid="login-pin"
        />
      </label>
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="login-error">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button-primary button-big"
        disabled={isBusy}
        data-testid="badge-submit"
      >
        {isBusy ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
