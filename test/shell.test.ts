import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, graphql, startServer, type TestServer } from './support/server.js';
import { PHONE, collectConsoleErrors, launchBrowser, newContext, requireChromium, screenshot } from './support/browser.js';
import { auditWatch } from './support/session.js';

const runBrowserTests = requireChromium();

interface Facts {
  name: string;
  organization: string;
}

/** What the API says about a demo user, to compare the page with. */
async function factsAbout(server: TestServer, email: string): Promise<Facts> {
  const { login } = await graphql<{ login: { accessToken: string; user: { name: string } } }>(
    server,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { name } } }',
    { email, password: DEMO_PASSWORD },
  );
  const { organization } = await graphql<{ organization: { name: string } }>(
    server,
    '{ organization { name } }',
    {},
    login.accessToken,
  );
  return { name: login.user.name, organization: organization.name };
}

async function logIn(page: Page, email: string, labels = { email: 'Email', password: 'Password', submit: 'Sign in' }) {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
}

describe.skipIf(!runBrowserTests)('the app shell in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  // Issue 21: each mutation these pages send is checked against the audit log when the file ends.
  const audit = auditWatch();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    try {
      if (server) await audit.check(server);
    } finally {
      await browser?.close();
      await server?.stop();
    }
  });

  it('logs an admin in, switches to Polish, and logs out', async () => {
    const admin = await factsAbout(server, 'admin@demo.test');
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    audit.watch(page);
    const consoleErrors = collectConsoleErrors(page);

    // Not logged in: / leads to the login page.
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // A wrong password says so, in words.
    await page.getByLabel('Email').fill('admin@demo.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is not correct.' }).waitFor();
    await screenshot(page, 'login-error-desktop');

    // The right one opens the shell: name, roles, organization, the admin's navigation.
    await logIn(page, 'admin@demo.test');
    await page.waitForURL((url) => url.pathname === '/');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await page.getByTestId('session-name').filter({ hasText: admin.name }).waitFor();
    await page.getByText('Administrator', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: `Welcome, ${admin.name}` }).waitFor();
    await page.getByTestId('organization-name').filter({ hasText: admin.organization }).waitFor();
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    await nav.getByRole('link', { name: 'Organization' }).waitFor();
    await screenshot(page, 'shell-desktop-en', 'shell-desktop');

    // The Organization page lists the tree and adds a unit under a parent.
    await nav.getByRole('link', { name: 'Organization' }).click();
    await page.waitForURL((url) => url.pathname === '/organization');
    await page.getByRole('heading', { name: 'Org units', exact: true }).waitFor();
    const parent = page.locator('select[name="parentId"] option', { hasText: 'Sales EU' });
    const parentId = await parent.getAttribute('value');
    await page.getByLabel('Name', { exact: true }).fill('E2E Team');
    await page.getByLabel('Parent unit').selectOption(parentId!);
    await page.getByRole('button', { name: 'Add org unit' }).click();
    await page.getByRole('status').filter({ hasText: 'Added “E2E Team”.' }).waitFor();
    await page.locator('.org-tree-name', { hasText: 'E2E Team' }).waitFor();
    await screenshot(page, 'organization-desktop-en', 'organization-desktop');

    // A reload restores the session from the stored refresh token.
    await page.reload();
    await page.getByTestId('session-name').filter({ hasText: admin.name }).waitFor();
    await page.locator('.org-tree-name', { hasText: 'E2E Team' }).waitFor();

    // Polish, remembered.
    await page.getByLabel('Language').selectOption('pl');
    const navPl = page.getByRole('navigation', { name: 'Nawigacja główna' });
    await navPl.getByRole('link', { name: 'Organizacja' }).waitFor();
    await navPl.getByRole('link', { name: 'Strona główna' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('tandem.locale'))).toBe('pl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await screenshot(page, 'organization-desktop-pl');

    // Log out: back at the login page (still Polish), the refresh token gone.
    await page.getByRole('button', { name: 'Wyloguj się' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('tandem.refresh'))).toBeNull();

    // A protected page asks for login, then opens where the user wanted to go.
    await page.goto('/organization');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/organization');
    await logIn(page, 'admin@demo.test', { email: 'E-mail', password: 'Hasło', submit: 'Zaloguj się' });
    await page.waitForURL((url) => url.pathname === '/organization');
    await page.getByRole('heading', { name: 'Organizacja', level: 1 }).waitFor();
    await screenshot(page, 'shell-end');

    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('keeps admin pages from a manager, and fits a phone', async () => {
    const manager = await factsAbout(server, 'manager@demo.test');
    const context = await newContext(browser, server.url, { viewport: PHONE });
    const page = await context.newPage();
    audit.watch(page);
    const consoleErrors = collectConsoleErrors(page);
    const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await fitsWidth()).toBe(true);
    await screenshot(page, 'login-phone-en', 'login-phone');

    await logIn(page, 'manager@demo.test');
    await page.getByRole('heading', { name: `Welcome, ${manager.name}` }).waitFor();
    expect(await fitsWidth()).toBe(true);

    // On a phone the navigation sits behind the menu button.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await nav.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Organization' }).count()).toBe(0);
    await page.getByTestId('session-name').filter({ hasText: manager.name }).waitFor();
    expect(await fitsWidth()).toBe(true);
    await screenshot(page, 'shell-phone-menu-en', 'shell-phone');

    // The admin-only route sends a manager home.
    await page.goto('/organization');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: `Welcome, ${manager.name}` }).waitFor();

    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('refreshes a rejected access token once and retries; a failed refresh ends at login', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    audit.watch(page);
    const consoleErrors = collectConsoleErrors(page);
    const operations: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) operations.push(String(request.postDataJSON()?.query ?? '').match(/^\s*\w+\s+(\w+)/)?.[1] ?? '?');
    });

    await page.goto('/login');
    await logIn(page, 'admin@demo.test');
    await page.getByTestId('session-name').waitFor();
    const firstToken = await page.evaluate(() => localStorage.getItem('tandem.refresh'));
    expect(firstToken).toBeTruthy();

    // The server says the access token is no good, once: the app refreshes and retries.
    let rejected = false;
    await page.route('**/graphql', async (route) => {
      const query = String(route.request().postDataJSON()?.query ?? '');
      if (!rejected && query.includes('query OrgUnits')) {
        rejected = true;
        await route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ data: null, errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }),
        });
        return;
      }
      await route.continue();
    });
    operations.length = 0;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Organization' }).click();
    await page.locator('.org-tree-name', { hasText: 'Sales EU' }).waitFor();
    // (The menu's badges are read again on each page change: NavCounts and the page's other queries are not the point here.)
    expect(operations.filter((name) => name === 'OrgUnits' || name === 'Refresh')).toEqual(['OrgUnits', 'Refresh', 'OrgUnits']);
    const secondToken = await page.evaluate(() => localStorage.getItem('tandem.refresh'));
    expect(secondToken).toBeTruthy();
    expect(secondToken).not.toBe(firstToken);

    // The rotated token is the live one: a reload restores the session with it.
    await page.unroute('**/graphql');
    await page.reload();
    await page.locator('.org-tree-name', { hasText: 'Sales EU' }).waitFor();

    // When the refresh itself is refused, the session ends and the login page says why.
    await page.route('**/graphql', async (route) => {
      const query = String(route.request().postDataJSON()?.query ?? '');
      if (query.includes('query OrgUnits') || query.includes('mutation Refresh')) {
        await route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ data: null, errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }),
        });
        return;
      }
      await route.continue();
    });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Organization' }).click();
    // (On a busy machine the page's queries, the refused refresh and the redirect take their time.)
    // (Until the URL commits, not the page's load event: the next line waits for what it shows.)
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('expired') === '1', { timeout: 90_000, waitUntil: 'commit' });
    await page.getByText('Your session has ended. Please sign in again.').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('tandem.refresh'))).toBeNull();
    await screenshot(page, 'login-expired-desktop');

    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
