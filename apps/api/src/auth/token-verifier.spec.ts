import { SignJWT } from 'jose';
import { developmentSecret, loadConfig, signToken } from '@cm/platform';
import { authSettingsOf } from './auth-settings';
import { TokenVerifier } from './token-verifier';

const verifier = new TokenVerifier(authSettingsOf(loadConfig({}, 3000)));
const sign = (claims: Record<string, unknown>, secret = developmentSecret, expires: string | number = '1h') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-1')
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));

describe('TokenVerifier', () => {
  it('turns a valid token into the actor', async () => {
    const token = await signToken({ role: 'donor', participant: 'NOR', sub: 'nor-1' });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'nor-1', role: 'donor', participantId: 'NOR' });
  });

  it('refuses an expired token', async () => {
    const token = await sign({ role: 'admin' }, developmentSecret, Math.floor(Date.now() / 1000) - 60);
    await expect(verifier.verify(token)).rejects.toThrow('the token has expired');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await sign({ role: 'admin' }, 'another-secret-another-secret-another');
    await expect(verifier.verify(token)).rejects.toThrow('signature does not verify');
  });

  it('refuses a donor or affected_state token without a participant, and unknown roles', async () => {
    await expect(verifier.verify(await sign({ role: 'donor' }))).rejects.toThrow('needs a participant claim');
    await expect(verifier.verify(await sign({ role: 'affected_state' }))).rejects.toThrow('needs a participant');
    await expect(verifier.verify(await sign({ role: 'root' }))).rejects.toThrow('role claim');
    await expect(verifier.verify('not-a-jwt')).rejects.toThrow('malformed');
  });

  it('accepts coordinator, admin and analyst tokens without a participant', async () => {
    await expect(verifier.verify(await sign({ role: 'analyst' }))).resolves.toEqual({ sub: 'user-1', role: 'analyst' });
  });
});

describe('authSettingsOf', () => {
  it('uses the development secret outside production and says so', () => {
    expect(authSettingsOf(loadConfig({}, 3000)).usesDevelopmentSecret).toBe(true);
  });

  it('refuses to start in production without a 32-byte secret or a JWKS URL', () => {
    expect(() => authSettingsOf(loadConfig({ NODE_ENV: 'production' }, 3000))).toThrow(
      /AUTH_JWT_SECRET or AUTH_JWKS_URL/,
    );
    expect(() => authSettingsOf(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'short' }, 3000))).toThrow(
      /at least 32 bytes/,
    );
    const secret = 'x'.repeat(32);
    expect(authSettingsOf(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret }, 3000))).toMatchObject({
      usesDevelopmentSecret: false,
    });
    const jwks = loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://id.example/jwks.json' }, 3000);
    expect(authSettingsOf(jwks)).toMatchObject({
      jwksUrl: 'https://id.example/jwks.json',
      usesDevelopmentSecret: false,
    });
  });
});
