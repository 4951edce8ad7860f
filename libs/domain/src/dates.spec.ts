import { DomainError } from './errors';
import { isoDateOf } from './dates';

describe('isoDateOf', () => {
  it.each(['2027-12-31', '2024-02-29', '1000-01-01', '0999-12-31', '0050-06-15', '2027-12-31T10:00:00Z'])(
    'accepts the real calendar day %s, whatever its four-digit year',
    (value) => expect(isoDateOf(value, 'on')).toBe(value),
  );

  it.each(['2025-02-30', '2025-13-01', '0050-02-30', '31/12/2027', '2027-12-31T25:00Z'])('refuses %s', (value) => {
    expect(() => isoDateOf(value, 'on')).toThrow(DomainError);
  });
});
