import { Actor, Role, roles } from '@cm/domain';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AuthSettings } from './auth-settings';

const participantPattern = /^[A-Z][A-Z0-9_-]{1,31}$/;
const rolesWithParticipant: readonly Role[] = ['donor', 'affected_state'];

/** Why a token was refused; the message goes to the client, so it names the claim and never the key. */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** Verifies a bearer token (HS256 by secret, or any JWKS key) and turns its claims into the domain's actor. */
export class TokenVerifier {
  private readonly jwks?: JWTVerifyGetKey;

  constructor(private readonly settings: AuthSettings) {
    if (settings.jwksUrl) this.jwks = createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  async verify(token: string): Promise<Actor> {
    return actorOf(await this.payloadOf(token));
  }

  private async payloadOf(token: string): Promise<JWTPayload> {
    const options = {
      ...(this.settings.issuer && { issuer: this.settings.issuer }),
      ...(this.settings.audience && { audience: this.settings.audience }),
    };
    const attempts: (() => Promise<{ payload: JWTPayload }>)[] = [];
    if (this.settings.secret) {
      const secret = this.settings.secret;
      attempts.push(() => jwtVerify(token, secret, { ...options, algorithms: ['HS256'] }));
    }
    if (this.jwks) {
      const jwks = this.jwks;
      attempts.push(() => jwtVerify(token, jwks, options));
    }
    let failure: unknown;
    for (const attempt of attempts) {
      try {
        return (await attempt()).payload;
      } catch (error) {
        failure = error;
        if (error instanceof errors.JWTExpired) break;
      }
    }
    throw new InvalidTokenError(reasonOf(failure));
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  return 'the token is malformed or not signed with an accepted key';
}

export function actorOf(payload: JWTPayload): Actor {
  const { sub, role, participant } = payload as JWTPayload & { role?: unknown; participant?: unknown };
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidTokenError('the token has no sub claim');
  if (typeof role !== 'string' || !(roles as readonly string[]).includes(role)) {
    throw new InvalidTokenError(`the token's role claim must be one of ${roles.join(', ')}`);
  }
  if (participant !== undefined && (typeof participant !== 'string' || !participantPattern.test(participant))) {
    throw new InvalidTokenError("the token's participant claim must be a participant id such as NOR or EU");
  }
  if (rolesWithParticipant.includes(role as Role) && participant === undefined) {
    throw new InvalidTokenError(`a ${role} token needs a participant claim`);
  }
  return { sub, role: role as Role, ...(participant !== undefined && { participantId: participant }) };
}
