/**
 * Why a read was refused: the record asked for does not exist (404), it is outside the coalition the caller filtered
 * to (422), or the caller may not read it (403). A closed code union, as the domain's errors; the api's problem
 * mapping turns each into problem+json with that status and code.
 */
export type QueryErrorCode = 'NOT_FOUND' | 'NOT_MEMBER' | 'FORBIDDEN';

export class QueryError extends Error {
  constructor(
    readonly code: QueryErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'QueryError';
  }
}

export const notFound = (detail: string) => new QueryError('NOT_FOUND', detail);
export const forbidden = (detail: string) => new QueryError('FORBIDDEN', detail);
