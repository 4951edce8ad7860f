import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort } from '../support/ports';
import { RunningProcess, startStack, waitFor } from '../support/processes';
import { kafkaBrokers, mongodbUri, uniqueName } from '../support/servers';
import { launchChromium, newUser, seriousViolations } from './console-browser';

const database = uniqueName('console_oidc');
const root = join(__dirname, '..', '..');
const clientId = 'cm-console';

/**
 * OpenID Connect end to end: the console signs in at a real provider on loopback with authorization code + PKCE, and
 * the api accepts the provider's token through AUTH_JWKS_URL (no shared secret, so no development sign-in either).
 */
describe('console sign-in with OpenID Connect (oidc-provider on loopback)', () => {
  let base: string;
  let issuer: string;
  let browser: Browser;
  let provider: ReturnType<typeof spawn>;
  const processes: RunningProcess[] = [];

  beforeAll(async () => {
    const providerPort = await freePort();
    issuer = `http://127.0.0.1:${providerPort}`;
    const apiPort = await freePort();
    provider = spawn(
      process.execPath,
      [join(__dirname, 'oidc-provider.mjs'), String(providerPort), `http://127.0.0.1:${apiPort}/console/`, clientId],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await waitFor(
      async () => ((await fetch(`${issuer}/.well-known/openid-configuration`)).ok ? true : undefined),
      'the provider',
    );
    const stack = await startStack(
      {
        MONGODB_URI: mongodbUri,
        MONGODB_DATABASE: database,
        KAFKA_BROKERS: kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: `${database}.`,
        CONSOLE_DIR: join(root, 'dist', 'console'),
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: clientId,
        AUTH_JWKS_URL: `${issuer}/jwks`,
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: clientId,
      },
      ['api'],
      apiPort,
    );
    base = stack.base;
    processes.push(...stack.processes);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(processes.map((p) => p.stop()));
    provider?.kill();
  });

  it('tells the console where to sign in, and offers no development sign-in with a JWKS only', async () => {
    expect(await (await fetch(`${base}/console/config`)).json()).toEqual({
      oidc: { issuer, clientId, scope: 'openid profile' },
      devSignIn: false,
    });
    const devToken = await fetch(`${base}/console/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(devToken.status).toBe(404);
  });

  it('signs in with authorization code + PKCE and calls the api with the provider token', async () => {
    const { context, page } = await newUser(browser, base);
    try {
      await page.goto('/console/');
      await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
      await page.waitForURL(`${issuer}/**`);
      expect(new URL(page.url()).pathname).toMatch(/^\/interaction\//);
      await page.locator('input[name="login"]').fill('analyst');
      await page.locator('input[name="password"]').fill('any');
      await page.locator('button[type="submit"]').click();
      const consent = page.locator('button[type="submit"]', { hasText: 'Continue' });
      await Promise.race([consent.waitFor().then(() => consent.click()), page.waitForURL(`${base}/console/**`)]);
      await page.waitForURL(`${base}/console/**`);
      await page.getByTestId('signed-in-as').getByText('Analyst').waitFor();
      expect(await page.getByTestId('dev-banner').count()).toBe(0);
      // A real query with the provider's token: the support report answers (empty on a fresh database).
      await page.getByRole('heading', { name: /Support by/ }).waitFor();
      await page.getByText('Nothing here yet.').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const status = await page.evaluate(async () => {
        const token = (
          globalThis as unknown as { sessionStorage: { getItem(key: string): string } }
        ).sessionStorage.getItem('cm-console-session');
        return (await fetch('/participants', { headers: { authorization: `Bearer ${token}` } })).status;
      });
      expect(status).toBe(200);
    } finally {
      await context.close();
    }
  });
});
