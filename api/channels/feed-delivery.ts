/**
 * What a connector that takes offer feeds offers (`ChannelConnector.sendFeed` / `readFeedImport`): the
 * feed service hands it a stored run's file and reads back what the channel made of it. Reports are
 * returned as the channel's own text (Mirakl's OF03 CSV, eBay's per-SKU responses as JSON), the forms
 * the feed service already reads.
 */

export interface FeedFileToSend {
  /** The run's format (`mirakl-of01`, `ebay-bulk`…); a connector refuses formats it does not speak. */
  format: string;
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

/** The channel's answer to an upload. */
export type FeedUploadResult =
  /** Processed later (Mirakl): the import id to read back with `readFeedImport`. */
  | { kind: 'import'; importId: string }
  /** Processed at once (eBay): the answer is the report. */
  | { kind: 'report'; report: string };

/** Where an import stands at the channel. */
export interface FeedImportState {
  status: 'pending' | 'complete' | 'failed';
  /** The channel's own status word (RUNNING, COMPLETE…), for the log. */
  channelStatus: string;
  /** The channel's explanation, when it gives one (Mirakl `reason_status`). */
  reason: string | null;
  /** The error report once the import is over and has lines in error; null otherwise. */
  report: string | null;
}
