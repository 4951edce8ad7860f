import { useActorStack } from '../support/actor-stack';

/** The limits as `npm start` wires them (main.ts), with small rate budgets so that a test reaches them. */
describe('request limits of the running api', () => {
  const stack = useActorStack('limits', {
    apps: ['api'],
    env: { RATE_LIMIT_PER_TOKEN: '4', RATE_LIMIT_PER_ADDRESS: '1000', CORS_ORIGINS: 'https://console.example.org' },
  });
  const { client } = stack;

  it('refuses a 3 MB body with 413 and a 5,000-deep one with 400, as problem+json', async () => {
    const token = await client.token('affected_state', 'LAO');
    const post = (body: string) =>
      fetch(`${stack.base}/needs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
    const large = await post(JSON.stringify({ title: 'x'.repeat(3 * 1024 * 1024) }));
    expect(large.status).toBe(413);
    expect(large.headers.get('content-type')).toContain('application/problem+json');
    const deep = await post(`{"title":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ code: 'BODY_TOO_DEEP', errors: [{ field: 'body' }] });
  });

  it('limits a token to its budget with 429 and Retry-After, and never limits health', async () => {
    const token = await client.token('analyst', undefined, '2h');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await fetch(`${stack.base}/reports/coverage`, { headers: { authorization: `Bearer ${token}` } })).status,
      );
    }
    expect(statuses.slice(0, 4).every((status) => status !== 429)).toBe(true);
    expect(statuses[4]).toBe(429);
    const limited = await fetch(`${stack.base}/reports/coverage`, { headers: { authorization: `Bearer ${token}` } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    for (let i = 0; i < 10; i++) expect((await fetch(`${stack.base}/health/live`)).status).toBe(200);
  });

  it('serves the OpenAPI UI with helmet headers and a CSP allowing inline styles', async () => {
    const docs = await fetch(`${stack.base}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers.get('x-content-type-options')).toBe('nosniff');
    const preflight = await fetch(`${stack.base}/needs`, {
      method: 'OPTIONS',
      headers: { origin: 'https://console.example.org', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://console.example.org');
  });
});
