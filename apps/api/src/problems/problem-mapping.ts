import { HttpException } from '@nestjs/common';
import { NotPartyToStream, PreconditionFailed, QueryError, QueryErrorCode, StreamNotFound } from '@cm/application';
import { DomainError, DomainErrorCode } from '@cm/domain';
import { VersionConflictError } from '@cm/event-store';
import { Problem } from './problem';

/**
 * Every business rule's code and the HTTP status it answers with: the one place they are mapped. 400 is for a request
 * that breaks what the document states; a schema-valid request that breaks a rule no schema states (an amount with
 * more decimals than its currency has, a unit of another kind or another record, a date after today or before the
 * date it must follow, an organisation where only a State may act) answers 422.
 */
export const domainErrorStatus: Record<DomainErrorCode, number> = {
  INVALID_FIELD: 400,
  INVALID_AMOUNT: 422,
  INVALID_UNIT: 422,
  UNKNOWN_CURRENCY: 400,
  UNIT_MISMATCH: 422,
  INVALID_DATE: 400,
  DATE_IN_FUTURE: 422,
  DATE_OUT_OF_ORDER: 422,
  FX_RATE_UNAVAILABLE: 422,
  ALREADY_EXISTS: 409,
  NOT_FOUND: 404,
  FORBIDDEN_PARTICIPANT: 403,
  INVALID_TRANSITION: 422,
  BELOW_ALLOCATED: 422,
  OVER_ALLOCATION: 422,
  OVER_DELIVERY: 422,
  NEED_NOT_OPEN: 422,
  PLEDGE_NOT_OPEN: 422,
  INCOMPATIBLE: 422,
  UNKNOWN_ALLOCATION: 422,
  UNKNOWN_DELIVERY: 404,
  DEADLINE_PASSED: 422,
  EXTENSION_TOO_LONG: 422,
  UNKNOWN_PARTICIPANT: 422,
  INELIGIBLE_PARTICIPANT: 422,
  ALREADY_MEMBER: 409,
  NOT_MEMBER: 422,
  COALITION_DISSOLVED: 422,
};

/** Why a read was refused, and the status it answers with. */
export const queryErrorStatus: Record<QueryErrorCode, number> = {
  NOT_FOUND: 404,
  NOT_MEMBER: 422,
  FORBIDDEN: 403,
};

/** MongoDB and Kafka client errors that mean "the infrastructure is not there", not "the request is wrong". */
const unavailableErrorNames = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'KafkaJSConnectionError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSRequestTimeoutError',
]);

const httpCodes: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * What FerretDB answers, as a server error, when the storage under it is not there: on PostgreSQL its pool's
 * "failed to connect to `user=… database=…`: … connection refused", a connection exception (SQLSTATE class 08) or a
 * server shutting down or starting up (57P01–57P03), or a connection cut mid-query. The database is unavailable; the
 * request is not wrong.
 */
const storageUnavailable = /failed to connect to `|\(SQLSTATE (08[0-9A-Z]{3}|57P0[1-3])\)|conn closed|unexpected EOF/;

export function isInfrastructureFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (unavailableErrorNames.has(current.name)) return true;
    if (current.name === 'MongoServerError' && storageUnavailable.test(current.message)) return true;
    current = (current as Error & { cause?: unknown }).cause;
  }
  return false;
}

/** Turns anything thrown while serving a request into the problem the client sees. Internals never leak. */
export function problemOf(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof DomainError) {
    const status = domainErrorStatus[error.code] ?? 422;
    const errors =
      (status === 400 || status === 422) && error.field ? [{ field: error.field, message: error.detail }] : undefined;
    return new Problem(status, error.code, error.detail, errors);
  }
  if (error instanceof QueryError) return new Problem(queryErrorStatus[error.code], error.code, error.detail);
  if (error instanceof PreconditionFailed) return Problem.preconditionFailed(error.detail);
  if (error instanceof StreamNotFound) return new Problem(404, 'STREAM_NOT_FOUND', error.message);
  if (error instanceof NotPartyToStream) return Problem.forbidden(error.detail);
  if (error instanceof VersionConflictError) {
    return new Problem(409, 'VERSION_CONFLICT', 'the record changed while this request was applied; retry it');
  }
  if (isInfrastructureFailure(error)) {
    return new Problem(503, 'UNAVAILABLE', 'a backing service is unavailable; retry later');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status < 500) return new Problem(status, httpCodes[status] ?? 'BAD_REQUEST', httpDetailOf(error));
  }
  const bodyProblem = bodyProblemOf(error);
  if (bodyProblem) return bodyProblem;
  return new Problem(500, 'INTERNAL', 'an unexpected error occurred; it has been logged');
}

function httpDetailOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
}

/**
 * body-parser's failures (and ours, raised while reading a body), by their `type`: what was wrong with the bytes
 * sent, never a server fault. See https://github.com/expressjs/body-parser#errors.
 */
const bodyProblems: Record<string, [status: number, code: string, field: string, detail?: string]> = {
  'entity.parse.failed': [400, 'MALFORMED_BODY', 'body', 'the body is not valid JSON'],
  'entity.too.deep': [400, 'BODY_TOO_DEEP', 'body'],
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'body'],
  'entity.verify.failed': [400, 'MALFORMED_BODY', 'body'],
  'request.size.invalid': [
    400,
    'MALFORMED_BODY',
    'Content-Length',
    'the body is shorter or longer than its Content-Length',
  ],
  'request.aborted': [400, 'MALFORMED_BODY', 'body', 'the request was aborted while its body was read'],
  'path.malformed': [400, 'MALFORMED_PATH', 'path'],
  'charset.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type'],
  'encoding.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Encoding'],
  'content-type.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type'],
};

function bodyProblemOf(error: unknown): Problem | undefined {
  if (!(error instanceof Error)) return undefined;
  const type = (error as { type?: unknown }).type;
  const known = typeof type === 'string' ? bodyProblems[type] : undefined;
  if (!known) return undefined;
  const [status, code, field, detail = error.message] = known;
  return new Problem(status, code, detail, [{ field, message: detail }]);
}
