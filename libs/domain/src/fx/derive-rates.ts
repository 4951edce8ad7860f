import type { RateSourceId, RateTable } from './rate-table';

/** One pinned source file as read by scripts/fx-update.ts. */
export interface SourceFile {
  id: RateSourceId;
  name: string;
  package: string;
  file: string;
  sha256: string;
  content: string;
}

/**
 * H.10 series codes in fred.json. `USxx` series are quoted in US dollars per unit (the Fed's starred currencies),
 * the others in units per US dollar. The Venezuelan bolivar series (VZUS) is left out: it runs across two
 * redenominations (VEB, VEF) under one code, so no single ISO 4217 code names it truthfully.
 */
export const fedSeries: Readonly<Record<string, string>> = {
  BZUS: 'BRL', CAUS: 'CAD', CHUS: 'CNY', DNUS: 'DKK', HKUS: 'HKD', INUS: 'INR', JPUS: 'JPY', KOUS: 'KRW',
  MAUS: 'MYR', MXUS: 'MXN', NOUS: 'NOK', SDUS: 'SEK', SFUS: 'ZAR', SIUS: 'SGD', SLUS: 'LKR', SZUS: 'CHF',
  TAUS: 'TWD', THUS: 'THB', USAL: 'AUD', USEU: 'EUR', USNZ: 'NZD', USUK: 'GBP',
}; // prettier-ignore

export const dailyFrom = '2008-01-01';
const firstAnnualYear = 1999;
/** A year is complete for a currency when it has rates on this share of the source's days and near both ends. */
const completeShare = 0.95;

export const rule =
  'Daily: the rate each source published for the day, crossed into units per USD (Fed H.10 USD-per-unit quotes ' +
  'inverted; ECB units per EUR divided by the ECB USD per EUR of the same day). Annual average: the arithmetic mean ' +
  "of a year's daily units per USD, 10 significant digits, given only for a year the source covers completely " +
  `(rates on ≥${completeShare * 100} % of its publication days, the first by 8 January and the last from 24 December). ` +
  'Conversion prefers the Fed H.10 series (the source of the Fed G.5A annual table and of the Monitor), and takes ' +
  'the ECB series only for a currency or year the Fed does not cover completely. Daily rates are kept from ' +
  `${dailyFrom}; a day without publication takes the last rate published in the 7 days before, named by its date.`;

type Observations = Map<string, Map<string, number>>; // date → currency → units per USD

interface Parsed {
  unitsPerUsd: Observations;
  /** date → currency → the quote as published (kept for the daily table). */
  quoted: Map<string, Map<string, string>>;
}

function parseFed(content: string): Parsed {
  const raw = JSON.parse(content) as Record<string, Record<string, number>>;
  const unitsPerUsd: Observations = new Map();
  const quoted = new Map<string, Map<string, string>>();
  for (const date of Object.keys(raw)
    .filter((key) => /^\d{4}-\d{2}-\d{2}$/.test(key))
    .sort()) {
    const day = new Map<string, number>();
    const asQuoted = new Map<string, string>();
    for (const [series, value] of Object.entries(raw[date])) {
      const currency = fedSeries[series];
      if (!currency || !(value > 0)) continue;
      day.set(currency, series.startsWith('US') ? 1 / value : value);
      asQuoted.set(currency, String(value));
    }
    unitsPerUsd.set(date, day);
    quoted.set(date, asQuoted);
  }
  return { unitsPerUsd, quoted };
}

function parseEcb(content: string): Parsed {
  const [header, ...lines] = content.trim().split(/\r?\n/);
  const columns = header.split(',').map((column) => column.trim());
  const unitsPerUsd: Observations = new Map();
  const quoted = new Map<string, Map<string, string>>();
  const rows = lines.map((line) => line.split(',')).sort((a, b) => a[0].localeCompare(b[0]));
  for (const cells of rows) {
    const date = cells[0];
    const value = (i: number): number => (cells[i] && cells[i] !== 'N/A' ? Number(cells[i]) : NaN);
    const usdPerEur = value(columns.indexOf('USD'));
    const day = new Map<string, number>();
    const asQuoted = new Map<string, string>([['EUR', '1']]);
    columns.forEach((currency, i) => {
      if (i === 0 || !currency || !(value(i) > 0)) return;
      asQuoted.set(currency, cells[i]);
      if (usdPerEur > 0 && currency !== 'USD') day.set(currency, value(i) / usdPerEur);
    });
    if (usdPerEur > 0) day.set('EUR', 1 / usdPerEur);
    unitsPerUsd.set(date, day);
    quoted.set(date, asQuoted);
  }
  return { unitsPerUsd, quoted };
}

