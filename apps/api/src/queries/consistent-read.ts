import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { from, Observable, switchMap } from 'rxjs';
import { CONSISTENT_WITH_HEADER, ConsistencyGate, HeaderSink, StreamTypesRead } from './consistency-gate';

const CONSISTENT_READS = 'cm:consistent-reads';

/** Waits on the route's X-Consistent-With token (ConsistencyGate) before the handler reads. */
@Injectable()
export class ConsistencyInterceptor implements NestInterceptor {
  constructor(
    private readonly gate: ConsistencyGate,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reads = this.reflector.get<StreamTypesRead>(CONSISTENT_READS, context.getHandler()) ?? [];
    const http = context.switchToHttp();
    const request = http.getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const header = request.headers[CONSISTENT_WITH_HEADER];
    const token = Array.isArray(header) ? header[0] : header;
    return from(this.gate.pass(token, http.getResponse<HeaderSink>(), reads)).pipe(switchMap(() => next.handle()));
  }
}

/**
 * Read-your-writes for a query route: a request carrying `X-Consistent-With` waits until the read models built from
 * the stream types `reads` have applied that command's writes, and the answer says `X-Consistency: consistent` or
 * `stale`. Declares the header in the document too.
 */
export const ConsistentRead = (...reads: StreamTypesRead): MethodDecorator =>
  applyDecorators(
    SetMetadata(CONSISTENT_READS, reads),
    UseInterceptors(ConsistencyInterceptor),
    ApiHeader({
      name: 'X-Consistent-With',
      required: false,
      description:
        'A consistencyToken from a command: waits until the read models this query reads have applied every write ' +
        'of that command on them; the answer carries X-Consistency: consistent, or stale if they could not within ' +
        'CONSISTENCY_WAIT_MS. An unknown token answers 400',
    }),
  );
