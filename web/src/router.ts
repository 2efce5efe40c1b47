import { useSyncExternalStore } from 'react';

/** A tiny history router: the path is the state; `navigate` pushes and tells every subscriber. */
const changed = 'shipdesk:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(changed, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(changed, onChange);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

export function navigate(to: string, { replace = false } = {}) {
  if (to === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(changed));
}

export type Route =
  | { name: 'queue' }
  | { name: 'order'; id: string }
  | { name: 'parked' }
  | { name: 'channels' }
  | { name: 'pick' }
  | { name: 'pickWave'; id: string }
  | { name: 'pack' }
  | { name: 'stock' }
  | { name: 'stockProduct'; id: string }
  | { name: 'manual' }
  | { name: 'returns' }
  | { name: 'desk' }
  | { name: 'shippingRules' }
  | { name: 'dashboard' }
  | { name: 'catalog' }
  | { name: 'catalogRules' }
  | { name: 'catalogFeeds' }
  | { name: 'notFound' };

export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { name: 'queue' };
  if (path === '/parked') return { name: 'parked' };
  if (path === '/channels') return { name: 'channels' };
  if (path === '/pick') return { name: 'pick' };
  if (path === '/pack') return { name: 'pack' };
  if (path === '/desk') return { name: 'desk' };
  if (path === '/desk/rules') return { name: 'shippingRules' };
  if (path === '/dashboard') return { name: 'dashboard' };
  if (path === '/catalog') return { name: 'catalog' };
  if (path === '/catalog/rules') return { name: 'catalogRules' };
  if (path === '/catalog/feeds') return { name: 'catalogFeeds' };
  const wave = /^\/pick\/([^/]+)$/.exec(path);
  if (wave?.[1]) return { name: 'pickWave', id: decodeURIComponent(wave[1]) };
  if (path === '/stock') return { name: 'stock' };
  if (path === '/manual') return { name: 'manual' };
  if (path === '/returns') return { name: 'returns' };
  const stockProduct = /^\/stock\/([^/]+)$/.exec(path);
  if (stockProduct?.[1]) return { name: 'stockProduct', id: decodeURIComponent(stockProduct[1]) };
  const order = /^\/orders\/([^/]+)$/.exec(path);
  if (order?.[1]) return { name: 'order', id: decodeURIComponent(order[1]) };
  return { name: 'notFound' };
}
