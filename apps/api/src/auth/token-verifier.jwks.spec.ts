import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { loadConfig } from '@cm/platform';
import { authSettingsOf } from './auth-settings';
import { TokenVerifier } from './token-verifier';

/** An identity provider on loopback that publishes one RS256 public key, as AUTH_JWKS_URL expects in production. */
describe('TokenVerifier with AUTH_JWKS_URL', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: KeyLike;
  let strangerKey: KeyLike;

  beforeAll(async () => {
    const published = await generateKeyPair('RS256');
    privateKey = published.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk: JWK = { ...(await exportJWK(published.publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/jwks.json`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const sign = (key: KeyLike, claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
      .setSubject('ministry-user-7')
      .setIssuer('https://idp.example.org')
      .setAudience('cm-article6')
      .setExpirationTime('10m')
      .sign(key);

  const verifierFor = (env: Record<string, string>) =>
    new TokenVerifier(authSettingsOf(loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: jwksUrl, ...env }, 3000)));

  it('accepts a token signed by a published key, in production without a shared secret', async () => {
    const verifier = verifierFor({ AUTH_ISSUER: 'https://idp.example.org', AUTH_AUDIENCE: 'cm-article6' });
    await expect(
      verifier.verify(await sign(privateKey, { role: 'affected_state', participant: 'LAO' })),
    ).resolves.toEqual({
      sub: 'ministry-user-7',
      role: 'affected_state',
      participantId: 'LAO',
    });
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    await expect(verifierFor({}).verify(await sign(strangerKey, { role: 'admin' }))).rejects.toThrow(
      'signature does not verify',
    );
  });

  it('refuses a token for another audience', async () => {
    const verifier = verifierFor({ AUTH_AUDIENCE: 'another-system' });
    await expect(verifier.verify(await sign(privateKey, { role: 'admin' }))).rejects.toThrow('aud claim');
  });
});
