import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, call, client } from './api.js';
import { ErrorNotice } from './components/ErrorNotice.js';
import { TopBar } from './components/TopBar.js';
import { t } from './i18n.js';
import { LoginPage } from './pages/LoginPage.js';
import { Routes } from './Routes.js';
import { type Session, SessionContext, type SessionUser } from './session.js';

type State =
  | { phase: 'checking' }
  | { phase: 'unreachable'; error: Error }
  | { phase: 'signedOut' }
  | { phase: 'signedIn'; user: SessionUser };

export function App() {
  const [state, setState] = useState<State>({ phase: 'checking' });

  const check = useCallback(async () => {
    setState({ phase: 'checking' });
    try {
      const me = await call(client.api.auth.me.$get());
      setState({ phase: 'signedIn', user: { name: me.name, role: me.role } });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setState({ phase: 'signedOut' });
      else setState({ phase: 'unreachable', error: err instanceof Error ? err : new Error(String(err)) });
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  const expire = useCallback(() => setState({ phase: 'signedOut' }), []);
  const signOut = useCallback(async () => {
    // Signed out here whatever the server says: a failed call must not keep the screen signed in.
    await call(client.api.auth.logout.$post()).catch(() => undefined);
    setState({ phase: 'signedOut' });
  }, []);

  const user = state.phase === 'signedIn' ? state.user : null;
  const session = useMemo<Session | null>(
    () => (user ? { user, signOut, expire } : null),
    [user, signOut, expire],
  );

  if (state.phase === 'checking') return <p className="page muted">{t('loading')}</p>;
  if (state.phase === 'unreachable') {
    return (
      <main className="page">
        <ErrorNotice error={state.error} onRetry={() => void check()} />
      </main>
    );
  }
  if (!session)
    return (
      <LoginPage onSignedIn={(u) => setState({ phase: 'signedIn', user: { name: u.name, role: u.role } })} />
    );
  return (
    <SessionContext.Provider value={session}>
      <TopBar />
      <Routes />
    </SessionContext.Provider>
  );
}
