import { Role, roles } from '@cm/domain';
import { SignJWT } from 'jose';

/**
 * Signs development tokens (`npm run token`, the console's development sign-in, tests and benches) and verifies them
 * in the api when no secret is configured. It is public on purpose: production refuses to start with it (the api's
 * `authSettingsOf`).
 */
export const developmentSecret = 'cm-article6-development-secret-not-for-production';

export interface TokenRequest {
  role: Role;
  participant?: string;
  sub?: string;
  /** A jose duration: 8h, 30m, 7d. */
  expires?: string;
  secret?: string;
}

/** An HS256 token the api accepts: with AUTH_JWT_SECRET when given, else with the development secret. */
export async function signToken(request: TokenRequest): Promise<string> {
  if (!roles.includes(request.role)) throw new Error(`role must be one of ${roles.join(', ')}`);
  if ((request.role === 'donor' || request.role === 'affected_state') && !request.participant) {
    throw new Error(`a ${request.role} token needs --participant`);
  }
  const secret = new TextEncoder().encode(request.secret ?? developmentSecret);
  return new SignJWT({ role: request.role, ...(request.participant && { participant: request.participant }) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub ?? `${request.role}-${(request.participant ?? 'user').toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime(request.expires ?? '8h')
    .sign(secret);
}
