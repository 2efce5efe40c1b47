import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.js';
import { type MessageKey, t } from '../i18n.js';
import type { SessionUser } from '../session.js';

/** The shared submit logic of both sign-in forms: one request at a time, its error kept for display. */
export function useSignIn(
  request: () => Promise<{ user: SessionUser }>,
  onSignedIn: (user: SessionUser) => void,
  failedMessage: MessageKey,
) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setBusy(true);
    setError(null);
    try {
      const { user } = await request();
      onSignedIn(user);
    } catch (err) {
      setError(describe(err, failedMessage));
      setBusy(false);
    }
  };
  return { error, isBusy, submit };
}

/** The API's known refusals in the user's language; anything else as the API worded it. */
function describe(err: unknown, failedMessage: MessageKey): string {
  if (err instanceof ApiError && err.code === 'login_failed') return t(failedMessage);
  if (err instanceof ApiError && err.code === 'login_locked') return t('loginLocked');
  return err instanceof Error ? err.message : String(err);
}
