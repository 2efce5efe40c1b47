import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.js';
import { useSession } from './session.js';

export interface Polled<T> {
  data: T | null;
  error: Error | null;
  updatedAt: Date | null;
  reload(): void;
}

/**
 * Loads now and every `intervalMs` (0: once) while the tab is visible; `key` changes reload at once.
 * A 401 ends the session instead of showing an error.
 */
export function usePolling<T>(load: () => Promise<T>, key: string, intervalMs = 0): Polled<T> {
  const { expire } = useSession();
  const [state, setState] = useState<{
    key: string;
    data: T | null;
    error: Error | null;
    updatedAt: Date | null;
  }>({
    key,
    data: null,
    error: null,
    updatedAt: null,
  });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `tick` are what trigger a reload.
  useEffect(() => {
    let isCurrent = true;
    const run = async () => {
      try {
        const data = await loadRef.current();
        if (isCurrent) setState({ key, data, error: null, updatedAt: new Date() });
      } catch (err) {
        if (!isCurrent) return;
        if (err instanceof ApiError && err.status === 401) return expire();
        const error = err instanceof Error ? err : new Error(String(err));
        setState((s) => (s.key === key ? { ...s, error } : { key, data: null, error, updatedAt: null }));
      }
    };
    void run();
    if (!intervalMs)
      return () => {
        isCurrent = false;
      };
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void run();
    }, intervalMs);
    return () => {
      isCurrent = false;
      window.clearInterval(timer);
    };
  }, [key, tick, intervalMs, expire]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  // Data of another key (the previous order) is never shown for this one.
  const isSameKey = state.key === key;
  return {
    data: isSameKey ? state.data : null,
    error: isSameKey ? state.error : null,
    updatedAt: isSameKey ? state.updatedAt : null,
    reload,
  };
}
