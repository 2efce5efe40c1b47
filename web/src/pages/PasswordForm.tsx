import { useState } from 'react';
import { call, client } from '../api.js';
import { t } from '../i18n.js';
import type { SessionUser } from '../session.js';
import { useSignIn } from './use-sign-in.js';

export function PasswordForm({ onSignedIn }: { onSignedIn(user: SessionUser): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, isBusy, submit } = useSignIn(
    () => call(client.api.auth.login.$post({ json: { email: email.trim(), password } })),
    onSignedIn,
    'loginFailedPassword',
  );
  return (
    <form className="form" onSubmit={submit} data-testid="login-form">
      <label className="field">
        <span>{t('email')}</span>
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="login-email"
        />
      </label>
      <label className="field">
        <span>{t('password')}</span>
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="login-password"
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
        data-testid="login-submit"
      >
        {isBusy ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
