import { csvCell } from './audit-export';
import { auditPageQueryOf } from './audit-search.query';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['@SUM(A1)', "'@SUM(A1)"],
    [3, '3'],
    [undefined, ''],
  ])('writes %j as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('auditPageQueryOf', () => {
  it('limits a donor to the streams it is party to, whatever it asks for', () => {
    const { filter } = auditPageQueryOf({ sub: 'nor-1', role: 'donor', participantId: 'NOR' }, { participant: 'LAO' });
    expect(filter).toEqual({ participant: 'LAO', partyTo: 'NOR' });
  });

  it('reads a bare from date as the start of the day and a bare to date as its end', () => {
    const { filter } = auditPageQueryOf({ sub: 'a', role: 'analyst' }, { from: '2026-03-01', to: '2026-03-01' });
    expect(filter).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-01T23:59:59.999Z' });
  });

  it.each([{ colour: 'red' }, { from: 'yesterday' }, { limit: '0' }, { from: '2026-03-02', to: '2026-03-01' }])(
    'refuses %j with a 400',
    (query) => {
      expect(() => auditPageQueryOf({ sub: 'a', role: 'analyst' }, query)).toThrow();
    },
  );
});
