import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { actorStack } from '../support/actor-stack';
import { waitFor } from '../support/processes';
import { launchChromium, screenshots, seriousViolations } from './console-browser';

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: false });
export const accessible = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

/**
 * For one browser spec file: api, relay and projector serving the built console (dist/console), Lao PDR and Norway
 * registered through the api by the admin, and one chromium; all stopped after the file's tests.
 */
export function useConsoleStack(label: string): { readonly base: string; readonly browser: Browser } {
  const stack = actorStack(label, {
    env: { CONSOLE_DIR: join(__dirname, '..', '..', 'dist', 'console'), CONSISTENCY_WAIT_MS: '15000' },
  });
  let browser: Browser | undefined;

  beforeAll(async () => {
    await stack.start();
    await waitFor(
      async () => ((await fetch(`${stack.base}/health/ready`)).ok ? true : undefined),
      'the api to be ready',
      90_000,
      () => stack.processes.map((p) => p.output()).join('\n'),
    );
    for (const [id, name] of [
      ['LAO', "Lao People's Democratic Republic"],
      ['NOR', 'Norway'],
    ]) {
      const response = await stack.send('POST', '/participants', 'admin', {
        id,
        name,
        kind: 'state',
        treatyStatus: 'state_party',
      });
      expect(response.status).toBe(201);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  return {
    get base() {
      return stack.base;
    },
    get browser() {
      return browser!;
    },
  };
}