const significant = (value: number): string => String(Number(value.toPrecision(10)));

function annualAverages(observations: Observations): Record<string, Record<string, string>> {
  const byYear = new Map<string, string[]>();
  for (const date of observations.keys()) {
    const year = date.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), date]);
  }
  const annual: Record<string, Record<string, string>> = {};
  for (const [year, dates] of byYear) {
    if (Number(year) < firstAnnualYear) continue;
    const currencies = new Set(dates.flatMap((date) => [...observations.get(date)!.keys()]));
    const row: Record<string, string> = {};
    for (const currency of [...currencies].sort()) {
      const days = dates.filter((date) => observations.get(date)!.has(currency));
      const complete =
        days.length >= completeShare * dates.length && days[0] <= `${year}-01-08` && days.at(-1)! >= `${year}-12-24`;
      if (!complete) continue;
      const sum = days.reduce((total, date) => total + observations.get(date)!.get(currency)!, 0);
      row[currency] = significant(sum / days.length);
    }
    if (Object.keys(row).length > 0) annual[year] = row;
  }
  return annual;
}

/**
 * Quotes from `dailyFrom` on. `shadowed` (the ECB quotes of currencies the Fed carries, up to the Fed's last day) are
 * left empty: conversion never reads them, and dropping them keeps the committed file about a third smaller.
 */
function dailyStrings(
  parsed: Parsed,
  currencies: readonly string[],
  shadowed: (date: string, currency: string) => boolean,
): Record<string, string> {
  const years: Record<string, string[]> = {};
  for (const [date, day] of parsed.quoted) {
    if (date < dailyFrom) continue;
    const year = date.slice(0, 4);
    const cells = currencies.map((currency) => (shadowed(date, currency) ? '' : (day.get(currency) ?? '')));
    (years[year] ??= []).push([date.slice(5, 7) + date.slice(8, 10), ...cells].join(','));
  }
  return Object.fromEntries(Object.entries(years).map(([year, days]) => [year, days.join(';')]));
}

/** The whole table from the pinned files; a pure function, so the same files always give the same bytes. */
export function deriveRateTable(files: readonly SourceFile[]): RateTable {
  const parsed = Object.fromEntries(
    files.map((file) => [file.id, file.id === 'fed-h10' ? parseFed(file.content) : parseEcb(file.content)]),
  ) as Record<RateSourceId, Parsed>;
  const source = (file: SourceFile) => {
    const dates = [...parsed[file.id].quoted.keys()];
    const currencies = [...new Set([...parsed[file.id].quoted.values()].flatMap((day) => [...day.keys()]))].sort();
    return {
      name: file.name,
      package: file.package,
      file: file.file,
      sha256: file.sha256,
      firstDate: dates[0],
      lastDate: dates.at(-1)!,
      currencies,
      quotes:
        file.id === 'fed-h10'
          ? 'units per USD, except AUD, EUR, GBP and NZD in USD per unit'
          : 'units per EUR (EUR is 1)',
    };
  };
  const sources = Object.fromEntries(files.map((file) => [file.id, source(file)])) as unknown as RateTable['sources'];
  const dailyCurrencies = Object.fromEntries(
    files.map((file) => [file.id, sources[file.id].currencies]),
  ) as RateTable['dailyCurrencies'];
  const fed = parsed['fed-h10'];
  const fedLast = sources['fed-h10'] ? sources['fed-h10'].lastDate : '';
  const shadowedBy = (id: RateSourceId) => (date: string, currency: string) =>
    id === 'ecb' &&
    currency !== 'USD' &&
    date <= fedLast &&
    fed !== undefined &&
    fed.quoted.get(date)?.has(currency) === true;
  return {
    version: files.map((file) => `${file.id}:${file.package.split(' ')[1]}`).join('+'),
    rule,
    preference: ['fed-h10', 'ecb'],
    dailyFrom,
    sources,
    annual: Object.fromEntries(
      files.map((file) => [file.id, annualAverages(parsed[file.id].unitsPerUsd)]),
    ) as RateTable['annual'],
    dailyCurrencies,
    daily: Object.fromEntries(
      files.map((file) => [file.id, dailyStrings(parsed[file.id], dailyCurrencies[file.id], shadowedBy(file.id))]),
    ) as RateTable['daily'],
  };
}
