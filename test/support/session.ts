import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { DEMO_PASSWORD, graphql, startServer, type TestServer } from './server.js';
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

/** A mutation a page sent as a signed-in user: its request id (the server's X-Request-Id), operation and organization. */
interface SentMutation {
  requestId: string;
  operation: string;
  organizationId: string;
}

/** The mutation a browser response answered, when a signed-in user sent it and the server took it (not UNAUTHENTICATED). */
async function sentMutation(response: Response): Promise<SentMutation | null> {
  const request = response.request();
  if (request.method() !== 'POST' || !new URL(response.url()).pathname.endsWith('/graphql')) return null;
  const bearer = /^Bearer (.+)$/.exec((await request.allHeaders()).authorization ?? '')?.[1];
  const body = request.postDataJSON() as { query?: string; operationName?: string } | null;
  if (!bearer || !body?.query || !/^\s*mutation\b/.test(body.query)) return null;
  const requestId = (await response.allHeaders())['x-request-id'];
  const result = (await response.json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null;
  if (!requestId || response.status() !== 200 || result?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return null;
  const claims = JSON.parse(Buffer.from(bearer.split('.')[1] ?? '', 'base64url').toString() || '{}') as { org?: string };
  return claims.org ? { requestId, operation: body.operationName ?? body.query.slice(0, 60), organizationId: claims.org } : null;
}

/**
 * Issue 21: the audit log records every change the browser tests make. Every mutation a page sent
 * as a signed-in user of the demo organization must have an entry with its request id, read back
 * through auditLog as the demo admin when the file ends.
 */
async function expectAudited(server: TestServer, sent: SentMutation[]): Promise<void> {
  if (sent.length === 0) return;
  const { login } = await graphql<{ login: { accessToken: string } }>(
    server,
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
    { e: 'admin@demo.test', p: DEMO_PASSWORD },
  );
  const token = login.accessToken;
  const { organization } = await graphql<{ organization: { id: string } }>(server, `{ organization { id } }`, {}, token);
  const logged = new Set<string>();
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const { auditLog }: { auditLog: { entries: { requestId: string | null }[]; endCursor: string | null } } = await graphql(
      server,
      `query($after: String) { auditLog(first: 200, after: $after) { entries { requestId } endCursor } }`,
      { after },
      token,
    );
    for (const entry of auditLog.entries) if (entry.requestId) logged.add(entry.requestId);
    after = auditLog.endCursor;
    if (!after) break;
  }
  const missing = sent.filter((m) => m.organizationId === organization.id && !logged.has(m.requestId)).map((m) => `${m.operation} (${m.requestId})`);
  expect(missing, 'mutations of the browser tests missing from the audit log').toEqual([]);
  console.info(`audit log: ${sent.filter((m) => m.organizationId === organization.id).length} mutations sent by the browser, each found by its request id`);
}

/**
 * One server and one browser for a test file, started before its tests and closed after them;
 * `open` gives a fresh browser context (its own session) with a page and its console errors.
 * `server` are startServer's options (e.g. the server's environment).
 */
export function browserSession(server: Parameters<typeof startServer>[0] = {}) {
  const audit = auditWatch();
  const session = {
    server: undefined as unknown as TestServer,
    browser: undefined as unknown as Browser,
    async open(options: Parameters<typeof newContext>[2] = {}) {
      const context = await newContext(session.browser, session.server.url, options);
      contexts.push(context);
      const page = await context.newPage();
      audit.watch(page);
      return { page, errors: collectConsoleErrors(page) };
    },
  };
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    session.server = await startServer(server);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    try {
      if (session.server) await audit.check(session.server);
    } finally {
      for (const context of contexts) await context.close().catch(() => undefined);
      await session.browser?.close();
      await session.server?.stop();
    }
  });
  return session;
}

/**
 * For test files that start their own server and pages rather than browserSession: `watch` every
 * page, and `check` before the server stops that each mutation those pages sent as a signed-in
 * demo user is in the audit log (as browserSession does).
 */
export function auditWatch() {
  const sent: SentMutation[] = [];
  const pending: Promise<void>[] = [];
  return {
    watch(page: Page) {
      page.on('response', (response) => {
        pending.push(sentMutation(response).then((m) => void (m && sent.push(m)), () => undefined));
      });
    },
    async check(server: TestServer) {
      await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await expectAudited(server, sent);
    },
  };
}
