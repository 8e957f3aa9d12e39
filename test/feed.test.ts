import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, graphql, startServer, type TestServer } from './support/server.js';
import { DESKTOP, PHONE, collectConsoleErrors, launchBrowser, newContext, requireChromium, screenshot } from './support/browser.js';
import { mailsTo, surveyPath } from './support/mail.js';
import { auditWatch, fitsWidth, logIn } from './support/session.js';

// Issue 19 in the browser: a manager opens their feed; a customer of theirs answers through the
// survey link in another window; the answer appears in the open feed within seconds, without a
// reload, unread, with its comment and a "contact this customer" button that makes the follow-up
// theirs. A user with only the light FEED role lands on the feed and sees nothing else.

const runBrowserTests = requireChromium();

describe.skipIf(!runBrowserTests)('the front-line feed in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  // Issue 21: each mutation these pages send is checked against the audit log when the file ends.
  const audit = auditWatch();
  const token = async (email: string) =>
    (await graphql<{ login: { accessToken: string } }>(server, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD })).login.accessToken;

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

  it('shows a new answer in the open feed within seconds, without a reload', async () => {
    const cx = await token('cx@demo.test');
    const { createWave } = await graphql<{ createWave: { id: string } }>(
      server,
      `mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`,
      { input: { name: 'Feed e2e', audience: 'CUSTOMER', languages: ['en'] } },
      cx,
    );
    await graphql(server, `mutation($id: ID!) { openWave(id: $id) { status } }`, { id: createWave.id }, cx);
    await graphql(
      server,
      `mutation($csv: String!) { importContacts(csv: $csv) { imported } }`,
      { csv: 'email,name,language,owner_email,org_unit\nfiona.e2e@client.example,Fiona Feedback,en,manager@demo.test,Sales EU' },
      cx,
    );

    const context = await newContext(browser, server.url, { viewport: DESKTOP });
    const page = await context.newPage();
    // What the live socket did, told only if it never goes live.
    const socketLog: string[] = [];
    page.on('websocket', (ws) => {
      const opened = Date.now();
      const at = () => `+${Date.now() - opened} ms`;
      socketLog.push(`open ${ws.url()}`);
      ws.on('framesent', (f) => socketLog.push(`${at()} sent ${String(f.payload).slice(0, 40)}`));
      ws.on('framereceived', (f) => socketLog.push(`${at()} received ${String(f.payload).slice(0, 40)}`));
      ws.on('socketerror', (error) => socketLog.push(`${at()} error ${error}`));
      ws.on('close', () => socketLog.push(`${at()} closed`));
    });
    audit.watch(page);
    const errors = collectConsoleErrors(page);
    await logIn(page, 'manager@demo.test');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Feed' }).click();
    await page.getByRole('heading', { name: 'Feed', level: 1 }).waitFor();
    // The live state is its own element: beside the unread count ("Live · 3 unread") an exact
    // text match failed whenever the feed's query answered before the socket was acknowledged.
    await page
      .getByTestId('feed-live')
      .filter({ hasText: /^Live$/ })
      .waitFor()
      .catch((error: Error) => {
        throw new Error(`${error.message}\nThe live socket: ${socketLog.join('; ') || 'never opened'}`);
      });
    await page.getByTestId('feed-list').waitFor();
    await screenshot(page, 'feed-desktop');

    // The customer answers through the link in their mail, in a window of their own.
    const contacts = await graphql<{ contacts: { edges: { node: { id: string } }[] } }>(server, `{ contacts(filter: { search: "fiona.e2e" }) { edges { node { id } } } }`, {}, cx);
    await graphql(server, `mutation($w: ID!, $c: [ID!]) { inviteToWave(waveId: $w, contactIds: $c) { invited } }`, { w: createWave.id, c: [contacts.contacts.edges[0]!.node.id] }, cx);
    const link = surveyPath((await mailsTo(server.outboxDir, 'fiona.e2e@client.example'))[0]!);
    const respondent = await (await newContext(browser, server.url, { viewport: PHONE })).newPage();
    audit.watch(respondent);
    await respondent.goto(link);
    await respondent.getByRole('radiogroup').first().getByRole('radio').nth(9).click();
    await respondent.getByRole('textbox').first().fill('The delivery came a week late');
    const answeredAt = Date.now();
    await respondent.getByRole('button', { name: 'Send my answer' }).click();
    await respondent.getByRole('heading', { name: 'Thank you!' }).waitFor();

    // …and it is in the manager's open feed, unread, without a reload.
    const item = page.locator('.feed-item', { hasText: 'The delivery came a week late' });
    await item.waitFor({ timeout: 15_000 });
    const latency = Date.now() - answeredAt;
    expect(latency).toBeLessThan(15_000);
    expect(await item.textContent()).toContain('Fiona Feedback');
    expect(await item.getAttribute('class')).toContain('is-unread');
    await screenshot(page, 'feed-live-desktop');

    await item.getByRole('button', { name: /Contact this customer/ }).click();
    await item.getByText('You are on it').waitFor();
    await item.getByRole('button', { name: 'Mark read' }).click();
    await page.waitForFunction(() => !document.querySelector('.feed-item.is-unread .feed-text')?.textContent?.includes('The delivery came a week late'));
    expect(errors).toEqual([]);
  });

  it('gives the light FEED role the feed and nothing else, on a phone too', async () => {
    const admin = await token('admin@demo.test');
    const { users } = await graphql<{ users: { id: string; email: string }[] }>(server, `{ users { id email } }`, {}, admin);
    const hr = users.find((u) => u.email === 'hr@demo.test')!;
    await graphql(server, `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { roles } }`, { id: hr.id, input: { roles: ['FEED'] } }, admin);
    const context = await newContext(browser, server.url, { viewport: DESKTOP });
    const page = await context.newPage();
    audit.watch(page);
    const errors = collectConsoleErrors(page);
    await logIn(page, 'hr@demo.test');
    await page.waitForURL((url) => url.pathname === '/feed');
    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { name: 'Feed', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    const links = await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allTextContents();
    expect(links.map((l) => l.trim())).toEqual(['Feed']);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.goto('/board');
    await page.waitForURL((url) => url.pathname === '/feed');
    await page.getByText('What you follow', { exact: true }).click();
    await page.getByTestId('follow-key').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'feed-phone');
    expect(errors).toEqual([]);
  });
});
