import { Hono } from 'hono';
import type { FakeAmazonOrder } from './order-factory.js';
import {
  AmazonFakeError,
  type AmazonState,
  cancelItems,
  confirmPackage,
  findOrder,
  type PackageInput,
  parseAcknowledgement,
} from './store.js';

/**
 * The SP-API operations the connector uses, over the fake's state. Authentication, validation, failure
 * injection and the call log live in the simulator's middleware; handlers only apply the rules.
 */

export interface AmazonRouteContext {
  state: AmazonState;
  now: () => Date;
  newId: (prefix: string) => string;
  baseUrl: () => string;
  /** Which PII the caller's token may see on this request (set by the auth middleware). */
  pii: (c: { get: (key: 'pii') => Set<string> | undefined }) => Set<string>;
  itemsPageSize: number;
  onViolation: (operationId: string, errors: string[]) => void;
}

export const amazonErrors = (code: string, message: string) => ({ errors: [{ code, message }] });

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const unb64 = <T>(s: string): T | null => {
  try {
    return JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
};

function present(o: FakeAmazonOrder, pii: Set<string>): Record<string, unknown> {
  const { ShippingAddress, BuyerInfo, ...rest } = o.order;
  return {
    ...rest,
    ...(pii.has('shippingAddress') ? { ShippingAddress } : {}),
    ...(pii.has('buyerInfo') ? { BuyerInfo } : {}),
  };
}

export function createAmazonApi(ctx: AmazonRouteContext) {
  const app = new Hono<{ Variables: { pii: Set<string> } }>();
  const at = (v: string | undefined) => (v ? Date.parse(v) : null);

  app.get('/orders/v0/orders', (c) => {
    const q = c.req.query();
    let ids: string[];
    let offset = 0;
    const pageSize = Number(q.MaxResultsPerPage ?? 100);
    if (q.NextToken) {
      const page = ctx.state.pageTokens.get(q.NextToken);
      if (!page) return c.json(amazonErrors('InvalidInput', 'Invalid NextToken'), 400);
      ({ ids, offset } = page);
    } else {
      if (!q.CreatedAfter && !q.LastUpdatedAfter && !q.AmazonOrderIds) {
        return c.json(
          amazonErrors('InvalidInput', 'CreatedAfter or LastUpdatedAfter must be specified'),
          400,
        );
      }
      const marketplaces = q.MarketplaceIds?.split(',') ?? [];
      const statuses = q.OrderStatuses?.split(',');
      const channels = q.FulfillmentChannels?.split(',');
      const wanted = q.AmazonOrderIds?.split(',');
      const updatedAfter = at(q.LastUpdatedAfter);
      const createdAfter = at(q.CreatedAfter);
      ids = [...ctx.state.orders.values()]
        .filter(({ order }) => marketplaces.includes(order.MarketplaceId))
        .filter(({ order }) => !statuses || statuses.includes(order.OrderStatus))
        .filter(({ order }) => !channels || channels.includes(order.FulfillmentChannel))
        .filter(({ order }) => !wanted || wanted.includes(order.AmazonOrderId))
        .filter(({ order }) => updatedAfter === null || Date.parse(order.LastUpdateDate) >= updatedAfter)
        .filter(({ order }) => createdAfter === null || Date.parse(order.PurchaseDate) >= createdAfter)
        .sort(
          (a, b) =>
            Date.parse(a.order.PurchaseDate) - Date.parse(b.order.PurchaseDate) ||
            a.order.AmazonOrderId.localeCompare(b.order.AmazonOrderId),
        )
        .map(({ order }) => order.AmazonOrderId);
    }
    const slice = ids.slice(offset, offset + pageSize);
    let NextToken: string | undefined;
    if (offset + pageSize < ids.length) {
      NextToken = ctx.newId('nt');
      ctx.state.pageTokens.set(NextToken, { ids, offset: offset + pageSize });
    }
    const pii = ctx.pii(c);
    const Orders = slice.map((id) => present(findOrder(ctx.state, id), pii));
    return c.json(
      {
        payload: {
          Orders,
          ...(NextToken ? { NextToken } : {}),
          CreatedBefore: new Date(ctx.now().getTime() - 120_000).toISOString(),
        },
      },
      200,
    );
  });

  app.get('/orders/v0/orders/:orderId', (c) => {
    const order = findOrder(ctx.state, c.req.param('orderId'));
    return c.json({ payload: present(order, ctx.pii(c)) }, 200);
  });

  app.get('/orders/v0/orders/:orderId/address', (c) => {
    const order = findOrder(ctx.state, c.req.param('orderId'));
    if (!ctx.pii(c).has('shippingAddress'))
      return c.json(amazonErrors('Unauthorized', 'A Restricted Data Token is required'), 403);
    return c.json(
      { payload: { AmazonOrderId: order.order.AmazonOrderId, ShippingAddress: order.order.ShippingAddress } },
      200,
    );
  });

  app.get('/orders/v0/orders/:orderId/orderItems', (c) => {
    const order = findOrder(ctx.state, c.req.param('orderId'));
    const token = c.req.query('NextToken');
    const offset = token ? (unb64<{ offset: number }>(token)?.offset ?? -1) : 0;
    if (offset < 0) return c.json(amazonErrors('InvalidInput', 'Invalid NextToken'), 400);
    const end = offset + ctx.itemsPageSize;
    const OrderItems = order.items.slice(offset, end).map((i) => ({ ...i }));
    return c.json(
      {
        payload: {
          AmazonOrderId: order.order.AmazonOrderId,
          OrderItems,
          ...(end < order.items.length ? { NextToken: b64({ offset: end }) } : {}),
        },
      },
      200,
    );
  });

  app.post('/orders/v0/orders/:orderId/shipmentConfirmation', async (c) => {
    const body = (await c.req.json()) as { marketplaceId: string; packageDetail: PackageInput };
    confirmPackage(ctx.state, c.req.param('orderId'), body.marketplaceId, body.packageDetail, ctx.now());
    return c.body(null, 204);
  });

  app.post('/feeds/2021-06-30/documents', async (c) => {
    const body = (await c.req.json()) as { contentType: string };
    const feedDocumentId = ctx.newId('amzn1.tortuga.doc');
    ctx.state.feedDocuments.set(feedDocumentId, { contentType: body.contentType, content: null });
    return c.json({ feedDocumentId, url: `${ctx.baseUrl()}/_uploads/${feedDocumentId}` }, 201);
  });

  app.put('/_uploads/:docId', async (c) => {
    const doc = ctx.state.feedDocuments.get(c.req.param('docId'));
    if (!doc) return c.text('NoSuchKey', 404);
    if (c.req.header('content-type') !== doc.contentType) {
      ctx.onViolation('uploadFeedDocument', [
        `content-type ${c.req.header('content-type')} is not the document's ${doc.contentType}`,
      ]);
    }
    doc.content = await c.req.text();
    return c.body(null, 200);
  });

  app.post('/feeds/2021-06-30/feeds', async (c) => {
    const body = (await c.req.json()) as { feedType: string; inputFeedDocumentId: string };
    const doc = ctx.state.feedDocuments.get(body.inputFeedDocumentId);
    if (!doc?.content)
      return c.json(amazonErrors('InvalidInput', 'inputFeedDocumentId has no uploaded content'), 400);
    const feedId = ctx.newId('feed');
    let processingStatus = 'DONE';
    if (body.feedType === 'POST_ORDER_ACKNOWLEDGEMENT_DATA') {
      const parsed = parseAcknowledgement(doc.content);
      if (parsed.errors.length > 0) {
        ctx.onViolation('createFeed', parsed.errors);
        processingStatus = 'FATAL';
      } else for (const o of parsed.orders) cancelItems(ctx.state, o.orderId, o.items, ctx.now());
    }
    ctx.state.feeds.push({
      feedId,
      feedType: body.feedType,
      documentId: body.inputFeedDocumentId,
      processingStatus,
    });
    return c.json({ feedId }, 202);
  });

  app.patch('/listings/2021-08-01/items/:sellerId/:sku', async (c) => {
    const sku = c.req.param('sku');
    const body = (await c.req.json()) as { patches: { path: string; value?: { quantity: number }[] }[] };
    const submissionId = ctx.newId('sub');
    if (!ctx.state.listings.has(sku)) {
      return c.json(
        {
          sku,
          status: 'INVALID',
          submissionId,
          issues: [{ code: '4000001', message: `No listing for SKU ${sku}`, severity: 'ERROR' }],
        },
        200,
      );
    }
    for (const patch of body.patches) {
      const quantity = patch.value?.[0]?.quantity;
      if (patch.path === '/attributes/fulfillment_availability' && typeof quantity === 'number')
        ctx.state.listings.set(sku, quantity);
    }
    return c.json({ sku, status: 'ACCEPTED', submissionId, issues: [] }, 200);
  });

  return app;
}

export function toErrorResponse(err: unknown) {
  if (err instanceof AmazonFakeError)
    return { status: err.status, body: amazonErrors(err.code, err.message) };
  return { status: 500, body: amazonErrors('InternalFailure', 'Internal error in the Amazon fake') };
}
