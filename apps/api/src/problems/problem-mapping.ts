import { HttpException } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@cm/domain';
import { VersionConflictError } from '@cm/event-store';
import { Problem } from './problem';

/** Every business rule's code and the HTTP status it answers with: the one place they are mapped. */
export const domainErrorStatus: Record<DomainErrorCode, number> = {
  INVALID_FIELD: 400,
  INVALID_AMOUNT: 400,
  INVALID_UNIT: 400,
  UNKNOWN_CURRENCY: 400,
  UNIT_MISMATCH: 400,
  INVALID_DATE: 400,
  DATE_IN_FUTURE: 400,
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

export function isInfrastructureFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (unavailableErrorNames.has(current.name)) return true;
    current = (current as Error & { cause?: unknown }).cause;
  }
  return false;
}

/** Turns anything thrown while serving a request into the problem the client sees. Internals never leak. */
export function problemOf(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof DomainError) {
    const status = domainErrorStatus[error.code] ?? 422;
    const errors = status === 400 && error.field ? [{ field: error.field, message: error.detail }] : undefined;
    return new Problem(status, error.code, error.detail, errors);
  }
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
  if (isBodyParserError(error)) return new Problem(error.status, 'MALFORMED_BODY', 'the body is not valid JSON');
  return new Problem(500, 'INTERNAL', 'an unexpected error occurred; it has been logged');
}

function httpDetailOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
}

function isBodyParserError(error: unknown): error is Error & { status: number } {
  return (
    error instanceof Error &&
    (error as { type?: unknown }).type === 'entity.parse.failed' &&
    (error as { status?: unknown }).status === 400
  );
}
