import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { channelPriceRules, channels } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { defaultQualityRules, type QualityRules } from '../catalog/check-quality.js';
import { defaultPriceRule, type PriceRule } from './price-rule.js';

export const feedFormats = [
  'mirakl-of01',
  'amazon-listings',
  'ebay-bulk',
  'woocommerce',
  'shopify',
  'template',
] as const;
export type FeedFormat = (typeof feedFormats)[number];

/** Fields an offer template column can show. */
export const offerFields = [
  'sku',
  'ean',
  'title',
  'itemPrice',
  'shippingPrice',
  'totalPrice',
  'currency',
  'quantity',
  'condition',
  'leadTimeDays',
  'brand',
  'category',
] as const;
export type OfferField = (typeof offerFields)[number];

export interface FeedSettings {
  format: FeedFormat;
  /** Minutes between scheduled runs; 0 = only on change and by hand. */
  intervalMinutes: number;
  /** The generic template: the file type and its columns, editable for channels we do not speak yet. */
  template: { fileType: 'csv' | 'xlsx'; columns: { header: string; field: OfferField }[] };
  /** Amazon: the seller id of the feed header and the product type of the listings. */
  amazonSellerId: string;
  amazonProductType: string;
  amazonMarketplaceId: string;
  /** Mirakl: the logistic class whose shipping fees match the channel's shipping price. */
  miraklLogisticClass: string;
}

export interface ChannelSettings {
  channelId: string;
  channelName: string;
  channelType: string;
  isEnabled: boolean;
  rule: PriceRule;
  quality: QualityRules;
  feed: FeedSettings;
  /** False while the channel runs on the defaults. */
  isSaved: boolean;
}

const defaultFormat: Record<string, FeedFormat> = {
  mirakl: 'mirakl-of01',
  amazon: 'amazon-listings',
  ebay: 'ebay-bulk',
  woocommerce: 'woocommerce',
  shopify: 'shopify',
};

export function defaultFeedSettings(channelType: string): FeedSettings {
  return {
    format: defaultFormat[channelType] ?? 'template',
    intervalMinutes: 60,
    template: {
      fileType: 'csv',
      columns: [
        { header: 'sku', field: 'sku' },
        { header: 'ean', field: 'ean' },
        { header: 'price', field: 'itemPrice' },
        { header: 'shipping', field: 'shippingPrice' },
        { header: 'stock', field: 'quantity' },
        { header: 'condition', field: 'condition' },
        { header: 'lead_time', field: 'leadTimeDays' },
      ],
    },
    amazonSellerId: '',
    amazonProductType: 'PRODUCT',
    // Amazon.fr
    amazonMarketplaceId: 'A13V1IB3VIYZZH',
    miraklLogisticClass: '',
  };
}

/** Every channel (or one) with its rules; a channel never saved gets the defaults of its type. */
export async function loadChannelSettings(db: Executor, channelId?: string): Promise<ChannelSettings[]> {
  const rows = await db
    .select({ channel: channels, saved: channelPriceRules })
    .from(channels)
    .leftJoin(channelPriceRules, eq(channelPriceRules.channelId, channels.id))
    .where(channelId ? eq(channels.id, channelId) : undefined)
    .orderBy(asc(channels.name));
  if (channelId && rows.length === 0) throw notFound('channel_not_found', `No channel ${channelId}`);
  return rows.map(({ channel, saved }) => ({
    channelId: channel.id,
    channelName: channel.name,
    channelType: channel.type,
    isEnabled: channel.isEnabled,
    // Spread over the defaults so a rule saved before a field existed still reads complete.
    rule: { ...defaultPriceRule, ...(saved?.rule as Partial<PriceRule> | undefined) },
    quality: {
      ...defaultQualityRules(channel.type),
      ...(saved?.quality as Partial<QualityRules> | undefined),
    },
    feed: { ...defaultFeedSettings(channel.type), ...(saved?.feed as Partial<FeedSettings> | undefined) },
    isSaved: saved !== null,
  }));
}
