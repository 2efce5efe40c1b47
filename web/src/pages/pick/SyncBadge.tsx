import { t } from '../../i18n.js';
import type { QueuedScan } from '../../offline/pick-queue.js';

/** What this device holds that the server has not accepted yet; always on screen while picking. */
export function SyncBadge(props: {
  queue: QueuedScan[];
  isOnline: boolean;
  onDismiss: (seq: number) => void;
}) {
  const pending = props.queue.filter((q) => q.state === 'pending').length;
  const conflicts = props.queue.filter((q) => q.state === 'conflict');
  return (
    <div className="pick-sync">
      <span
        className={pending > 0 ? 'pick-badge pick-badge-pending' : 'pick-badge'}
        data-testid="unsynced"
        data-count={pending}
      >
        {pending > 0 ? t('pickUnsynced', { count: pending }) : t('pickAllSynced')}
      </span>
      {!props.isOnline && (
        <span className="pick-offline" data-testid="offline-notice">
          {t('pickOffline')}
        </span>
      )}
      {conflicts.map((c) => (
        <div key={c.seq} className="notice notice-error" data-testid="sync-conflict">
          <p>{t('pickConflict', { detail: c.conflict?.detail ?? '' })}</p>
          <button
            type="button"
            className="button"
            onClick={() => c.seq !== undefined && props.onDismiss(c.seq)}
          >
            {t('pickConflictDismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
