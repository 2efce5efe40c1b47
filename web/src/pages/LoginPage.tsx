import { useState } from 'react';
import { t } from '../i18n.js';
import type { SessionUser } from '../session.js';
import { BadgeForm } from './BadgeForm.js';
import { PasswordForm } from './PasswordForm.js';

type Tab = 'password' | 'badge';

/** Office staff sign in with email and password; handheld users scan their badge and type a PIN. */
export function LoginPage({ onSignedIn }: { onSignedIn(user: SessionUser): void }) {
  const [tab, setTab] = useState<Tab>('password');
  return (
    <main className="login">
      <h1 className="login-title">{t('appName')}</h1>
      <div className="tabs" role="tablist">
        {(['password', 'badge'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            className="tab"
            data-testid={`login-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {name === 'password' ? t('tabPassword') : t('tabBadge')}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'password' ? (
          <PasswordForm onSignedIn={onSignedIn} />
        ) : (
          <BadgeForm onSignedIn={onSignedIn} />
        )}
      </div>
    </main>
  );
}
