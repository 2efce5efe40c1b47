import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt, tstz } from './columns.js';
import { orders } from './orders.js';
import { labelFormats } from './shipments.js';

/** Adapter folder under api/carriers a carrier account uses. */
export const carrierTypes = ['self_issued', 'sendcloud', 'ups', 'dhl_parcel_de'] as const;
export type CarrierType = (typeof carrierTypes)[number];

export const carrierAccounts = pgTable('carrier_accounts', {
  id: text('id').primaryKey(),
  type: text('type', { enum: carrierTypes }).notNull(),
  name: text('name').notNull(),
  /** AES-256-GCM sealed JSON (API keys, client secrets); never returned by the API, never logged. */
  credentialsSealed: text('credentials_sealed').notNull(),
  /** Base URL, account numbers, default service, label format: nothing secret. */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  isEnabled: boolean('is_enabled').notNull().default(true),
  createdAt: createdAt(),
});

/** The carrier and service an order will ship with, chosen before packing (by rule or by the desk). */
export const orderCarrierChoices = pgTable('order_carrier_choices', {
  orderId: text('order_id')
    .primaryKey()
    .references(() => orders.id),
  carrierAccountId: text('carrier_account_id')
    .notNull()
    .references(() => carrierAccounts.id),
  serviceCode: text('service_code').notNull(),
  relayPointId: text('relay_point_id'),
  chosenAt: createdAt(),
});

/**
 * `ready`: booked ahead and waiting for packing; `used`: became the parcel's label; `discarded`: the
 * packed parcel did not match, and the booking was cancelled at the carrier (`cancel_failed` if that
 * failed and someone must void it by hand).
 */
export const prefetchStatuses = ['ready', 'used', 'discarded', 'cancel_failed'] as const;

/** Labels booked the day before, so a carrier outage on the day does not stop packing. */
export const prefetchedLabels = pgTable(
  'prefetched_labels',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    carrierAccountId: text('carrier_account_id')
      .notNull()
      .references(() => carrierAccounts.id),
    serviceCode: text('service_code').notNull(),
    /** The key the booking was made under; a retried job books under the same one. */
    idempotencyKey: text('idempotency_key').notNull(),
    carrierShipmentId: text('carrier_shipment_id').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    weightGrams: integer('weight_grams').notNull(),
    labelFormat: text('label_format', { enum: labelFormats }).notNull(),
    label: bytea('label').notNull(),
    status: text('status', { enum: prefetchStatuses }).notNull().default('ready'),
    createdAt: createdAt(),
    settledAt: tstz('settled_at'),
  },
  (t) => [
    uniqueIndex('prefetched_labels_key_uq').on(t.idempotencyKey),
    // At most one label waits per order: the job and packing both settle races on this key.
    uniqueIndex('prefetched_labels_ready_uq').on(t.orderId).where(sql`${t.status} = 'ready'`),
    index('prefetched_labels_order_idx').on(t.orderId),
  ],
);

/** SSCC serial counters per GS1 company prefix (pallet labels). */
export const ssccCounters = pgTable('sscc_counters', {
  companyPrefix: text('company_prefix').primaryKey(),
  extensionDigit: integer('extension_digit').notNull(),
  nextSerial: bigint('next_serial', { mode: 'number' }).notNull(),
  lastSerial: bigint('last_serial', { mode: 'number' }).notNull(),
});
