import Ajv, { type ValidateFunction } from 'ajv';

/**
 * Request and response shapes of the SP-API parts no spec file in shared/specs covers, written from
 * Amazon's published references: Login with Amazon (token endpoint), Tokens API 2021-03-01
 * (createRestrictedDataToken), Feeds API 2021-06-30 (createFeedDocument, createFeed) and Listings Items
 * API 2021-08-01 (patchListingsItem). They are transcriptions, not the vendor's files, and say so.
 */

const schemas: Record<string, object> = {
  lwaTokenRequest: {
    type: 'object',
    required: ['grant_type', 'refresh_token', 'client_id', 'client_secret'],
    properties: {
      grant_type: { const: 'refresh_token' },
      refresh_token: { type: 'string', minLength: 1 },
      client_id: { type: 'string', minLength: 1 },
      client_secret: { type: 'string', minLength: 1 },
    },
    additionalProperties: false,
  },
  createRestrictedDataToken: {
    type: 'object',
    required: ['restrictedResources'],
    properties: {
      targetApplication: { type: 'string' },
      restrictedResources: {
        type: 'array',
        maxItems: 50,
        minItems: 1,
        items: {
          type: 'object',
          required: ['method', 'path'],
          properties: {
            method: { enum: ['GET', 'PUT', 'POST', 'DELETE'] },
            path: { type: 'string', pattern: '^/' },
            dataElements: {
              type: 'array',
              items: { enum: ['buyerInfo', 'shippingAddress', 'buyerTaxInformation'] },
            },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
  createFeedDocument: {
    type: 'object',
    required: ['contentType'],
    properties: { contentType: { type: 'string', minLength: 1 } },
    additionalProperties: false,
  },
  createFeed: {
    type: 'object',
    required: ['feedType', 'marketplaceIds', 'inputFeedDocumentId'],
    properties: {
      feedType: { type: 'string' },
      marketplaceIds: { type: 'array', minItems: 1, maxItems: 25, items: { type: 'string' } },
      inputFeedDocumentId: { type: 'string' },
      feedOptions: { type: 'object', additionalProperties: { type: 'string' } },
    },
    additionalProperties: false,
  },
  patchListingsItem: {
    type: 'object',
    required: ['productType', 'patches'],
    properties: {
      productType: { type: 'string' },
      patches: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['op', 'path'],
          properties: {
            op: { enum: ['add', 'replace', 'merge', 'delete'] },
            path: { type: 'string' },
            value: { type: 'array', items: { type: 'object' } },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
  /** The attribute value our stock patch writes (fulfillment_availability in the product type schema). */
  fulfillmentAvailability: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['fulfillment_channel_code', 'quantity'],
      properties: {
        fulfillment_channel_code: { type: 'string' },
        quantity: { type: 'integer', minimum: 0 },
        marketplace_id: { type: 'string' },
        lead_time_to_ship_max_days: { type: 'integer' },
      },
      additionalProperties: false,
    },
  },
};

const ajv = new Ajv({ allErrors: true });
const compiled = new Map<string, ValidateFunction>();

export function validateVendor(name: keyof typeof schemas | string, value: unknown): string[] {
  const schema = schemas[name];
  if (!schema) return [`no vendor schema named ${name}`];
  let fn = compiled.get(name);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(name, fn);
  }
  return fn(value)
    ? []
    : (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}
