import { describe, expect, it } from 'vitest';
import { PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Issue 21 in the browser: an admin's changes (here: an API client created, its secret rotated,
// the organization's settings saved) are in Organization → Audit log, found by operation, with who,
// the outcome and where from; the page fits a phone. (Every browser test file also checks, when
// it ends, that each mutation its pages sent is in the audit log: support/session.ts.)

const runBrowserTests = requireChromium();

describe.skipIf(!runBrowserTests)('the audit log in the browser', () => {
  const session = browserSession();

  it("finds the admin's own changes, by operation", async () => {
    const { page, errors } = await session.open();
    await logIn(page, 'admin@demo.test');
    await page.goto('/organization/api-clients');
    await page.getByLabel('Name', { exact: true }).fill('Audited sync');
    await page.getByRole('checkbox', { name: /analytics:read/ }).check();
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByTestId('api-client-secret').getByText('“Audited sync” is created').waitFor();

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/organization/audit-log');
    const entries = page.getByTestId('audit-entries');
    await entries.locator('[data-action="createApiClient"]').first().waitFor();
    await page.getByLabel('Operation').fill('createApiClient');
    await page.getByRole('button', { name: 'Search' }).click();
    const entry = entries.locator('li').first();
    await expect.poll(() => entries.locator('li').count()).toBe(1);
    await entry.getByText('createApiClient').waitFor();
    await entry.getByText('Ada Admin').waitFor();
    await entry.getByText('OK', { exact: true }).waitFor();
    await entry.getByText(/^from /).waitFor();
    await screenshot(page, 'audit-log-desktop');

    await page.setViewportSize(PHONE);
    await page.getByLabel('Operation').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await entries.locator('[data-action="login"]').first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'audit-log-phone');
    expect(errors).toEqual([]);
  });
});
