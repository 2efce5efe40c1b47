import { ChannelError } from '../channels/connector.js';
import { type FetchLike, type HttpRequest, requestJson, requestRaw } from '../channels/http.js';
import { CarrierError } from './carrier.js';

/**
 * Carriers take the same HTTP path as channels (api/channels/http.ts: one timeout, one retry
 * classification, nothing logged); this only renames its errors so callers deal with CarrierError.
 */

export type { FetchLike, HttpRequest };

export interface CarrierHttpOptions {
  carrier: string;
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
}

function toCarrierError(err: unknown): unknown {
  if (!(err instanceof ChannelError)) return err;
  const code = err.code.replace(/^channel_/, 'carrier_');
  return new CarrierError(err.message, code, err.retryable, err.ambiguous, err.status);
}

function channelOptions(options: CarrierHttpOptions) {
  return {
    channel: options.carrier,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
}

export async function carrierJson<T>(req: HttpRequest, options: CarrierHttpOptions): Promise<T> {
  try {
    return await requestJson<T>(req, channelOptions(options));
  } catch (err) {
    throw toCarrierError(err);
  }
}

export async function carrierBytes(req: HttpRequest, options: CarrierHttpOptions): Promise<Uint8Array> {
  try {
    const res = await requestRaw(req, channelOptions(options));
    return new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw toCarrierError(err);
  }
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
