import type { Logger } from '../logger.js';
import { type ChannelConnector, ChannelError } from './connector.js';

/**
 * Why a channel call is tried again, in the log: every failed call to a channel leaves one line saying
 * which channel and operation, the channel's status (or timeout / network) and what happens next, so a
 * retry is never silent. Two places retry: inside a client (a 429 slept through, a token minted again)
 * and above the connector (the job queue runs the job again, the next pull resumes). Clients report the
 * first through `RetryReporter`; `withCallLog` reports the second for every connector alike.
 * Lines carry codes, statuses and the channel's own message (method and path, never headers or bodies).
 */

export interface RetryNotice {
  /** The channel's operation as the client names it (`getOrderItems`, `cdiscount.postShipments`…). */
  operation: string;
  /** Our classification (`channel_rate_limited`, `channel_unavailable`, `channel_timeout`…). */
  reason: string;
  /** HTTP status, or null for a timeout / network failure / an error inside a 200 (GraphQL THROTTLED). */
  status: number | null;
  /** How long the client waits before the next attempt. */
  waitMs: number;
  /** 1 for the first retry of the call. */
  attempt: number;
}

/** Called by a client just before it tries a call again by itself. */
export type RetryReporter = (notice: RetryNotice) => void;

export const retryInPlaceMessage = 'channel call retried in place';
export const callFailedMessage = 'channel call failed';

/** A reporter that writes one log line per in-place retry for this channel. */
export function retryLogger(logger: Logger, channel: { id: string; type: string }): RetryReporter {
  return (n) =>
    logger.warn(retryInPlaceMessage, {
      channel: channel.type,
      channelId: channel.id,
      operation: n.operation,
      reason: n.reason,
      status: n.status,
      waitMs: n.waitMs,
      attempt: n.attempt,
    });
}

/** What the caller of a failed connector call does next, from the error's classification. */
function nextStep(err: ChannelError): 'read_back' | 'retry_later' | 'give_up' {
  if (err.ambiguous) return 'read_back';
  return err.retryable ? 'retry_later' : 'give_up';
}

type Method = (...args: never[]) => unknown;

/**
 * The connector with one log line per failed call: the job queue's retry (or the next pull) that follows
 * is explained by it. `testConnection` reports failures in its result and is left as it is.
 */
export function withCallLog<C extends ChannelConnector>(
  connector: C,
  logger: Logger,
  channel: { id: string; type: string },
): C {
  return new Proxy(connector, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || key === 'testConnection' || typeof key !== 'string') return value;
      const report = (err: unknown) => {
        if (!(err instanceof ChannelError)) return;
        logger.warn(callFailedMessage, {
          channel: channel.type,
          channelId: channel.id,
          operation: key,
          reason: err.code,
          status: err.status,
          retryable: err.retryable,
          ambiguous: err.ambiguous,
          next: nextStep(err),
          message: err.message,
        });
      };
      // Synchronous members (a webhook check) stay synchronous; promises get the log on rejection.
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (value as Method).apply(target, args as never[]);
        } catch (err) {
          report(err);
          throw err;
        }
        if (!(result instanceof Promise)) return result;
        return result.catch((err: unknown) => {
          report(err);
          throw err;
        });
      };
    },
  });
}
