/**
 * Reference exchange rates for reporting: annual averages, expressed as units of each currency that one US dollar
 * buys (`unitsPerUsd`; USD is 1). They are reference rates for reporting and matching across currencies, as the
 * Landmine and Cluster Munition Monitor reports support in USD; they are not settlement rates.
 *
 * Values are given to 4–5 significant digits from the source's published figures as best known when written; they have
 * not yet been checked line by line against the published table, which should be done before reports are published.
 * The EUR, GBP, AUD and NZD values are the inverses of the source's USD-per-unit quotes. 2025 is provisional
 * (a partial-year estimate) and should be replaced by the published annual figure.
 * A new year is added here as a new row; rows already used by recorded allocations must not change, because each
 * allocation records the rate it used.
 */
export const referenceRates = {
  source:
    'US Federal Reserve Board, G.5A Foreign Exchange Rates (annual averages of daily noon buying rates, H.10 series)',
  convention: 'unitsPerUsd',
  purpose: 'reference rates for reporting, not for settlement',
  provisionalYears: ['2025'],
  verifiedAgainstSource: false,
  currencies: ['USD', 'EUR', 'GBP', 'NOK', 'SEK', 'DKK', 'CHF', 'JPY', 'AUD', 'CAD', 'NZD'],
  // prettier-ignore
  unitsPerUsd: {
    '2008': { USD: '1', EUR: '0.67907', GBP: '0.53923', NOK: '5.6361', SEK: '6.5774', DKK: '5.0992', CHF: '1.0816', JPY: '103.39', AUD: '1.18708', CAD: '1.0671', NZD: '1.40588' },
    '2009': { USD: '1', EUR: '0.71762', GBP: '0.63853', NOK: '6.2883', SEK: '7.6350', DKK: '5.3609', CHF: '1.0859', JPY: '93.68', AUD: '1.25755', CAD: '1.1412', NZD: '1.56691' },
    '2010': { USD: '1', EUR: '0.75409', GBP: '0.64717', NOK: '6.0442', SEK: '7.2060', DKK: '5.6219', CHF: '1.0432', JPY: '87.78', AUD: '1.08731', CAD: '1.0299', NZD: '1.38543' },
    '2011': { USD: '1', EUR: '0.71782', GBP: '0.62332', NOK: '5.6074', SEK: '6.4930', DKK: '5.3691', CHF: '0.8862', JPY: '79.70', AUD: '0.96787', CAD: '0.9891', NZD: '1.26310' },
    '2012': { USD: '1', EUR: '0.77767', GBP: '0.63080', NOK: '5.8175', SEK: '6.7732', DKK: '5.7925', CHF: '0.9377', JPY: '79.82', AUD: '0.96572', CAD: '0.9996', NZD: '1.23548' },
    '2013': { USD: '1', EUR: '0.75296', GBP: '0.63930', NOK: '5.8768', SEK: '6.5140', DKK: '5.6163', CHF: '0.9269', JPY: '97.60', AUD: '1.03274', CAD: '1.0299', NZD: '1.21862' },
    '2014': { USD: '1', EUR: '0.75205', GBP: '0.60665', NOK: '6.3004', SEK: '6.8576', DKK: '5.6183', CHF: '0.9147', JPY: '105.74', AUD: '1.10693', CAD: '1.1047', NZD: '1.20511' },
    '2015': { USD: '1', EUR: '0.90123', GBP: '0.65428', NOK: '8.0739', SEK: '8.4350', DKK: '6.7269', CHF: '0.9628', JPY: '121.05', AUD: '1.32943', CAD: '1.2788', NZD: '1.42918' },
    '2016': { USD: '1', EUR: '0.90318', GBP: '0.73774', NOK: '8.4000', SEK: '8.5541', DKK: '6.7313', CHF: '0.9848', JPY: '108.66', AUD: '1.34318', CAD: '1.3248', NZD: '1.43575' },
    '2017': { USD: '1', EUR: '0.88488', GBP: '0.77580', NOK: '8.2630', SEK: '8.5430', DKK: '6.5948', CHF: '0.9842', JPY: '112.10', AUD: '1.30361', CAD: '1.2986', NZD: '1.40588' },
    '2018': { USD: '1', EUR: '0.84624', GBP: '0.74833', NOK: '8.1338', SEK: '8.6945', DKK: '6.3150', CHF: '0.9784', JPY: '110.40', AUD: '1.33672', CAD: '1.2957', NZD: '1.44404' },
    '2019': { USD: '1', EUR: '0.89334', GBP: '0.78321', NOK: '8.8037', SEK: '9.4604', DKK: '6.6710', CHF: '0.9937', JPY: '109.02', AUD: '1.43843', CAD: '1.3269', NZD: '1.51837' },
    '2020': { USD: '1', EUR: '0.87642', GBP: '0.77948', NOK: '9.4153', SEK: '9.2037', DKK: '6.5394', CHF: '0.9389', JPY: '106.78', AUD: '1.44802', CAD: '1.3412', NZD: '1.53398' },
    '2021': { USD: '1', EUR: '0.84495', GBP: '0.72653', NOK: '8.5953', SEK: '8.5811', DKK: '6.2896', CHF: '0.9143', JPY: '109.84', AUD: '1.33067', CAD: '1.2535', NZD: '1.41103' },
    '2022': { USD: '1', EUR: '0.94949', GBP: '0.80847', NOK: '9.6191', SEK: '10.1214', DKK: '7.0764', CHF: '0.9546', JPY: '131.46', AUD: '1.43926', CAD: '1.3015', NZD: '1.57431' },
    '2023': { USD: '1', EUR: '0.92447', GBP: '0.80418', NOK: '10.5630', SEK: '10.6128', DKK: '6.8906', CHF: '0.8984', JPY: '140.49', AUD: '1.50512', CAD: '1.3497', NZD: '1.62920' },
    '2024': { USD: '1', EUR: '0.92387', GBP: '0.78241', NOK: '10.7473', SEK: '10.5739', DKK: '6.8959', CHF: '0.8804', JPY: '151.45', AUD: '1.51584', CAD: '1.3699', NZD: '1.65289' },
    '2025': { USD: '1', EUR: '0.88496', GBP: '0.75758', NOK: '10.3500', SEK: '9.8000', DKK: '6.6000', CHF: '0.8340', JPY: '149.60', AUD: '1.55039', CAD: '1.3980', NZD: '1.72414' },

  },
} as const;

export type ReferenceYear = keyof typeof referenceRates.unitsPerUsd;
export type ReferenceCurrency = (typeof referenceRates.currencies)[number];
