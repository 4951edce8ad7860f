import type { Browser } from 'playwright-core';
import { newUser, signInAs } from './console-browser';
import { accessible, shot, useConsoleStack } from './console-stack';

/** The console in a real browser against the running stack: what a role may not do, and the languages it speaks. */
describe('the web console across roles (chromium, real stack)', () => {
  let base: string;
  let browser: Browser;
  const running = useConsoleStack('consoleaccess');
  beforeAll(() => {
    ({ base, browser } = running);
  });

  it('refuses, through the api, what a role may not do', async () => {
    const donor = await newUser(browser, base);
    try {
      await signInAs(donor.page, 'Donor', 'NOR');
      await donor.page.goto('/console/plan'); // not a donor page: the console falls back to the donor's own
      await donor.page.getByRole('heading', { name: 'Pledges of NOR' }).waitFor();
      const status = await donor.page.evaluate(async () => {
        const token = (
          globalThis as unknown as { sessionStorage: { getItem(key: string): string } }
        ).sessionStorage.getItem('cm-console-session');
        const response = await fetch('/matching/plan/apply', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{}',
        });
        return response.status;
      });
      expect(status).toBe(403);
    } finally {
      await donor.context.close();
    }
  });

  it('speaks French and Spanish, numbers and dates included', async () => {
    const user = await newUser(browser, base, 'fr-FR');
    try {
      await user.page.goto('/console/');
      await user.page.getByRole('heading', { name: 'Connexion', exact: true }).waitFor();
      await user.page.getByRole('textbox', { name: 'Langue' }).click();
      await user.page.getByRole('option', { name: 'Español' }).click();
      await user.page.getByRole('heading', { name: 'Iniciar sesión', exact: true }).waitFor();
      await accessible(user.page);
      expect(await user.page.locator('html').getAttribute('lang')).toBe('es');
      await shot(user.page, 'sign-in-es');
    } finally {
      await user.context.close();
    }
  });
});
