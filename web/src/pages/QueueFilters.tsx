import { t, tCode } from '../i18n.js';
import { orderStatuses, type QueueFilter } from './queue-filters.js';

interface Props {
  filter: QueueFilter;
  channels: { id: string; name: string }[];
  onChange(filter: QueueFilter): void;
}

export function QueueFilters({ filter, channels, onChange }: Props) {
  return (
    <div className="filters">
      <label className="field field-inline">
        <span>{t('filterChannel')}</span>
        <select
          value={filter.channelId}
          onChange={(e) => onChange({ ...filter, channelId: e.target.value })}
          data-testid="filter-channel"
        >
          <option value="">{t('allChannels')}</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>{t('filterStatus')}</span>
        <select
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.target.value })}
          data-testid="filter-status"
        >
          <option value="">{t('allStatuses')}</option>
          <option value="open">{t('openStatuses')}</option>
          {orderStatuses.map((s) => (
            <option key={s} value={s}>
              {tCode('orderStatus', s)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
