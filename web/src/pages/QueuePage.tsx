import { call, client } from '../api.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { formatTime } from '../format.js';
import { t } from '../i18n.js';
import { navigate, useSearch } from '../router.js';
import { usePolling } from '../use-polling.js';
import { QueueFilters } from './QueueFilters.js';
import { QueueTable } from './QueueTable.js';
import { filterToSearch, type QueueFilter, readFilter, statusQuery } from './queue-filters.js';

const refreshMs = 10_000;
const pageSize = 200;

export function QueuePage() {
  const filter = readFilter(useSearch());
  const status = statusQuery(filter.status);
  const queue = usePolling(
    () =>
      call(
        client.api.orders.$get({
          query: {
            ...(filter.channelId ? { channelId: filter.channelId } : {}),
            ...(status ? { status } : {}),
            limit: String(pageSize),
          },
        }),
      ),
    `${filter.channelId}|${status ?? ''}`,
    refreshMs,
  );
  // Pickers and packers may not list channels: the filter then offers "all channels" only.
  const channels = usePolling(() => call(client.api.channels.$get()), 'channels');
  const change = (next: QueueFilter) => navigate(`/${filterToSearch(next)}`, { replace: true });

  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('queueTitle')}</h1>
        {queue.data && queue.updatedAt ? (
          <p className="muted small" data-testid="queue-count">
            {t('ordersCount', { shown: queue.data.items.length, total: queue.data.total })} ·{' '}
            {t('updatedAt', { time: formatTime(queue.updatedAt) })}
          </p>
        ) : null}
      </div>
      <QueueFilters filter={filter} channels={channels.data ?? []} onChange={change} />
      {queue.error ? <ErrorNotice error={queue.error} onRetry={queue.reload} /> : null}
      {queue.data ? (
        <QueueTable items={queue.data.items} now={queue.updatedAt ?? new Date()} />
      ) : queue.error ? null : (
        <p className="muted">{t('loading')}</p>
      )}
    </main>
  );
}
