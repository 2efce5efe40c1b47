/** The queue's filters live in the URL, so a reload or a shared link shows the same list. */
export const orderStatuses = [
  'pending',
  'ready',
  'picking',
  'picked',
  'packed',
  'shipped',
  'cancelled',
  'on_hold',
] as const;
export const openStatuses = ['pending', 'ready', 'picking', 'picked', 'packed'] as const;

export interface QueueFilter {
  channelId: string;
  /** '' (all), 'open', or one status. */
  status: string;
}

export function readFilter(search: string): QueueFilter {
  const params = new URLSearchParams(search);
  return { channelId: params.get('channel') ?? '', status: params.get('status') ?? '' };
}

export function filterToSearch(filter: QueueFilter): string {
  const params = new URLSearchParams();
  if (filter.channelId) params.set('channel', filter.channelId);
  if (filter.status) params.set('status', filter.status);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API's `status` query: a comma-separated list, or nothing for every status. */
export function statusQuery(status: string): string | undefined {
  if (status === 'open') return openStatuses.join(',');
  return status || undefined;
}
