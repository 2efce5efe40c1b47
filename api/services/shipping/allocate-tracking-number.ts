// The allocation lives with the self-issued carrier adapter; this name stays for existing callers.
export { allocateTrackingNumber } from '../../carriers/self-issued/allocate-s10.js';
