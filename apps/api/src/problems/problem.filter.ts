import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { ReplayedResponse } from '../idempotency/replayed-response';
import { problemOf } from './problem-mapping';

/** The part of Express's response the filter uses. */
interface ProblemResponse {
  status(code: number): ProblemResponse;
  type(contentType: string): ProblemResponse;
  send(body: string): void;
}

/** Every error of the api's own routes leaves as application/problem+json; unexpected ones are logged, not shown. */
@Catch()
export class ProblemFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Problems');

  override catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ProblemResponse>();
    // Readiness reports its own body (which dependency is down) with its 503: leave platform routes to Nest.
    const path = host.switchToHttp().getRequest<{ path?: string }>().path ?? '';
    if (/^\/(health|metrics)(\/|$)/.test(path)) return super.catch(error, host);
    if (error instanceof ReplayedResponse) {
      response.status(error.status).type(error.contentType).send(JSON.stringify(error.body));
      return;
    }
    const problem = problemOf(error);
    if (problem.status >= 500) {
      this.logger.error({ err: error }, `${problem.code}: ${(error as Error)?.message ?? String(error)}`);
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.body));
  }
}
