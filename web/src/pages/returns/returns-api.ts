import type { InferResponseType } from 'hono/client';
import { call, client } from '../../api.js';

const returns = client.api.returns;
const getReturnCall = returns[':id'].$get;

export type ReturnDetail = InferResponseType<typeof getReturnCall, 200>;
export type ReturnLine = ReturnDetail['lines'][number];
export type Condition = 'resellable' | 'damaged' | 'wrong_item' | 'missing';
export type Decision = 'restock' | 'quarantine' | 'dispose';

export const openByScan = (code: string) => call(returns.scans.$post({ json: { code } }));
export const loadReturn = (id: string) => call(getReturnCall({ param: { id } }));
export const closeReturn = (id: string) => call(returns[':id'].close.$post({ param: { id } }));

export function recordItem(
  id: string,
  item: { itemCode: string; condition: Condition; decision: Decision; binCode: string | null },
) {
  return call(
    returns[':id'].items.$post({
      param: { id },
      json: { clientScanId: crypto.randomUUID(), quantity: 1, ...item },
    }),
  );
}

export function addPhoto(id: string, dataBase64: string, returnLineId: string | null) {
  return call(
    returns[':id'].photos.$post({
      param: { id },
      json: { contentType: 'image/jpeg', dataBase64, returnLineId },
    }),
  );
}

export function refundReturned(
  orderId: string,
  returnId: string,
  lines: { orderLineId: string; quantity: number }[],
  includeShipping: boolean,
) {
  return call(
    client.api.orders[':id'].refunds.$post({
      param: { id: orderId },
      json: { reason: 'return', returnId, includeShipping, lines },
    }),
  );
}

export const loadAfterSales = (orderId: string) =>
  call(client.api.orders[':id']['after-sales'].$get({ param: { id: orderId } }));

/** Which line a scanned code is: a barcode or the SKU of a line with units shipped and not yet back. */
export function matchLine(detail: ReturnDetail, code: string): ReturnLine | null {
  const wanted = code.trim();
  return (
    detail.lines.find(
      (l) => (l.sku === wanted || l.barcodes.includes(wanted)) && l.quantityShipped - l.quantityReturned > 0,
    ) ?? null
  );
}

/** A camera photo scaled down to at most 1600 px and re-encoded as JPEG, as base64 (no data: prefix). */
export async function photoToJpegBase64(file: File, maxSide = 1600): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/jpeg', 0.85);
  return url.slice(url.indexOf(',') + 1);
}
