import { SignJWT } from 'jose';
import { CommandApi, startCommandApi, tokenFor } from '../testing/command-api';

describe('AuthGuard on the command routes', () => {
  let api: CommandApi;
  beforeAll(async () => (api = await startCommandApi()));
  afterAll(() => api.close());

  const post = (headers: Record<string, string>) =>
    api.send('POST', '/participants', { body: { id: 'NOR', name: 'Norway', kind: 'state' }, headers });

  it('answers 401 UNAUTHENTICATED problem+json without a token', async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, title: 'Unauthorized' });
  });

  it('answers 401 for a malformed header, a bad signature and an expired token', async () => {
    expect((await post({ authorization: 'Basic abc' })).status).toBe(401);
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('forged-secret-forged-secret-forged-secret'));
    expect((await post({ authorization: `Bearer ${forged}` })).body.code).toBe('UNAUTHENTICATED');
    const expired = await tokenFor('admin', undefined, '-1m');
    const response = await post({ authorization: `Bearer ${expired}` });
    expect(response).toMatchObject({ status: 401, body: { detail: 'the token has expired' } });
  });

  it('answers 403 FORBIDDEN for a role the route does not declare, 201 for one it does', async () => {
    const coordinator = await tokenFor('coordinator');
    expect(await post({ authorization: `Bearer ${coordinator}` })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    const admin = await tokenFor('admin');
    expect((await post({ authorization: `Bearer ${admin}` })).status).toBe(201);
  });

  it('answers an unknown route with a 404 problem that reveals nothing', async () => {
    const response = await api.send('GET', '/anything');
    expect(response).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(response.contentType).toContain('application/problem+json');
  });
});
