import { CommandApi, startCommandApi, tokenFor } from '../testing/command-api';

const validNeed = {
  requesterId: 'LAO',
  pillar: 'clearance',
  assistanceType: 'financial',
  title: 'Survey funding',
  quantity: { amount: 1000, unit: 'USD' },
  priority: 'high',
};

async function get(api: CommandApi, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('rate limits', () => {
  let api: CommandApi;
  beforeAll(async () => (api = await startCommandApi({ RATE_LIMIT_PER_TOKEN: '3', RATE_LIMIT_PER_ADDRESS: '5' })));
  afterAll(() => api.close());

  it('answers 429 problem+json with Retry-After past a token budget, then past the address budget', async () => {
    const first = await tokenFor('affected_state', 'LAO');
    const second = await tokenFor('affected_state', 'LAO', '2h');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.send('POST', '/needs', { as: first, body: {} })).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const limited = await fetch(`${api.url}/needs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', detail: expect.stringContaining('token') });
    // Another token still has its own budget, until the address has spent its own (5 counted above, blocked too).
    const other = await api.send('POST', '/needs', { as: second, body: {} });
    expect(other).toMatchObject({ status: 429, body: { detail: expect.stringContaining('address') } });
  });

  it('counts requests without a token against the address budget', async () => {
    expect((await api.send('POST', '/needs', { body: {} })).status).toBe(429);
  });
});

describe('rate limits turned off', () => {
  it('lets any number of requests through with both limits at 0', async () => {
    const api = await startCommandApi({ RATE_LIMIT_PER_TOKEN: '0', RATE_LIMIT_PER_ADDRESS: '0' });
    try {
      const token = await tokenFor('affected_state', 'LAO');
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => api.send('POST', '/needs', { as: token, body: {} })),
      );
      expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([400]));
    } finally {
      await api.close();
    }
  });
});

describe('security headers and CORS', () => {
  let api: CommandApi;
  beforeAll(async () => (api = await startCommandApi({ CORS_ORIGINS: 'https://console.example.org' })));
  afterAll(() => api.close());

  it('sends helmet headers with a CSP a Mantine console can live with', async () => {
    const { headers } = await get(api, '/needs');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('strict-transport-security')).toContain('max-age=');
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('allows the configured console origin, and no other', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.url}/needs`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,idempotency-key',
        },
      });
    const allowed = await preflight('https://console.example.org');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example.org');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const foreign = await preflight('https://evil.example.com');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const read = await get(api, '/health/live', { origin: 'https://console.example.org' });
    expect(read.headers.get('access-control-expose-headers')).toContain('X-Consistency');
  });
});

describe('the per-request deadline', () => {
  it('answers 503 problem+json with Retry-After when a request outlives REQUEST_TIMEOUT_MS', async () => {
    const api = await startCommandApi({ REQUEST_TIMEOUT_MS: '1000' });
    try {
      const append = api.store.append.bind(api.store);
      api.store.append = async (...args: Parameters<typeof append>) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        return append(...args);
      };
      const token = await tokenFor('affected_state', 'LAO');
      const response = await fetch(`${api.url}/needs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(validNeed),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toMatchObject({ code: 'DEADLINE_EXCEEDED' });
      // The command was not cut in half: it completes on its own, as one commit.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(api.store.eventCount).toBe(1);
    } finally {
      await api.close();
    }
  });
});
