import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, graphql, startServer, type TestServer } from './support/server.js';
import { DESKTOP, PHONE, collectConsoleErrors, launchBrowser, newContext, requireChromium, screenshot } from './support/browser.js';
import { auditWatch, fitsWidth, logIn } from './support/session.js';

// Issue 17 in the browser: the bell in the shell counts and lists what is new for the user (here
// the demo's follow-ups past their SLA, escalated to CX by the scheduler's first sweeps), opening
// one leads to the follow-up; the account page keeps the notification preferences; a new wave
// takes a reminder rule; the board shows the share closed within the SLA; admins see the jobs.

const runBrowserTests = requireChromium();

describe.skipIf(!runBrowserTests)('notifications, preferences and schedules in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  // Issue 21: each mutation these pages send is checked against the audit log when the file ends.
  const audit = auditWatch();
  const token = async (email: string) =>
    (await graphql<{ login: { accessToken: string } }>(server, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD })).login.accessToken;
  const open = async (viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> => {
    const context = await newContext(browser, server.url, { viewport });
    const page = await context.newPage();
    audit.watch(page);
    return { page, errors: collectConsoleErrors(page) };
  };

  beforeAll(async () => {
    // The scheduler's tick every 2 s, so the demo's late follow-ups are escalated soon after start.
    server = await startServer({ env: { SCHEDULE_TICK_SECONDS: '2' } });
    browser = await launchBrowser();
    const cx = await token('cx@demo.test');
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { notifications } = await graphql<{ notifications: { totalCount: number } }>(server, `query { notifications { totalCount } }`, {}, cx);
      if (notifications.totalCount > 0) break;
      if (Date.now() > deadline) throw new Error('no escalation reached cx@demo.test within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
  afterAll(async () => {
    try {
      if (server) await audit.check(server);
    } finally {
      await browser?.close();
      await server?.stop();
    }
  });

  it('counts unread notifications on the bell, lists them, leads to the follow-up and marks them read', async () => {
    const { page, errors } = await open();
    await logIn(page, 'cx@demo.test');
    const count = page.getByTestId('notifications-count');
    await count.waitFor();
    const unread = Number(await count.textContent());
    expect(unread).toBeGreaterThan(0);
    await page.getByTestId('notifications-bell').click();
    const panel = page.getByTestId('notifications-panel');
    await panel.getByText(/Late first reaction:/).first().waitFor();
    await screenshot(page, 'notifications-bell-desktop');

    await panel.getByRole('button', { name: /Late first reaction:/ }).first().click();
    await page.waitForURL((url) => url.pathname === '/follow-ups' && !!url.searchParams.get('open'));
    await page.getByTestId('escalated-to').waitFor();
    expect(await page.getByTestId('escalated-to').textContent()).toContain('Carlos Xavier');
    await page.getByTestId('escalated').first().waitFor();
    await page.waitForFunction((before) => Number(document.querySelector('[data-testid=notifications-count]')?.textContent ?? 0) === before - 1, unread);

    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notifications-read-all').click();
    await page.getByTestId('notifications-count').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('opens a follow-up from the link of its mail', async () => {
    const cx = await token('cx@demo.test');
    const { notifications } = await graphql<{ notifications: { edges: { node: { followUpId: string } }[] } }>(
      server,
      `query { notifications(first: 1) { edges { node { followUpId } } } }`,
      {},
      cx,
    );
    const id = notifications.edges[0].node.followUpId;
    const { page, errors } = await open();
    await logIn(page, 'cx@demo.test');
    await page.goto(`/follow-ups/${id}`);
    await page.waitForURL((url) => url.pathname === '/follow-ups' && url.searchParams.get('open') === id);
    await page.getByTestId('escalated-to').waitFor();
    expect(errors).toEqual([]);
  });

  it('keeps notification preferences on the account page, on a phone too', async () => {
    const { page, errors } = await open();
    await logIn(page, 'manager@demo.test');
    await page.setViewportSize(PHONE);
    await page.goto('/account');
    const assigned = page.getByTestId('mail-FOLLOW_UP_ASSIGNED');
    await assigned.waitFor();
    expect(await assigned.isChecked()).toBe(true);
    await assigned.uncheck();
    await page.getByLabel('Digest', { exact: true }).selectOption('DAILY');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByTestId('prefs-saved').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'account-preferences-phone');
    const manager = await token('manager@demo.test');
    const { myNotificationPreferences: prefs } = await graphql<{ myNotificationPreferences: { mails: { kind: string; enabled: boolean }[]; digestFrequency: string; language: string } }>(
      server,
      `query { myNotificationPreferences { mails { kind enabled } digestFrequency language } }`,
      {},
      manager,
    );
    expect(prefs.mails.find((m) => m.kind === 'FOLLOW_UP_ASSIGNED')?.enabled).toBe(false);
    expect(prefs).toMatchObject({ digestFrequency: 'DAILY', language: 'pl' });
    await page.reload();
    await page.getByTestId('mail-FOLLOW_UP_ASSIGNED').waitFor();
    expect(await page.getByTestId('mail-FOLLOW_UP_ASSIGNED').isChecked()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('creates a wave with a reminder rule and shows the rule on its page', async () => {
    const { page, errors } = await open();
    await logIn(page, 'cx@demo.test');
    await page.goto('/waves');
    await page.getByRole('button', { name: /new wave/i }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Reminded deliveries');
    await page.getByTestId('remind').check();
    await page.getByLabel('Days until a reminder').fill('0');
    await page.getByRole('button', { name: 'Create wave' }).click();
    // The server names the field; the form shows it there.
    await page.getByText('Check the field “Days until a reminder”', { exact: false }).waitFor();
    await page.getByLabel('Days until a reminder').fill('3');
    await page.getByRole('button', { name: 'Create wave' }).click();
    await page.waitForURL(/\/waves\/[0-9a-f-]{36}$/);
    await page.getByTestId('wave-reminders').getByText('Every 3 days after the last mail, at most 2 times').waitFor();
    expect(errors).toEqual([]);
  });

  it("shows the board's share closed within the SLA, and an admin the background jobs", async () => {
    const { page, errors } = await open();
    await logIn(page, 'admin@demo.test');
    await page.goto('/board');
    await page.getByTestId('board-sla').getByTestId('sla-share').waitFor();
    expect(await page.getByTestId('sla-by-wave').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.goto('/organization/jobs');
    await page.getByTestId('job-queues').getByText('notifications.mail').waitFor();
    await screenshot(page, 'jobs-desktop');
    expect(errors).toEqual([]);
  });
});
