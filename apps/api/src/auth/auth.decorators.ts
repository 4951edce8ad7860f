import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, Role } from '@cm/domain';

export const PUBLIC_ROUTE = 'cm:public-route';
export const ROUTE_ROLES = 'cm:route-roles';

/** Answers without a token (only operations routes should carry it). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call a route; a route without it is open to every authenticated role. */
export const Roles = (...roles: Role[]) => SetMetadata(ROUTE_ROLES, roles);

export interface AuthenticatedRequest {
  actor?: Actor;
}

/** The authenticated caller, as the guard verified it. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
