import { type ApiError, client, toApiError } from '../api.js';
import { getAll, put, queueStore, remove } from './idb.js';

export type QueuedAction =
  | {
      kind: 'pick';
      body: { clientScanId: string; binCode: string; itemCode: string; toteCode?: string; quantity: number };
    }
  | { kind: 'short'; body: { clientScanId: string; stepKey: string; reason: 'short' | 'damaged' } }
  | { kind: 'skip'; body: { clientScanId: string; stepKey: string } };

export type QueuedScan = QueuedAction & {
  seq?: number;
  waveId: string;
  state: 'pending' | 'conflict';
  conflict?: { code: string; detail: string };
};

type Listener = (items: QueuedScan[]) => void;
const listeners = new Set<Listener>();
let items: QueuedScan[] = [];
let syncing = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let backoffMs = 500;
let onSynced: ((scan: QueuedScan) => void) | null = null;

/** Every scan gets an id on the device, so the server can tell a re-sent scan from a new one. */
export const newClientScanId = () => `scn-${crypto.randomUUID()}`;

function publish() {
  for (const l of listeners) l(items);
}

export function subscribeQueue(listener: Listener): () => void {
  listeners.add(listener);
  listener(items);
  return () => listeners.delete(listener);
}

/** Called after each scan the server accepted (the page refreshes the wave when a short moved stock). */
export function setOnSynced(handler: ((scan: QueuedScan) => void) | null) {
  onSynced = handler;
}

export async function loadQueue() {
  items = await getAll<QueuedScan>(queueStore);
  publish();
  void syncQueue();
}

/**
 * Stored first, then sent: a scan made offline, or whose answer was lost, is never lost itself. It is
 * counted as unsynced at once (before the write finishes), so the screen never shows "all synced"
 * while a scan is on its way to storage.
 */
export async function enqueue(waveId: string, action: QueuedAction) {
  const scan: QueuedScan = { ...action, waveId, state: 'pending' };
  items = [...items, scan];
  publish();
  // The sync loop skips an entry until it has its key, so nothing is sent before it is stored.
  const seq = Number(await put(queueStore, scan));
  items = items.map((i) => (i === scan ? { ...scan, seq } : i));
  publish();
  void syncQueue();
}

export async function dismissConflict(seq: number) {
  await remove(queueStore, seq);
  items = items.filter((i) => i.seq !== seq);
  publish();
}

function send(scan: QueuedScan) {
  const param = { id: scan.waveId };
  if (scan.kind === 'pick') return client.api.waves[':id']['pick-scans'].$post({ param, json: scan.body });
  if (scan.kind === 'short') return client.api.waves[':id'].shorts.$post({ param, json: scan.body });
  return client.api.waves[':id'].skips.$post({ param, json: scan.body });
}

/**
 * Sends the pending scans one by one, in the order they were made. A network failure stops the run and
 * retries with a growing delay; an answer that refuses the scan (422, or 409 for one already refused)
 * turns it into a conflict for the picker to resolve, and the run goes on.
 */
export async function syncQueue(): Promise<void> {
  if (syncing) return;
  syncing = true;
  try {
    for (;;) {
      const next = items.find((i) => i.state === 'pending');
      if (!next || next.seq === undefined) break;
      let res: Response;
      try {
        res = (await send(next)) as unknown as Response;
      } catch {
        scheduleRetry();
        return;
      }
      if (res.ok) {
        await remove(queueStore, next.seq);
        items = items.filter((i) => i.seq !== next.seq);
        backoffMs = 500;
        publish();
        onSynced?.(next);
        continue;
      }
      const error: ApiError = await toApiError(res);
      if (res.status === 422 || res.status === 409) {
        const conflicted: QueuedScan = {
          ...next,
          state: 'conflict',
          conflict: { code: error.code, detail: error.detail },
        };
        await put(queueStore, conflicted);
        items = items.map((i) => (i.seq === next.seq ? conflicted : i));
        publish();
        continue;
      }
      // Offline (the service worker's 503), server errors, expired session: keep it and try later.
      scheduleRetry();
      return;
    }
  } finally {
    syncing = false;
  }
}

function scheduleRetry() {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void syncQueue();
  }, backoffMs);
  backoffMs = Math.min(backoffMs * 2, 8_000);
}

if (typeof window !== 'undefined') {
  // Back online: do not wait for the backoff timer.
  window.addEventListener('online', () => {
    backoffMs = 500;
    void syncQueue();
  });
}
