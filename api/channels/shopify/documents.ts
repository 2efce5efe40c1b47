/**
 * Every GraphQL document this connector sends, in one place so the fake's tests can validate each of
 * them against the Admin API 2025-01 schema. Money is read as `shopMoney` (the shop's currency), the
 * amount a decimal string.
 */

const MONEY = 'shopMoney { amount currencyCode }';
const LINE_FIELDS = `id sku name quantity currentQuantity unfulfilledQuantity originalUnitPriceSet { ${MONEY} }`;

/**
 * Shopify refuses a query whose requested cost passes 1,000 points (a connection costs 2 + first × its
 * node). An order with 20 lines costs about 95, so a pull page of 8 orders stays under 800.
 */
export const LINES_PER_ORDER = 20;
export const MAX_ORDERS_PER_PAGE = 8;

export const ORDER_FIELDS = `
  id name createdAt updatedAt cancelledAt closed email phone
  displayFulfillmentStatus displayFinancialStatus
  totalPriceSet { ${MONEY} }
  totalShippingPriceSet { ${MONEY} }
  shippingLine { code title }
  customer { firstName lastName }
  shippingAddress { name firstName lastName company address1 address2 zip city countryCodeV2 phone }
  lineItems(first: ${LINES_PER_ORDER}) { pageInfo { hasNextPage endCursor } nodes { ${LINE_FIELDS} } }`;

/** Lines of one order past the first page (orders with more lines than fit the pull's query cost). */
export const MORE_LINE_ITEMS = `
query MoreLineItems($id: ID!, $after: String!) {
  order(id: $id) {
    lineItems(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${LINE_FIELDS} } }
  }
}`;

export const PULL_ORDERS = `
query PullOrders($first: Int!, $after: String, $query: String!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { ${ORDER_FIELDS} }
  }
}`;

const FULFILMENTS = `
    fulfillments(first: 20) {
      id status createdAt
      trackingInfo(first: 3) { company number url }
    }`;

/**
 * The order's fulfilments and what is left to fulfil: what a parcel is allocated from. Its line items make
 * it cost about 560 points, over half the bucket.
 */
export const ORDER_FULFILMENT_STATE = `
query OrderFulfilmentState($id: ID!) {
  order(id: $id) {
    id displayFulfillmentStatus${FULFILMENTS}
    fulfillmentOrders(first: 5) {
      nodes {
        id status
        lineItems(first: 50) { nodes { id remainingQuantity lineItem { id } } }
      }
    }
  }
}`;

/**
 * The fulfilments alone, about 45 points: all a read-back needs. Reads back come in bursts after
 * timeouts, when other workers have spent the bucket, and a cheap one waits a second where the full
 * state would wait over ten.
 */
export const ORDER_FULFILMENTS = `
query OrderFulfilments($id: ID!) {
  order(id: $id) {
    id displayFulfillmentStatus${FULFILMENTS}
  }
}`;

export const FULFILLMENT_CREATE = `
mutation CreateFulfillment($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status trackingInfo(first: 10) { company number url } }
    userErrors { field message }
  }
}`;

export const FIRST_LOCATION = `
query FirstLocation {
  locations(first: 1) { nodes { id name isActive } }
}`;

export const VARIANTS_BY_SKU = `
query VariantsBySku($first: Int!, $query: String!, $locationId: ID!) {
  productVariants(first: $first, query: $query) {
    nodes {
      sku
      inventoryItem {
        id
        inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } }
      }
    }
  }
}`;

export const INVENTORY_SET_QUANTITIES = `
mutation SetAvailable($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) {
    inventoryAdjustmentGroup { id reason changes { name delta quantityAfterChange } }
    userErrors { code field message }
  }
}`;

export const ORDER_EDIT_BEGIN = `
mutation BeginEdit($id: ID!) {
  orderEditBegin(id: $id) {
    calculatedOrder { id lineItems(first: 250) { nodes { id quantity sku } } }
    userErrors { field message }
  }
}`;

export const ORDER_EDIT_SET_QUANTITY = `
mutation SetEditQuantity($id: ID!, $lineItemId: ID!, $quantity: Int!, $restock: Boolean) {
  orderEditSetQuantity(id: $id, lineItemId: $lineItemId, quantity: $quantity, restock: $restock) {
    calculatedLineItem { id quantity }
    userErrors { field message }
  }
}`;

export const ORDER_EDIT_COMMIT = `
mutation CommitEdit($id: ID!, $notifyCustomer: Boolean, $staffNote: String) {
  orderEditCommit(id: $id, notifyCustomer: $notifyCustomer, staffNote: $staffNote) {
    order { id updatedAt }
    userErrors { field message }
  }
}`;

export const SHOP = `
query Shop {
  shop { name myshopifyDomain currencyCode }
}`;

/** Every document, for the schema check in the tests. */
export const ALL_DOCUMENTS: Readonly<Record<string, string>> = {
  PULL_ORDERS,
  ORDER_FULFILMENT_STATE,
  ORDER_FULFILMENTS,
  FULFILLMENT_CREATE,
  MORE_LINE_ITEMS,
  FIRST_LOCATION,
  VARIANTS_BY_SKU,
  INVENTORY_SET_QUANTITIES,
  ORDER_EDIT_BEGIN,
  ORDER_EDIT_SET_QUANTITY,
  ORDER_EDIT_COMMIT,
  SHOP,
};
