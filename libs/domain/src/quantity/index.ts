export * from './quantity';
export { currencyExponents } from './currencies';
export { divideHalfEven, formatDecimal, parseDecimal, significantDecimal } from './decimal';
export type { Decimal } from './decimal';
