import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { Role } from '@cm/domain';
import { Problem } from '../problems/problem';
import { AuthenticatedRequest, PUBLIC_ROUTE, ROUTE_ROLES } from './auth.decorators';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/**
 * The platform's health and metrics controllers live in libs/platform and cannot carry `@Public()`; they are the only
 * routes open by path. Swagger (/docs, /docs-json) is served outside Nest's router, so no guard sees it.
 */
const operationsControllers = new Set(['health', 'metrics']);

/** Closed by default: every route needs a valid bearer token unless it is public or an operations route. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.isPublic(context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, unknown> }>();
    const token = bearerTokenOf(request.headers.authorization);
    try {
      request.actor = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw Problem.unauthenticated(error.message);
      throw error;
    }
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed && !allowed.includes(request.actor.role)) {
      throw Problem.forbidden(`role ${request.actor.role} may not do this; allowed: ${allowed.join(', ')}`);
    }
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const path = Reflect.getMetadata(PATH_METADATA, context.getClass()) as string | undefined;
    return path !== undefined && operationsControllers.has(path.replace(/^\//, ''));
  }
}

function bearerTokenOf(header: unknown): string {
  if (typeof header !== 'string' || header.length === 0) {
    throw Problem.unauthenticated('an Authorization: Bearer <token> header is required');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw Problem.unauthenticated('the Authorization header must be Bearer <token>');
  return match[1];
}
