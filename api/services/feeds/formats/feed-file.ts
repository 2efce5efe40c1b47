import type { Offer } from '../../pricing/build-offer.js';

/** An offer with what the channel knows it by (its listing id), ready for a format. */
export interface FeedOffer extends Offer {
  externalId: string | null;
  externalParentId: string | null;
}

/** One generated file and, for each offer it carries, where it sits in it (for the import report). */
export interface FeedFile {
  fileName: string;
  contentType: string;
  content: Uint8Array;
  /** Line (CSV, XLSX rows) or message/request number (JSON) → the offer's product. */
  positions: { position: number; sku: string; productId: string }[];
  /** Offers the format could not carry, with the reason (no listing id yet on that channel). */
  skipped: { productId: string; code: string; message: string }[];
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** A `;`-separated cell, always quoted, as Mirakl's own examples write them. */
export const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
