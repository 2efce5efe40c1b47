import type { client, SuccessBody } from '../../api.js';

type OpenCall = ReturnType<typeof client.api.pack.open.$post>;
type CloseCall = ReturnType<(typeof client.api.pack.boxes)[':id']['close']['$post']>;
export type PackingView = SuccessBody<Awaited<OpenCall>>;
export type PackResult = SuccessBody<Awaited<CloseCall>>;
export type PackBox = PackingView['boxes'][number];

/**
 * PDF labels through the browser's print dialog: each label is loaded in a hidden frame and printed from
 * there, one after the other (a dialog at a time).
 */
export async function printLabelsInBrowser(parcelIds: string[]) {
  for (const id of parcelIds) {
    const frame = document.createElement('iframe');
    frame.style.display = 'none';
    frame.src = `/api/parcels/${encodeURIComponent(id)}/label`;
    document.body.append(frame);
    await new Promise<void>((resolve) => {
      frame.onload = () => {
        try {
          frame.contentWindow?.print();
        } finally {
          resolve();
        }
      };
      frame.onerror = () => resolve();
    });
  }
}
