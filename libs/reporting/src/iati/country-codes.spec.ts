import { alpha2Of, countryCount } from './country-codes';

describe('alpha2Of', () => {
  it.each([
    ['LAO', 'LA'],
    ['NOR', 'NO'],
    ['VNM', 'VN'],
    ['LBN', 'LB'],
    ['IRQ', 'IQ'],
    ['UKR', 'UA'],
    ['SYR', 'SY'],
    ['KHM', 'KH'],
    ['DEU', 'DE'],
    ['GBR', 'GB'],
  ])('maps %s to %s', (alpha3, alpha2) => {
    expect(alpha2Of(alpha3)).toBe(alpha2);
  });

  it('knows every officially assigned country', () => {
    expect(countryCount).toBe(249);
  });

  it.each(['EU', 'UNMAS', 'ICRC', 'toString', 'lao'])('knows no country %s', (id) => {
    expect(alpha2Of(id)).toBeUndefined();
  });
});
