import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PHONE, collectConsoleErrors, launchBrowser, newContext, requireChromium } from './support/browser.js';
import { recipientOf, surveyPath, waitForMails } from './support/mail.js';
import { startServer, type TestServer } from './support/server.js';

/**
 * Issue 15, item 1, as a new user meets it: the server of `npm start` (the embedded database), a
 * survey link opened from the demo's outbox, the server left idle past the pool's idle timeout
 * (10 s, when a pool on PostgreSQL would drop its connection), then other links opened. Each must show its survey,
 * not "Something went wrong on our side".
 */
const runBrowserTests = requireChromium();
const IDLE_TIMEOUT_MS = 10_000;

describe.skipIf(!runBrowserTests)('survey links on the embedded database after the server sat idle', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // Seeding the demo into PGlite takes longer than into PostgreSQL.
    server = await startServer({ embedded: true, readyTimeoutMs: 300_000 });
    browser = await launchBrowser();
  }, 360_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens every link, before and after the pool recycles its connection', async () => {
    // Three customers' links from the demo's invitation mails (the seed queues them; a job writes them to the outbox).
    const mails = await waitForMails(server.outboxDir, (mail) => /\/s\/[A-Za-z0-9_-]{43}/.test(mail.text) && !mail.file.includes('employee'), 3);
    const links = [...new Map(mails.map((mail) => [recipientOf(mail), surveyPath(mail)])).values()].slice(0, 3);
    expect(links).toHaveLength(3);

    const context = await newContext(browser, server.url, { viewport: PHONE });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    const opens = async (path: string) => {
      await page.goto(path);
      await page.locator('.score-scale-buttons').first().waitFor({ timeout: 15_000 });
      expect(await page.getByText('Something went wrong').count()).toBe(0);
    };

    await opens(links[0]!);
    await page.waitForTimeout(IDLE_TIMEOUT_MS + 2_000);
    await opens(links[1]!);
    await opens(links[2]!);
    await opens(links[0]!);
    expect(errors).toEqual([]);
    expect(server.output()).not.toMatch(/already exists/);
    await context.close();
  }, 120_000);
});
