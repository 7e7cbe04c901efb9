export {
  defaultPriceTable,
  findModelPrice,
  parsePriceTable,
  PriceTableError,
  PriceTableSchema,
  type ModelPrice,
  type PricedModel,
  type PriceTable,
  type TokenPrices,
} from "./price-table.js";
export { costOfUsage, type ModelCost, type UsageCost } from "./usage-cost.js";
