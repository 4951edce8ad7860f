import { NotFoundException } from '@nestjs/common';
import { NotPartyToStream, QueryError, StreamNotFound } from '@cm/application';
import { DomainError, domainErrorCodes } from '@cm/domain';
import { VersionConflictError } from '@cm/event-store';
import { MongoNetworkError, MongoServerError } from 'mongodb';
import { domainErrorStatus, problemOf } from './problem-mapping';

describe('problemOf', () => {
  it('maps every domain error code to a status', () => {
    for (const code of domainErrorCodes) expect(domainErrorStatus[code]).toBeGreaterThanOrEqual(400);
  });

  it.each([
    ['OVER_ALLOCATION', 422],
    ['INCOMPATIBLE', 422],
    ['PLEDGE_NOT_OPEN', 422],
    ['NEED_NOT_OPEN', 422],
    ['BELOW_ALLOCATED', 422],
    ['OVER_DELIVERY', 422],
    ['INVALID_TRANSITION', 422],
    ['NOT_FOUND', 404],
    ['FORBIDDEN_PARTICIPANT', 403],
    ['ALREADY_EXISTS', 409],
    ['INELIGIBLE_PARTICIPANT', 422],
    ['DATE_OUT_OF_ORDER', 422],
  ] as const)('%s → %i with the code', (code, status) => {
    expect(problemOf(new DomainError(code, 'why')).body).toMatchObject({ status, code, detail: 'why' });
  });

  it.each([
    ['NOT_FOUND', 404],
    ['NOT_MEMBER', 422],
    ['FORBIDDEN', 403],
  ] as const)("answers a query's %s with %i, its code and detail, and no field list", (code, status) => {
    const body = problemOf(new QueryError(code, 'need n1 does not exist')).body;
    expect(body).toEqual({
      type: expect.stringContaining(code.toLowerCase().replace(/_/g, '-')),
      title: expect.any(String),
      status,
      code,
      detail: 'need n1 does not exist',
    });
  });

  it("answers the audit's errors as 404 STREAM_NOT_FOUND and 403 FORBIDDEN", () => {
    expect(problemOf(new StreamNotFound('need:n1')).body).toMatchObject({
      status: 404,
      code: 'STREAM_NOT_FOUND',
      detail: 'no stream need:n1',
    });
    expect(problemOf(new NotPartyToStream('donor NOR is not party')).body).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      detail: 'donor NOR is not party',
    });
  });

  it.each(['UNKNOWN_CURRENCY', 'INVALID_DATE', 'INVALID_FIELD'] as const)('%s → 400 naming the field', (code) => {
    expect(problemOf(new DomainError(code, 'bad', 'quantity.amount')).body).toMatchObject({
      status: 400,
      code,
      errors: [{ field: 'quantity.amount', message: 'bad' }],
    });
  });

  // Cross-field and date rules that a schema-valid request can break: never called malformed.
  it.each(['INVALID_AMOUNT', 'INVALID_UNIT', 'UNIT_MISMATCH', 'DATE_IN_FUTURE'] as const)(
    '%s → 422 naming the field',
    (code) => {
      expect(problemOf(new DomainError(code, 'bad', 'quantity.amount')).body).toMatchObject({
        status: 422,
        code,
        errors: [{ field: 'quantity.amount', message: 'bad' }],
      });
    },
  );

  it('maps a version conflict to 409, an unreachable database to 503, anything else to 500 without internals', () => {
    expect(problemOf(new VersionConflictError('need-1', 3, 4)).body).toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
    });
    const outage = new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017');
    expect(problemOf(outage).body).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
    const internal = problemOf(new TypeError('cannot read secret of undefined')).body;
    expect(internal).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(internal)).not.toContain('secret');
    expect(problemOf(new NotFoundException()).body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('maps FerretDB answering that its PostgreSQL storage is down to 503, and its other server errors to 500', () => {
    const ferretDb = (message: string) => new MongoServerError({ message, code: 1, ok: 0 });
    for (const message of [
      '[msg_insert.go:156 handler.(*Handler).insert] [collection.go:109 postgresql.(*collection).Query] failed to ' +
        'connect to `user=postgres database=postgres`: /srv/.s.PGSQL.25432 (/srv): dial error: dial unix ' +
        '/srv/.s.PGSQL.25432: connect: connection refused',
      '[collection.go:109 postgresql.(*collection).Query] FATAL: the database system is starting up (SQLSTATE 57P03)',
      '[collection.go:218 postgresql.(*collection).UpdateAll.func1] FATAL: terminating connection due to administrator ' +
        'command (SQLSTATE 57P01)',
      '[collection.go:109 postgresql.(*collection).Query] conn closed',
    ]) {
      expect(problemOf(ferretDb(message)).body).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
    }
    const refused = ferretDb('[collection.go:218] ERROR: unsupported Unicode escape sequence (SQLSTATE 22P05)');
    expect(problemOf(refused).body).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
