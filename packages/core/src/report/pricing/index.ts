export { genaiPriceTable, type MatchLogic } from "./genai-price-table.js";
export {
  checkedPriceTable,
  findModelPrice,
  findPriceRow,
  parsePriceTable,
  priceTablesOf,
  PriceTableError,
  priceTableSchema,
  type ModelMatcher,
  type ModelPrice,
  type PricedModel,
  type PriceRow,
  type PriceSource,
  type PriceTable,
  type RefusedModel,
  type TokenPrices,
} from "./price-table.js";
export {
  defaultPriceTable,
  loadPriceTable,
  loadPriceTableOrRefuse,
  priceFileLocation,
  type PriceFileLocation,
  type PriceFileSettings,
} from "./price-sources.js";
export { costOfUsage, type ModelCost, type UsageCost } from "./usage-cost.js";
export { PriceFileError, readUserPrices, type UserPrices } from "./user-price-file.js";
