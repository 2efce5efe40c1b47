/**
 * The handheld's own storage for picking: the wave it works on and the scans not yet accepted by the
 * server. IndexedDB survives a reload, a crash and a dead battery swap, which memory does not.
 */
const name = 'shipdesk-pick';
const version = 1;
export const wavesStore = 'waves';
export const queueStore = 'queue';

let opening: Promise<IDBDatabase> | null = null;

export function openPickDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(wavesStore)) db.createObjectStore(wavesStore, { keyPath: 'wave.id' });
      // Auto-increment keys keep the queue in the order the scans were made.
      if (!db.objectStoreNames.contains(queueStore))
        db.createObjectStore(queueStore, { keyPath: 'seq', autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function put(store: string, value: unknown): Promise<IDBValidKey> {
  const db = await openPickDb();
  return done(db.transaction(store, 'readwrite').objectStore(store).put(value));
}

export async function get<T>(store: string, key: IDBValidKey): Promise<T | undefined> {
  const db = await openPickDb();
  return done(db.transaction(store, 'readonly').objectStore(store).get(key)) as Promise<T | undefined>;
}

export async function getAll<T>(store: string): Promise<T[]> {
  const db = await openPickDb();
  return done(db.transaction(store, 'readonly').objectStore(store).getAll()) as Promise<T[]>;
}

export async function remove(store: string, key: IDBValidKey): Promise<void> {
  const db = await openPickDb();
  await done(db.transaction(store, 'readwrite').objectStore(store).delete(key));
}
