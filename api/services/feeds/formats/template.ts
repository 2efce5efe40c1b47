import ExcelJS from 'exceljs';
import { formatMinor } from '../../../channels/money.js';
import type { FeedSettings, OfferField } from '../../pricing/channel-settings.js';
import { type FeedFile, type FeedOffer, utf8 } from './feed-file.js';

/** The text of one template cell; amounts as exact decimals with a point, the way spreadsheets read them. */
export function offerValue(o: FeedOffer, field: OfferField): string {
  const money = (minor: number) => formatMinor(minor, o.price.currency);
  switch (field) {
    case 'sku':
      return o.product.sku;
    case 'ean':
      return o.product.ean ?? '';
    case 'title':
      return o.product.name;
    case 'itemPrice':
      return money(o.price.itemPrice);
    case 'shippingPrice':
      return money(o.price.shippingPrice);
    case 'totalPrice':
      return money(o.price.totalPrice);
    case 'currency':
      return o.price.currency;
    case 'quantity':
      return String(o.quantity);
    case 'condition':
      return o.product.condition;
    case 'leadTimeDays':
      return o.product.leadTimeDays === null ? '' : String(o.product.leadTimeDays);
    case 'brand':
      return o.product.brand ?? '';
    case 'category':
      return o.product.category ?? '';
  }
}

const csvCell = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * The generic template for marketplaces we do not speak yet: the columns and headers the merchant set,
 * as CSV (`;`, UTF-8 with BOM for spreadsheet programs) or XLSX. Every cell is text, so an EAN keeps its
 * leading zero and a price its trailing one when the file is opened and saved again.
 */
export async function buildTemplateFile(
  offers: FeedOffer[],
  template: FeedSettings['template'],
  options: { at: Date },
): Promise<FeedFile> {
  const positions = offers.map((o, i) => ({
    position: i + 2,
    sku: o.product.sku,
    productId: o.product.productId,
  }));
  const rows = offers.map((o) => template.columns.map((c) => offerValue(o, c.field)));
  const headers = template.columns.map((c) => c.header);
  const stamp = options.at.toISOString().replace(/[:.]/g, '-');
  if (template.fileType === 'csv') {
    const text = [headers, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n');
    return {
      fileName: `offers-${stamp}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: utf8(`\uFEFF${text}\r\n`),
      positions,
      skipped: [],
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('offers');
  sheet.columns = headers.map((h) => ({
    header: h,
    width: Math.max(10, h.length + 2),
    style: { numFmt: '@' },
  }));
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `offers-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: new Uint8Array(buffer as ArrayBuffer),
    positions,
    skipped: [],
  };
}
