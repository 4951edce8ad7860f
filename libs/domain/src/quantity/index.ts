export * from './quantity';
export { currencyExponents, isKnownCurrency } from './currencies';
export { divideHalfEven, formatDecimal, parseDecimal, significantDecimal } from './decimal';
export type { Decimal } from './decimal';
