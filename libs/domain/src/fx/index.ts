export { applyRate, convert, hasReferenceRate, usdValueOf } from './convert';
export type { Conversion, ExchangeRateUsed } from './convert';
export { referenceRates } from './reference-rates';
export type { ReferenceCurrency, ReferenceYear } from './reference-rates';
