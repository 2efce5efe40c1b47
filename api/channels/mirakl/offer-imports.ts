import { z } from 'zod';
import { ChannelError } from '../connector.js';
import type { FeedFileToSend, FeedImportState, FeedUploadResult } from '../feed-delivery.js';
import type { MiraklClient } from './client.js';

/**
 * The offer import of the seller spec: OF01 (`POST /api/offers/imports`, multipart `file` +
 * `import_mode`) uploads the OF01 CSV, OF02 (`GET /api/offers/imports/{import}`) says where it stands,
 * OF03 (`GET /api/offers/imports/{import}/error_report`) is the file of the lines in error (the offer's
 * columns plus `error-line` and `error-message`).
 *
 * `import_mode` is NORMAL: only the offers in the file change (each line says `update`). REPLACE would
 * delete every offer the file leaves out, and a product held back by a price or quality rule would
 * vanish from the marketplace.
 */

const importPath = (id: string) => `/api/offers/imports/${encodeURIComponent(id)}`;

/** OF01_Response_201: `import_id` is required (Mirakl answers a duplicate upload with the first one's). */
const Of01Answer = z.looseObject({ import_id: z.union([z.number().int(), z.string().regex(/^\d+$/)]) });

/** The OF02_Response_200 fields we read. */
const Of02Answer = z.looseObject({
  status: z.string().min(1),
  has_error_report: z.boolean().nullish(),
  lines_in_error: z.number().int().nullish(),
  reason_status: z.string().nullish(),
});

/** OF02 statuses: WAITING_SYNCHRONIZATION_PRODUCT, WAITING and RUNNING are still on their way. */
function importStatus(status: string): FeedImportState['status'] {
  if (status === 'COMPLETE') return 'complete';
  if (status === 'FAILED') return 'failed';
  // Unknown words (Mirakl adds some over time) are treated as not finished: the poller's bound ends them.
  return 'pending';
}

export function miraklOfferImports(client: MiraklClient) {
  return {
    async sendFeed(file: FeedFileToSend): Promise<FeedUploadResult> {
      if (file.format !== 'mirakl-of01')
        throw new ChannelError(`mirakl takes OF01 offer files, not ${file.format}`, 'feed_format', false);
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(file.content)], { type: 'text/csv' }), file.fileName);
      form.set('import_mode', 'NORMAL');
      const body = Of01Answer.safeParse(await client.postMultipart<unknown>('/api/offers/imports', form));
      // The upload went through but its id is unreadable: retrying could only upload it again.
      if (!body.success)
        throw new ChannelError('mirakl OF01 answered without an import_id', 'mirakl_bad_response', false);
      return { kind: 'import', importId: String(body.data.import_id) };
    },

    async readFeedImport(importId: string): Promise<FeedImportState> {
      const body = Of02Answer.safeParse(await client.get<unknown>(importPath(importId)));
      if (!body.success)
        throw new ChannelError('mirakl OF02 answered without a status', 'mirakl_bad_response', true);
      const { status, has_error_report, lines_in_error, reason_status } = body.data;
      const state = importStatus(status);
      const hasErrors = has_error_report === true || (lines_in_error ?? 0) > 0;
      return {
        status: state,
        channelStatus: status,
        reason: reason_status || null,
        report:
          state !== 'pending' && hasErrors
            ? await client.getText(`${importPath(importId)}/error_report`)
            : null,
      };
    },
  };
}
