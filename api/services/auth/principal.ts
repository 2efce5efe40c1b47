import type { UserRole } from '../../../db/schema/index.js';

/** Who is calling: a signed-in user (cookie) or an integration (API token). */
export interface Principal {
  kind: 'user' | 'token';
  userId: string | null;
  tokenId: string | null;
  role: UserRole;
  name: string;
  deviceId: string | null;
}
