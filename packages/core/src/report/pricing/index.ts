export {
  defaultPriceTable,
  findModelPrice,
  parsePriceTable,
  PriceTableError,
  priceTableSchema,
  type ModelPrice,
  type PricedModel,
  type PriceTable,
  type TokenPrices,
} from "./price-table.js";
export { costOfUsage, type ModelCost, type UsageCost } from "./usage-cost.js";
