import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, startServer, type TestServer } from './server.js';
import { collectConsoleErrors, launchBrowser, newContext } from './browser.js';

/** Logs a demo user in through the real login page and waits for the shell. */
export async function logIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('session-name').waitFor();
}

/** True when the page does not scroll sideways. */
export const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * One server and one browser for a test file, started before its tests and closed after them;
 * `open` gives a fresh browser context (its own session) with a page and its console errors.
 * `server` are startServer's options (e.g. the server's environment).
 */
export function browserSession(server: Parameters<typeof startServer>[0] = {}) {
  const session = {
    server: undefined as unknown as TestServer,
    browser: undefined as unknown as Browser,
    async open(options: Parameters<typeof newContext>[2] = {}) {
      const context = await newContext(session.browser, session.server.url, options);
      contexts.push(context);
      const page = await context.newPage();
      return { page, errors: collectConsoleErrors(page) };
    },
  };
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    session.server = await startServer(server);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
