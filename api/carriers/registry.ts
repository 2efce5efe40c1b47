import type { CarrierType } from '../../db/schema/index.js';
import { type CarrierAdapter, CarrierError } from './carrier.js';
import { createDhlParcelDeAdapter } from './dhl-parcel-de/adapter.js';
import type { FetchLike } from './http.js';
import { createSendcloudAdapter } from './sendcloud/adapter.js';
import { createUpsAdapter } from './ups/adapter.js';

export interface CarrierAccountConfig {
  id: string;
  type: CarrierType;
  settings: Record<string, unknown>;
  /** Opened from the sealed column by the caller; never logged. */
  credentials: Record<string, string>;
}

/** Builds the adapter of a carrier account; tests swap in one whose fetch reaches a fake. */
export type CarrierAdapterFactory = (account: CarrierAccountConfig) => CarrierAdapter;

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value === '')
    throw new CarrierError(`The carrier account lacks ${what}.`, 'carrier_account_incomplete', false);
  return value;
};

export function createCarrierAdapterFactory(fetch?: FetchLike): CarrierAdapterFactory {
  return (account) => {
    const { settings: s, credentials: c } = account;
    const common = {
      ...(fetch ? { fetch } : {}),
      ...(typeof s.timeoutMs === 'number' ? { timeoutMs: s.timeoutMs } : {}),
    };
    switch (account.type) {
      case 'sendcloud':
        return createSendcloudAdapter({
          baseUrl: typeof s.baseUrl === 'string' ? s.baseUrl : 'https://panel.sendcloud.sc/api/v3',
          publicKey: text(c.publicKey, 'the Sendcloud public key'),
          secretKey: text(c.secretKey, 'the Sendcloud secret key'),
          ...common,
        });
      case 'ups':
        return createUpsAdapter({
          baseUrl: typeof s.baseUrl === 'string' ? s.baseUrl : 'https://onlinetools.ups.com',
          clientId: text(c.clientId, 'the UPS client id'),
          clientSecret: text(c.clientSecret, 'the UPS client secret'),
          accountNumber: text(s.accountNumber, 'the UPS account number'),
          ...common,
        });
      case 'dhl_parcel_de':
        return createDhlParcelDeAdapter({
          baseUrl: typeof s.baseUrl === 'string' ? s.baseUrl : 'https://api-eu.dhl.com/parcel/de/shipping/v2',
          apiKey: text(c.apiKey, 'the DHL API key'),
          user: text(c.user, 'the DHL user'),
          password: text(c.password, 'the DHL password'),
          billingNumbers: (s.billingNumbers ?? {}) as Record<string, string>,
          ...common,
        });
      default:
        throw new CarrierError(
          `Carrier type ${account.type} books no labels over an API.`,
          'carrier_type_unknown',
          false,
        );
    }
  };
}
