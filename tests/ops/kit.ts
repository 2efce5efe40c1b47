/**
 * What the scenarios drive a cluster with. It pulls in the whole app, so the scenarios load it only when
 * they run (PostgreSQL), and a run without DATABASE_URL skips them without paying for the import.
 */
export { waitFor } from '../support/system.js';
export * from './cluster.js';
export * from './drive.js';
