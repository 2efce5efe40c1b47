import { createContext, useContext } from 'react';

export interface SessionUser {
  name: string;
  role: 'admin' | 'picker' | 'packer' | 'desk';
}

export interface Session {
  user: SessionUser;
  signOut(): Promise<void>;
  /** Called when the API answers 401: the session ended elsewhere (expired, signed out on another tab). */
  expire(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
