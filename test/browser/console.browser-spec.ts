import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { newUser, signInAs } from './console-browser';
import { accessible, shot, useConsoleStack } from './console-stack';

/**
 * The console in a real browser against api, relay and projector processes: one journey per role, following one need
 * from posting to confirmed delivery across the four roles, with axe on every page and a screenshot of each view.
 */
describe('the web console across roles (chromium, real stack)', () => {
  let base: string;
  let browser: Browser;
  const running = useConsoleStack('console');
  beforeAll(() => {
    ({ base, browser } = running);
  });

  it('serves the console and its settings from the api, with dev sign-in outside production', async () => {
    const page = await fetch(`${base}/console/needs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(await (await fetch(`${base}/console/config`)).json()).toEqual({ oidc: null, devSignIn: true });
  });

  it('follows a need from posting to confirmed delivery, across state, donor, coordinator and analyst', async () => {
    const state = await newUser(browser, base);
    const donor = await newUser(browser, base);
    try {
      // The affected state posts a need; the server's validation error shows at the field first.
      await signInAs(state.page, 'Affected state', 'LAO');
      await state.page.getByTestId('dev-banner').waitFor();
      await state.page.getByRole('heading', { name: 'Needs of LAO' }).waitFor();
      await accessible(state.page);
      await state.page.getByRole('button', { name: 'Post a need' }).click();
      const dialog = state.page.getByRole('dialog');
      await dialog.getByLabel('Title').fill('Survey of contaminated land in Savannakhet');
      await dialog.getByLabel('Amount').fill('-5');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('must be greater than zero').waitFor();
      await accessible(state.page);
      await dialog.getByLabel('Amount').fill('250000');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await state.page
        .getByRole('cell', { name: 'Survey of contaminated land in Savannakhet', exact: true })
        .first()
        .waitFor();
      await shot(state.page, 'state-needs');

      // The donor submits a pledge, finds the need among its matches with the reasons, and allocates.
      await signInAs(donor.page, 'Donor', 'NOR');
      await donor.page.getByRole('heading', { name: 'Pledges of NOR' }).waitFor();
      await donor.page.getByRole('button', { name: 'Submit a pledge' }).click();
      await donor.page.getByRole('dialog').getByLabel('Amount').fill('400000');
      await donor.page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await donor.page.getByRole('cell', { name: '$400,000.00', exact: true }).first().waitFor();
      await donor.page.getByRole('button', { name: 'Matches' }).first().click();
      await donor.page.getByRole('cell', { name: 'LAO', exact: true }).first().waitFor();
      await donor.page.getByText('need priority high').waitFor();
      await accessible(donor.page);
      await shot(donor.page, 'donor-matches');
      await donor.page.getByRole('button', { name: 'Allocate' }).first().click();
      await donor.page.getByRole('cell', { name: 'proposed', exact: true }).first().waitFor();

      // The state accepts the allocation.
      await state.page.getByRole('link', { name: 'Incoming allocations' }).click();
      await state.page.getByRole('button', { name: 'Accept' }).click();
      await state.page.getByRole('cell', { name: 'accepted', exact: true }).first().waitFor();
      await accessible(state.page);

      // The donor sees the acceptance arrive live, records a delivery; the state confirms it.
      await donor.page.getByRole('button', { name: 'Record delivery' }).waitFor({ timeout: 20_000 });
      await donor.page.getByRole('button', { name: 'Record delivery' }).click();
      await donor.page.getByTestId('delivery-status').getByText('recorded').waitFor();
      await state.page.reload();
      await state.page.getByRole('button', { name: 'Confirm receipt' }).click();
      await state.page.getByTestId('delivery-status').getByText('confirmed').waitFor();
      await shot(state.page, 'state-incoming');
      // No reload on the donor's page: "confirmed" arrives through GET /live.
      await donor.page.getByTestId('delivery-status').getByText('confirmed').waitFor({ timeout: 20_000 });
      await shot(donor.page, 'donor-pledges');
    } finally {
      await state.context.close();
      await donor.context.close();
    }

    // The coordinator sees the coverage change and the plan.
    const coordinator = await newUser(browser, base);
    try {
      await signInAs(coordinator.page, 'Coordinator');
      await coordinator.page.getByRole('heading', { name: 'Matching plan' }).waitFor();
      await coordinator.page.getByText(/Critical needs covered/).waitFor();
      await accessible(coordinator.page);
      await shot(coordinator.page, 'coordinator-plan');
      await coordinator.page.getByRole('link', { name: 'Coverage' }).click();
      const row = coordinator.page.getByRole('row', { name: /LAO/ });
      await row.getByRole('cell', { name: '$250,000.00', exact: true }).first().waitFor();
      await coordinator.page.locator('svg').first().waitFor();
      await accessible(coordinator.page);
      await shot(coordinator.page, 'coordinator-coverage');
    } finally {
      await coordinator.context.close();
    }

    // The analyst sees the flow in the report, downloads its CSV, and opens the allocation's timeline.
    const analyst = await newUser(browser, base);
    try {
      await signInAs(analyst.page, 'Analyst');
      await analyst.page.getByRole('heading', { name: /Support by/ }).waitFor();
      await analyst.page.getByRole('cell', { name: 'NOR', exact: true }).first().waitFor();
      await accessible(analyst.page);
      await shot(analyst.page, 'analyst-support');
      const [download] = await Promise.all([
        analyst.page.waitForEvent('download'),
        analyst.page.getByRole('button', { name: 'Download CSV' }).first().click(),
      ]);
      const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
      expect(csv[0]).toBe(
        'donor,year,Pledged (USD),Pledged (USD) — Original currency,Committed (USD),Delivered (USD),Delivered (USD) — Original currency',
      );
      const year = new Date().getUTCFullYear();
      expect(csv).toContain(`NOR,${year},400000.00,400000.00 USD,250000.00,250000.00,250000.00 USD`);

      await analyst.page.getByRole('link', { name: 'Article 7' }).click();
      await analyst.page.getByRole('heading', { name: 'Article 7 summary' }).waitFor();
      await accessible(analyst.page);
    } finally {
      await analyst.context.close();
    }
  });

  it("shows the allocation's timeline, its state at any moment and the hash-chain badge", async () => {
    const analyst = await newUser(browser, base);
    try {
      await signInAs(analyst.page, 'Analyst');
      await analyst.page.getByRole('link', { name: 'Audit' }).click();
      await analyst.page.getByLabel('Event type').fill('DeliveryConfirmed');
      await analyst.page.getByRole('button', { name: 'Search' }).click();
      await analyst.page
        .getByRole('button', { name: /Open record allocation-/ })
        .first()
        .click();
      const badge = analyst.page.getByTestId('verify-badge');
      await badge.getByText(/Hash chain/).waitFor();
      await shot(analyst.page, 'analyst-record');
      expect(await badge.textContent()).toBe('Hash chain verified');
      for (const type of ['AllocationRequested', 'AllocationAccepted', 'DeliveryRecorded', 'DeliveryConfirmed']) {
        await analyst.page.getByText(type, { exact: true }).first().waitFor();
      }
      await analyst.page.getByTestId('state-at').getByText('"completed"').waitFor();
      await analyst.page.getByRole('slider').focus();
      await analyst.page.keyboard.press('Home'); // as requested, before the saga proposed it
      await analyst.page.getByTestId('state-at').getByText('"pending"').waitFor();
      await analyst.page.keyboard.press('ArrowRight');
      await analyst.page.getByTestId('state-at').getByText('"proposed"').waitFor();
      await accessible(analyst.page);
      await shot(analyst.page, 'analyst-record');
    } finally {
      await analyst.context.close();
    }
  });
});
