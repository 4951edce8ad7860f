/**
 * Stable business error codes. The API maps each code to an HTTP status in one place;
 * renaming a code is a breaking change for clients.
 */
export const domainErrorCodes = [
  'INVALID_FIELD',
  'INVALID_AMOUNT',
  'INVALID_UNIT',
  'UNKNOWN_CURRENCY',
  'UNIT_MISMATCH',
  'INVALID_DATE',
  'DATE_IN_FUTURE',
  'DATE_OUT_OF_ORDER',
  'FX_RATE_UNAVAILABLE',
  'ALREADY_EXISTS',
  'NOT_FOUND',
  'FORBIDDEN_PARTICIPANT',
  'INVALID_TRANSITION',
  'BELOW_ALLOCATED',
  'OVER_ALLOCATION',
  'OVER_DELIVERY',
  'NEED_NOT_OPEN',
  'PLEDGE_NOT_OPEN',
  'INCOMPATIBLE',
  'UNKNOWN_ALLOCATION',
  'UNKNOWN_DELIVERY',
  'DEADLINE_PASSED',
  'EXTENSION_TOO_LONG',
  'UNKNOWN_PARTICIPANT',
  'INELIGIBLE_PARTICIPANT',
  'ALREADY_MEMBER',
  'NOT_MEMBER',
  'COALITION_DISSOLVED',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly field?: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
