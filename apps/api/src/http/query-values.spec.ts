import { Actor } from '@cm/domain';
import { auditExportQueryOf, auditPageQueryOf } from '../audit/audit-search.query';
import { candidateLimitOf, portfolioFiltersOf } from '../matching/matching-params';
import { Problem } from '../problems/problem';
import { listQueryOf, pillarParam } from '../queries/query-params';
import { article7Query, noQuery, reportQueryOf, supportQuery } from '../reports/report-queries';

const analyst: Actor = { sub: 'analyst-1', role: 'analyst' };

/** Every query parser of the api, by the route it serves. */
const parsers: Record<string, (query: unknown) => unknown> = {
  'GET /reports/support': (query) => reportQueryOf(supportQuery, query),
  'GET /reports/article7/:id': (query) => reportQueryOf(article7Query, query),
  'GET /reports/coverage': (query) => reportQueryOf(noQuery, query),
  'GET /audit/events': (query) => auditPageQueryOf(analyst, query),
  'GET /audit/export': (query) => auditExportQueryOf(analyst, query),
  'GET /needs/:id/matches': (query) => candidateLimitOf(query),
  'GET /matching/plan': (query) => portfolioFiltersOf(query),
  'GET /needs': (query) => listQueryOf({ pillar: pillarParam.optional() }, query),
};

function problemOf(parse: () => unknown): Problem {
  try {
    parse();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw new Error(`threw ${String(error)} instead of a problem`);
  }
  throw new Error('accepted the query');
}

describe('query strings with bad values: 400 naming the parameter, never a 500', () => {
  it.each([
    ['GET /reports/support', { to: 'null' }, 'to'],
    ['GET /reports/support', { from: 'null' }, 'from'],
    ['GET /reports/support', { from: 'NaN', to: 'undefined' }, 'from'],
    ['GET /reports/support', { to: '2024-13-45' }, 'to'],
    ['GET /reports/support', { to: '2024-02-30' }, 'to'],
    ['GET /reports/support', { to: ['2024-01-01', '2024-02-01'] }, 'to'],
    ['GET /reports/support', { groupBy: 'donor,constructor' }, 'groupBy'],
    ['GET /reports/article7/:id', { year: 'null' }, 'year'],
    ['GET /reports/article7/:id', { year: '1e308' }, 'year'],
    ['GET /reports/article7/:id', { year: '2024', format: 'xml' }, 'format'],
    ['GET /reports/coverage', { to: 'null' }, 'to'],
    ['GET /audit/events', { from: 'null' }, 'from'],
    ['GET /audit/events', { to: 'yesterday' }, 'to'],
    ['GET /audit/events', { to: '2024-02-30' }, 'to'],
    ['GET /audit/events', { limit: 'NaN' }, 'limit'],
    ['GET /audit/events', { cursor: 'null' }, 'cursor'],
    ['GET /audit/export', { from: '\u0000' }, 'from'],
    ['GET /needs/:id/matches', { limit: '-0.5' }, 'limit'],
    ['GET /needs/:id/matches', { limit: 'Infinity' }, 'limit'],
    ['GET /matching/plan', { pillar: 'null' }, 'pillar'],
    ['GET /needs', { limit: '1e308' }, 'limit'],
    ['GET /needs', { cursor: '%00' }, 'cursor'],
    ['GET /needs', { constructor: 'x' }, 'constructor'],
  ])('%s ? %j names %s', (route, query, field) => {
    const problem = problemOf(() => parsers[route](query));
    expect(problem.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  });

  it('still reads good values', () => {
    expect(reportQueryOf(supportQuery, { from: '2024-01-01', to: '2024-12-31' })).toMatchObject({ to: '2024-12-31' });
    expect(auditPageQueryOf(analyst, { from: '2024-01-01', to: '2024-12-31T10:00:00Z' }).filter).toMatchObject({
      from: '2024-01-01T00:00:00.000Z',
      to: '2024-12-31T10:00:00.000Z',
    });
  });
});
