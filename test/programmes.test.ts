import { describe, expect, it } from 'vitest';
import { requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Issue 19 in the browser: CX finds the transactional programmes from the waves page, sees the
// demo's Placement follow-up with its latest transactions (statuses, skip reasons), creates a
// programme, and a CSV of transactions with bad rows lists each bad line and column.

const runBrowserTests = requireChromium();
const PHONE_390 = { width: 390, height: 844 };

describe.skipIf(!runBrowserTests)('transactional programmes in the browser', () => {
  const session = browserSession();

  it('lists programmes, shows one with its transactions, and names the bad rows of a CSV', async () => {
    const { page, errors } = await session.open();
    await logIn(page, 'cx@demo.test');
    await page.goto('/waves');
    await page.getByTestId('programmes-link').click();
    await page.waitForURL('**/programmes');
    await page.getByRole('link', { name: 'Placement follow-up' }).waitFor();
    await screenshot(page, 'programmes-desktop');

    await page.getByRole('link', { name: 'Placement follow-up' }).click();
    await page.waitForURL('**/programmes/*');
    await page.getByRole('heading', { name: 'Latest transactions' }).waitFor();
    await page.getByText('Scheduled').first().waitFor();
    await page.getByText('invited recently').first().waitFor();
    await screenshot(page, 'programme-desktop');

    await page.getByTestId('transactions-csv').fill('transaction_id,occurred_at,email\nX-1,yesterday,not-an-email\nX-2,2026-01-01T10:00:00Z,ok@cand.example');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Nothing was imported').waitFor();
    await page.getByText('Line 2, occurred_at', { exact: false }).waitFor();
    await page.getByText('Line 2, email', { exact: false }).waitFor();
    await screenshot(page, 'programme-import-errors-desktop');

    await page.goto('/programmes');
    await page.getByRole('button', { name: 'New programme' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Support case follow-up');
    await page.getByLabel('Touchpoint').fill('support case');
    await page.getByLabel('Send delay').fill('30');
    await page.getByRole('button', { name: 'Create programme' }).click();
    await page.waitForURL('**/programmes/*');
    await page.getByText('Touchpoint: support case', { exact: false }).waitFor();
    expect(errors).toEqual([]);
  });

  it('fits a 390 px phone', async () => {
    const { page } = await session.open();
    await logIn(page, 'cx@demo.test');
    await page.setViewportSize(PHONE_390);
    await page.goto('/programmes');
    await page.getByRole('link', { name: 'Placement follow-up' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'programmes-phone');
    await page.getByRole('link', { name: 'Placement follow-up' }).click();
    await page.getByRole('heading', { name: 'Placement follow-up', level: 1 }).waitFor();
    await page.getByText('PL-', { exact: false }).first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'programme-phone');
  });
});
