import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { catchError, from, mergeMap, Observable } from 'rxjs';
import { AuthenticatedRequest } from '../auth/auth.decorators';
import { Problem } from '../problems/problem';
import { problemOf } from '../problems/problem-mapping';
import {
  IDEMPOTENCY_KEYS,
  idempotencyRecordId,
  IdempotencyKeyStore,
  IdempotencyRecord,
  requestHashOf,
  staleClaimMs,
} from '@cm/application';
import { ReplayedResponse } from './replayed-response';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentRequest extends AuthenticatedRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** Set when the request carries a key: command and record ids derive from it. */
  idempotency?: { recordId: string; createdAt: number };
}

/**
 * `Idempotency-Key` on a POST: the first request runs and its answer (success or 4xx problem) is stored; the same key
 * with the same body replays that answer and writes nothing; with another body it is refused. 5xx answers and version
 * conflicts release the key, so that the client's retry runs again (deduplicated by the derived command id).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  /** Replaceable in tests. */
  clock: () => Date = () => new Date(Date.now());

  constructor(@Inject(IDEMPOTENCY_KEYS) private readonly keys: IdempotencyKeyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !idempotencyKeyPattern.test(key)) {
      throw Problem.validation([{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
    }
    const record: IdempotencyRecord = {
      _id: idempotencyRecordId(request.actor?.sub ?? 'anonymous', request.method, request.path, key),
      requestHash: requestHashOf(request.body),
      state: 'in_progress',
      createdAt: this.clock(),
    };
    const claimed = await this.claim(record);
    request.idempotency = { recordId: claimed._id, createdAt: claimed.createdAt.getTime() };
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
    return next.handle().pipe(
      mergeMap((body) =>
        from(this.keys.complete(record._id, { status, body, contentType: 'application/json' }).then(() => body)),
      ),
      catchError((error: unknown) => from(this.remember(record._id, error))),
    );
  }

  private async claim(record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const result = await this.keys.claim(record);
    if (result.claimed) return result.record;
    const existing = result.record;
    if (existing.requestHash !== record.requestHash) {
      throw new Problem(409, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request body');
    }
    if (existing.state === 'completed') {
      throw new ReplayedResponse(existing.status ?? 200, existing.body, existing.contentType ?? 'application/json');
    }
    if (this.clock().getTime() - existing.createdAt.getTime() < staleClaimMs) {
      throw new Problem(409, 'IDEMPOTENCY_KEY_IN_PROGRESS', 'a request with this Idempotency-Key is still running');
    }
    // The first request died mid-way; running again is safe because its command ids and record ids are the same.
    return existing;
  }

  private async remember(id: string, error: unknown): Promise<never> {
    const problem = problemOf(error);
    if (problem.status >= 500 || problem.code === 'VERSION_CONFLICT') await this.keys.release(id);
    else
      await this.keys.complete(id, {
        status: problem.status,
        body: problem.body,
        contentType: 'application/problem+json',
      });
    throw error;
  }
}
