import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { Actor } from '@cm/domain';
import { AuditExportQuery, auditExportQueryOf, AuditPageQuery, auditPageQueryOf } from '../audit/audit-search.query';
import { CandidatesQuery, PortfolioQuery } from '../matching/matching-params';
import { Problem } from '../problems/problem';
import { requestValidationPipe } from '../problems/validation';
import { NeedsQuery } from '../needs/queries/needs.query.controller';
import { NoQueryPipe } from '../queries/query-params';
import { Article7Query, SupportQuery } from '../reports/report-queries';

const analyst: Actor = { sub: 'analyst-1', role: 'analyst' };
const pipe = requestValidationPipe();

/** A query string as the api reads it: the route's pipe, then what the route itself checks. */
const through =
  (metatype: ArgumentMetadata['metatype'], then: (query: never) => unknown = (query) => query, own?: PipeTransform) =>
  async (query: unknown) =>
    then((await (own ?? pipe).transform(query, { type: 'query', metatype })) as never);

/** Every query of the api that reads parameters, by the route it serves. */
const parsers: Record<string, (query: unknown) => Promise<unknown>> = {
  'GET /reports/support': through(SupportQuery),
  'GET /reports/article7/:id': through(Article7Query),
  'GET /reports/coverage': through(Object, undefined, new NoQueryPipe()),
  'GET /audit/events': through(AuditPageQuery, (query: AuditPageQuery) => auditPageQueryOf(analyst, query)),
  'GET /audit/export': through(AuditExportQuery, (query: AuditExportQuery) => auditExportQueryOf(analyst, query)),
  'GET /needs/:id/matches': through(CandidatesQuery),
  'GET /matching/plan': through(PortfolioQuery),
  'GET /needs': through(NeedsQuery),
};

async function problemOf(parse: () => Promise<unknown>): Promise<Problem> {
  try {
    await parse();
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
  ])('%s ? %j names %s', async (route, query, field) => {
    const problem = await problemOf(() => parsers[route](query));
    expect(problem.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  });

  it('still reads good values', async () => {
    const support = await parsers['GET /reports/support']({ from: '2024-01-01', to: '2024-12-31' });
    expect(support).toMatchObject({ to: '2024-12-31' });
    const audit = await parsers['GET /audit/events']({ from: '2024-01-01', to: '2024-12-31T10:00:00Z' });
    expect((audit as ReturnType<typeof auditPageQueryOf>).filter).toMatchObject({
      from: '2024-01-01T00:00:00.000Z',
      to: '2024-12-31T10:00:00.000Z',
    });
  });
});
