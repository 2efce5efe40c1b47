import { ApiError } from '../api.js';
import { t } from '../i18n.js';

/** An API failure in words, with the request id support can look up, and a retry. */
export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="notice notice-error" role="alert" data-testid="error">
      <p>{error.message}</p>
      {requestId ? <p className="muted small">{requestId}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}
