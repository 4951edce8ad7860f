export { applyRate, convert, hasReferenceRate, rateTableVersion, usdValueOf } from './convert';
export type { Conversion, ExchangeRateUsed } from './convert';
export {
  annualUsdRate,
  dailyUsdRate,
  isPublishedCurrency,
  latestPublishedDay,
  publishedRates,
  rateBases,
} from './rate-lookup';
export type { RateBasis, UsdRate } from './rate-lookup';
export type { RateSource, RateSourceId, RateTable } from './rate-table';
