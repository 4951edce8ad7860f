/** The shape of published-rates.json, written by `npm run fx:update` (scripts/fx-update.ts) and read by convert. */
export type RateSourceId = 'fed-h10' | 'ecb';

export interface RateSource {
  readonly name: string;
  /** The registry package the file comes from, with its pinned version. */
  readonly package: string;
  readonly file: string;
  readonly sha256: string;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly currencies: readonly string[];
  /** How the source quotes a currency, e.g. units per USD, USD per unit, units per EUR. */
  readonly quotes: string;
}

export interface RateTable {
  /** Names the pinned inputs, so that a recorded rate says which table it came from. */
  readonly version: string;
  readonly rule: string;
  /** Order of preference when both sources carry a currency. */
  readonly preference: readonly RateSourceId[];
  readonly dailyFrom: string;
  readonly sources: Readonly<Record<RateSourceId, RateSource>>;
  /** Annual average of the daily units per USD, 10 significant digits, complete years only. */
  readonly annual: Readonly<Record<RateSourceId, Readonly<Record<string, Readonly<Record<string, string>>>>>>;
  /**
   * Daily quotes as the source publishes them (Fed: per its H.10 direction; ECB: units per EUR), one string per
   * year: days separated by ';', each `MMDD,q1,q2,…` in the order of `dailyCurrencies`, empty where none.
   */
  readonly dailyCurrencies: Readonly<Record<RateSourceId, readonly string[]>>;
  readonly daily: Readonly<Record<RateSourceId, Readonly<Record<string, string>>>>;
}
