import { requestValidationPipe } from '../problems/validation';
import { csvCell } from './audit-export';
import { AuditPageQuery, auditPageQueryOf } from './audit-search.query';

/** The query string as the api reads it: through the app's validation pipe into the route's DTO. */
const pageQueryOf = async (query: object) =>
  (await requestValidationPipe().transform(query, { type: 'query', metatype: AuditPageQuery })) as AuditPageQuery;

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
  it('limits a donor to the streams it is party to, whatever it asks for', async () => {
    const donor = { sub: 'nor-1', role: 'donor', participantId: 'NOR' } as const;
    const { filter } = auditPageQueryOf(donor, await pageQueryOf({ participant: 'LAO' }));
    expect(filter).toEqual({ participant: 'LAO', partyTo: 'NOR' });
  });

  it('reads a bare from date as the start of the day and a bare to date as its end', async () => {
    const query = await pageQueryOf({ from: '2026-03-01', to: '2026-03-01' });
    const { filter } = auditPageQueryOf({ sub: 'a', role: 'analyst' }, query);
    expect(filter).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-01T23:59:59.999Z' });
  });

  it.each([{ colour: 'red' }, { from: 'yesterday' }, { limit: '0' }])('refuses %j with a 400', async (query) => {
    await expect(pageQueryOf(query)).rejects.toMatchObject({ status: 400 });
  });

  it('refuses from after to with a 422: each is a valid date, the period is not', async () => {
    const query = await pageQueryOf({ from: '2026-03-02', to: '2026-03-01' });
    expect(() => auditPageQueryOf({ sub: 'a', role: 'analyst' }, query)).toThrow(
      expect.objectContaining({ status: 422, code: 'INVALID_PERIOD' }),
    );
  });
});
