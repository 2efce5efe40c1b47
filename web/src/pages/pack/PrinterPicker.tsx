import { useCallback, useEffect, useState } from 'react';
import { call, client } from '../../api.js';
import { t } from '../../i18n.js';

const storageKey = 'shipdesk.pack.printerId';

/** The workstation's printer, kept on this device: each station has its own. Empty: the browser's dialog. */
export function usePrinter(): [string, (id: string) => void] {
  const [printerId, setState] = useState(() => localStorage.getItem(storageKey) ?? '');
  const set = useCallback((id: string) => {
    if (id) localStorage.setItem(storageKey, id);
    else localStorage.removeItem(storageKey);
    setState(id);
  }, []);
  return [printerId, set];
}

interface PrinterRow {
  id: string;
  name: string;
  kind: string;
}

export function PrinterPicker({
  printerId,
  onChange,
}: {
  printerId: string;
  onChange: (id: string) => void;
}) {
  const [printers, setPrinters] = useState<PrinterRow[]>([]);
  const [status, setStatus] = useState<{ text: string; isReady: boolean } | null>(null);
  useEffect(() => {
    void call(client.api.printers.$get()).then(setPrinters, () => setPrinters([]));
  }, []);
  const check = async () => {
    if (!printerId) return;
    try {
      const s = await call(client.api.printers[':id'].status.$get({ param: { id: printerId } }));
      setStatus({ text: s.isReady ? t('packPrinterReady') : s.message, isReady: s.isReady });
    } catch (err) {
      setStatus({ text: (err as Error).message, isReady: false });
    }
  };
  return (
    <div className="pack-printer">
      <label>
        {t('packPrinter')}
        <select
          data-testid="pack-printer"
          value={printerId}
          onChange={(e) => {
            setStatus(null);
            onChange(e.target.value);
          }}
        >
          <option value="">{t('packPrinterBrowser')}</option>
          {printers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {printerId && (
        <button
          type="button"
          className="button"
          data-testid="pack-printer-check"
          onClick={() => void check()}
        >
          {t('packPrinterCheck')}
        </button>
      )}
      {status && (
        <span data-testid="pack-printer-status" data-ready={status.isReady}>
          {status.text}
        </span>
      )}
    </div>
  );
}
