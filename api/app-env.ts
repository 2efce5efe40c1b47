import type { AppDeps } from './deps.js';
import type { Logger } from './logger.js';
import type { Principal } from './services/auth/principal.js';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    principal: Principal | null;
    requestId: string;
    logger: Logger;
    /** Set when the caller authenticated with the session cookie (CSRF applies), not a bearer token. */
    isCookieAuth: boolean;
  };
}
