import type { ChannelConnector } from '../connector.js';

/**
 * The desk's own channel: phone and trade orders, click-and-collect, and orders imported from a file.
 * There is no remote system behind it, so nothing is pulled and nothing is written anywhere: the
 * shipment row, its parcels and the `shipment.confirmed_at_channel` event that the push path writes are
 * the whole record. Orders enter through `POST /api/manual-orders` and the import, not through a pull.
 */
export function createManualConnector(): ChannelConnector {
  return {
    type: 'manual',
    async pullOrders() {
      return { orders: [], nextCursor: null, hasMore: false, pageToken: null };
    },
    async acceptLines() {
      // Typed in by the seller: accepted by construction.
    },
    async confirmShipment() {
      // Recorded locally by the push path; there is no channel to tell.
    },
    async readShipmentState() {
      // Nothing remote to read back: the local shipment record is authoritative, and a retried
      // confirmation is a no-op, so "not shipped remotely" can never cause a second shipment.
      return { shipped: false, trackingNumber: null };
    },
    async pushStock() {
      // No listing to update.
    },
    async testConnection() {
      return { ok: true, message: 'Manual orders need no connection' };
    },
  };
}
