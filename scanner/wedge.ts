import type { WedgeOptions } from './types.js';

type WedgeHandlerOptions = WedgeOptions & { onScan: (raw: string) => void };
interface KeyLike {
  key: string;
  timeStamp?: number;
  ctrlKey?: boolean;
}

// Keys a scanner's keyboard emulation sends around characters (Shift for capitals); they must neither
// break a burst nor count as typing.
const neutralKeys = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

/**
 * Tells a keyboard-wedge scan (a burst of keys a few ms apart, ending in Enter or Tab, optionally after a
 * prefix) from a person typing. Times come from the events' own timeStamps, so keys that the browser
 * held back while the page was busy still show their real spacing.
 *
 * Which keys are consumed: without a prefix nothing is known about a key until the burst ends, so
 * characters pass through and only the terminator that ends a scan is consumed (Enter must not submit a
 * form, Tab must not move focus). With a prefix, the prefix and everything after it up to the terminator
 * are consumed, which keeps scans out of focused inputs; choose a prefix people do not type.
 *
 * Delivery: scans are queued and handed to `onScan` one at a time in order; when `onScan` returns a
 * promise, the next scan waits for it, so a slow handler never sees two scans at once and loses none.
 */
export function createWedgeDetector(options: WedgeHandlerOptions): {
  handleKey(e: KeyLike): boolean;
  reset(): void;
} {
  const maxGap = options.maxInterKeyMs ?? 35;
  const minLength = options.minLength ?? 3;
  const prefix = options.prefix ?? '';
  const terminators = options.terminators ?? ['Enter', 'Tab'];
  const duplicateWindow = options.duplicateWindowMs ?? 100;
  const now = options.now ?? (() => performance.now());
  const deliver = createDeliveryQueue(options.onScan);

  let buffer = '';
  let bufferStart = 0;
  let lastKeyAt = Number.NEGATIVE_INFINITY;
  let prefixMatched = 0;
  let lastScan: { raw: string; endedAt: number } | null = null;

  const reset = () => {
    buffer = '';
    prefixMatched = 0;
  };

  const finishScan = (at: number): boolean => {
    const raw = buffer;
    const startedAt = bufferStart;
    const fromPrefix = prefix !== '' && prefixMatched === prefix.length;
    const isFast = at - lastKeyAt <= maxGap;
    reset();
    // After a prefix the scanner has announced itself, so a short code (a tote number) is still a scan.
    if (!isFast || raw.length < (fromPrefix ? 1 : minLength)) return false;
    const isDuplicate =
      lastScan !== null && lastScan.raw === raw && startedAt - lastScan.endedAt <= duplicateWindow;
    lastScan = { raw, endedAt: at };
    if (!isDuplicate) deliver(raw);
    return true;
  };

  const handleKey = (e: KeyLike): boolean => {
    const at = e.timeStamp ?? now();
    if (neutralKeys.has(e.key)) return false;
    const gap = at - lastKeyAt;
    const inPrefixScan = prefix !== '' && prefixMatched === prefix.length;

    if (terminators.includes(e.key)) {
      const consumed = finishScan(at);
      lastKeyAt = at;
      return consumed;
    }
    // Scanners send FNC1 (GS) as Ctrl+]; it belongs to the data.
    const char = e.ctrlKey && e.key === ']' ? '\u001d' : e.key;
    if (char.length !== 1 || (e.ctrlKey && char !== '\u001d')) {
      reset();
      lastKeyAt = at;
      return false;
    }
    lastKeyAt = at;

    if (prefix !== '' && !inPrefixScan) {
      // Still matching the prefix: consume while it matches and arrives fast.
      if (char === prefix[prefixMatched] && (prefixMatched === 0 || gap <= maxGap)) {
        prefixMatched++;
        buffer = '';
        bufferStart = at;
        return true;
      }
      prefixMatched = 0;
      if (char === prefix[0]) {
        prefixMatched = 1;
        return true;
      }
      // Without the prefix a burst may still be a scan from a scanner not set up to send one.
    }
    if (inPrefixScan) {
      if (gap > maxGap) {
        // The prefix scan stalled: what follows is typing again.
        reset();
        buffer = char;
        bufferStart = at;
        return false;
      }
      buffer += char;
      return true;
    }
    if (buffer === '' || gap > maxGap) {
      buffer = char;
      bufferStart = at;
    } else {
      buffer += char;
    }
    return false;
  };

  return { handleKey, reset };
}

function createDeliveryQueue(onScan: (raw: string) => unknown): (raw: string) => void {
  const queue: string[] = [];
  let isDelivering = false;

  const pump = () => {
    while (queue.length > 0) {
      const raw = queue.shift() as string;
      let pending: unknown;
      try {
        pending = onScan(raw);
      } catch (err) {
        reportLater(err);
      }
      if (pending && typeof (pending as PromiseLike<unknown>).then === 'function') {
        (pending as PromiseLike<unknown>).then(pump, (err) => {
          reportLater(err);
          pump();
        });
        return;
      }
    }
    isDelivering = false;
  };

  return (raw) => {
    queue.push(raw);
    if (isDelivering) return;
    isDelivering = true;
    pump();
  };
}

// A failing handler must not stop later scans; its error still surfaces as an uncaught error.
function reportLater(err: unknown) {
  setTimeout(() => {
    throw err;
  }, 0);
}

/**
 * Listens for keydown on `target` in the capture phase (before the page's own handlers) and consumes
 * the keys the detector claims. Returns a function that detaches it.
 */
export function attachWedge(target: EventTarget, options: WedgeHandlerOptions): () => void {
  const detector = createWedgeDetector(options);
  const listener = (event: Event) => {
    const e = event as KeyboardEvent;
    if (detector.handleKey({ key: e.key, timeStamp: e.timeStamp, ctrlKey: e.ctrlKey })) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  target.addEventListener('keydown', listener, { capture: true });
  return () => {
    target.removeEventListener('keydown', listener, { capture: true });
    detector.reset();
  };
}
