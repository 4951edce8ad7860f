import { createHash } from 'node:crypto';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig } from '@cm/platform';
import { Problem } from '../problems/problem';

interface ThrottledRequest {
  ip?: string;
  path?: string;
  headers: Record<string, string | string[] | undefined>;
}

const bearerOf = (request: ThrottledRequest): string | undefined => {
  const header = request.headers.authorization;
  return typeof header === 'string' && /^bearer\s+\S/i.test(header) ? header.replace(/^bearer\s+/i, '') : undefined;
};

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<ThrottledRequest>();

/**
 * Two fixed-window budgets shared by every route: one per bearer token (a hash of it, never the token itself), one
 * per client address (so that sending no token, or a new token each time, does not escape it). A limit of 0 turns
 * that budget off; tests that need throughput set both to 0.
 */
export function rateLimitsOf(config: AppConfig): ThrottlerModuleOptions {
  const ttl = config.RATE_LIMIT_WINDOW_MS;
  return {
    setHeaders: false,
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    // Address first: it counts every request, also those a spent token budget then refuses.
    throttlers: [
      ...(config.RATE_LIMIT_PER_ADDRESS > 0 ? [{ name: 'address', ttl, limit: config.RATE_LIMIT_PER_ADDRESS }] : []),
      ...(config.RATE_LIMIT_PER_TOKEN > 0
        ? [
            {
              name: 'token',
              ttl,
              limit: config.RATE_LIMIT_PER_TOKEN,
              skipIf: (context: ExecutionContext) => bearerOf(requestOf(context)) === undefined,
              getTracker: (request: Record<string, unknown>) =>
                createHash('sha256')
                  .update(bearerOf(request as unknown as ThrottledRequest) ?? '')
                  .digest('base64url'),
            },
          ]
        : []),
    ],
  };
}

/** The throttler, answering 429 problem+json with Retry-After (whole seconds); health, metrics and docs are exempt. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return this.throttlers.length === 0 || /^\/(health|metrics|docs)(\/|-|$)/.test(requestOf(context).path ?? '');
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context
      .switchToHttp()
      .getResponse<{ setHeader(name: string, value: string): void }>()
      .setHeader('Retry-After', String(retryAfter));
    const who = detail.key.startsWith('token:') ? 'this token' : 'this address';
    throw new Problem(
      429,
      'TOO_MANY_REQUESTS',
      `${who} sent more than ${detail.limit} requests in ${Math.round(detail.ttl / 1000)} s; retry after ${retryAfter} s`,
    );
  }
}
