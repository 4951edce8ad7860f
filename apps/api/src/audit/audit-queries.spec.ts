import { Problem } from '../problems/problem';
import { instantOf } from './audit-queries';

describe('instantOf', () => {
  it.each([
    ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:00.123Z', '2026-03-01T10:00:00.123Z'],
    ['2026-03-01T12:00:00+02:00', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T00:30:00-00:30', '2026-03-01T01:00:00.000Z'],
  ])('reads %s as %s', (at, instant) => {
    expect(instantOf(at).toISOString()).toBe(instant);
  });

  it('reads a bare date as the close of that UTC day', () => {
    expect(instantOf('2026-03-01').toISOString()).toBe('2026-03-01T23:59:59.999Z');
  });

  it.each(['yesterday', '2026-02-31', '2026-02-31T10:00:00Z', '2026-13-01T00:00:00Z', '2026-03-01T25:00:00Z', ''])(
    'refuses %j with a 400 naming the field',
    (at) => {
      let caught: unknown;
      try {
        instantOf(at);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Problem);
      expect((caught as Problem).body).toMatchObject({ status: 400, errors: [{ field: 'at' }] });
    },
  );
});
