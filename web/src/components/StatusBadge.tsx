import { tCode } from '../i18n.js';

/** A status word on a colour that says where in the flow it is; `kind` picks the translation table. */
export function StatusBadge({
  kind,
  status,
}: {
  kind: 'orderStatus' | 'lineStatus' | 'shipmentStatus' | 'pushStatus';
  status: string;
}) {
  return (
    <span className={`badge badge-${status.replaceAll('_', '-')}`} data-status={status}>
      {tCode(kind, status)}
    </span>
  );
}
