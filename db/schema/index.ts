export * from './channels.js';
export * from './events.js';
export * from './locations.js';
export * from './orders.js';
export * from './products.js';
export * from './shipments.js';
export * from './stock.js';
export * from './users.js';
