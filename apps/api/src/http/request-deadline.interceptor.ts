import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cm/platform';
import { catchError, Observable, throwError, timeout, TimeoutError } from 'rxjs';
import { Problem } from '../problems/problem';

/**
 * Every request is answered within REQUEST_TIMEOUT_MS: past it the client gets 503 problem+json with Retry-After
 * instead of a socket that hangs. A command still running then completes or fails on its own, whole (its events are
 * one atomic commit); retrying with the same Idempotency-Key answers its outcome, never applies it twice.
 */
@Injectable()
export class RequestDeadlineInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const limit = this.config.REQUEST_TIMEOUT_MS;
    return next.handle().pipe(
      timeout({ first: limit }),
      catchError((error: unknown) => {
        if (!(error instanceof TimeoutError)) return throwError(() => error);
        const response = context
          .switchToHttp()
          .getResponse<{ headersSent?: boolean; setHeader(n: string, v: string): void }>();
        if (!response.headersSent) response.setHeader('Retry-After', '5');
        return throwError(
          () =>
            new Problem(
              503,
              'DEADLINE_EXCEEDED',
              `the request was not answered within ${limit} ms; retry it (with the same Idempotency-Key for a command)`,
            ),
        );
      }),
    );
  }
}
