import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

export const screenshots = join(__dirname, '..', '..', 'docs', 'screenshots');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's chromium, found by `npm test` (CHROMIUM_PATH); playwright-core downloads no browser of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export async function newUser(
  browser: Browser,
  base: string,
  language = 'en',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1360, height: 900 }, locale: language });
  const page = await context.newPage();
  return { context, page };
}

/** The development "sign in as" screen, as a person uses it. */
export async function signInAs(page: Page, roleLabel: string, participant?: string): Promise<void> {
  await page.goto('/console/');
  await page.getByRole('heading', { name: 'Development: sign in as' }).waitFor();
  await page.getByRole('textbox', { name: 'Role' }).click();
  await page.getByRole('option', { name: roleLabel }).click();
  await page.getByLabel('Participant id').fill(participant ?? '');
  await page.getByRole('button', { name: 'Sign in as this role' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core in the page; the serious and critical violations, described well enough to fix from the message. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the console's Content-Security-Policy (scripts from 'self' only)
  // does not govern, unlike an inline <script> tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run();
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
