/**
 * ISO 4217 active currency codes with their minor-unit exponents (the number of decimals a payment may carry).
 * Codes withdrawn from the standard (LUF, DEM, HRK, …) are left out on purpose: a pledge is recorded in the currency
 * it was made in, and no new pledge is made in a withdrawn currency. Fund codes (BOV, CHE, CLF, …) are kept because
 * the standard lists them. Exponents follow the ISO table, not market habit (HUF and TWD are 2 in ISO 4217).
 */
const exponentZero = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const exponentThree = 'BHD IQD JOD KWD LYD OMR TND';
const exponentFour = 'CLF UYW';
const exponentTwo =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE ' +
  'CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL ' +
  'HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR ' +
  'MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK ' +
  'SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD ' +
  'XCG YER ZAR ZMW ZWG';

const table: ReadonlyArray<readonly [string, number]> = [
  [exponentZero, 0],
  [exponentTwo, 2],
  [exponentThree, 3],
  [exponentFour, 4],
];

export const currencyExponents: ReadonlyMap<string, number> = new Map(
  table.flatMap(([codes, exponent]) => codes.split(' ').map((code) => [code, exponent] as const)),
);
