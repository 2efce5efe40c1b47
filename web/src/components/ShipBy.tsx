import { describeShipBy, formatDateTime } from '../format.js';
import { t } from '../i18n.js';

/** Ship-by as people think of it: late in red, due today in orange; the exact time on hover. */
export function ShipBy({ iso, now }: { iso: string | null; now: Date }) {
  if (!iso) return <span className="muted">{t('noShipBy')}</span>;
  const { text, tone } = describeShipBy(iso, now);
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={`shipby shipby-${tone}`} data-tone={tone}>
      {text}
      {tone === 'late' ? <span className="shipby-flag"> · {t('late')}</span> : null}
      {tone === 'today' ? <span className="shipby-flag"> · {t('dueToday')}</span> : null}
    </time>
  );
}
