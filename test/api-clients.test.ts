import { describe, expect, it } from 'vitest';
import { PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Issue 18 in the browser: an admin creates an API client and sees its secret once, the secret
// buys a token, a rotation gives a new secret, and revoking stops the token at once.

const runBrowserTests = requireChromium();

describe.skipIf(!runBrowserTests)('API clients in the browser', () => {
  const session = browserSession();

  async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const response = await fetch(`${session.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] };
  }
  const issue = (clientId: string, secret: string) =>
    call(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, { id: clientId, s: secret });

  it('creates a client with its secret shown once, rotates it and revokes it', async () => {
    const { page, errors } = await session.open();
    await logIn(page, 'admin@demo.test');
    await page.goto('/organization');
    await page.getByRole('link', { name: 'API clients' }).click();
    await page.waitForURL('**/organization/api-clients');

    // A missing name is shown beside the field; nothing is created.
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByText('Check the field “Name”', { exact: false }).waitFor();

    await page.getByLabel('Name', { exact: true }).fill('Warehouse sync');
    await page.getByRole('checkbox', { name: /analytics:read/ }).check();
    await page.getByRole('button', { name: 'Create client' }).click();
    const panel = page.getByTestId('api-client-secret');
    await panel.getByText('“Warehouse sync” is created').waitFor();
    const secret = (await page.getByTestId('api-client-secret-value').textContent())!.trim();
    const clientId = (await panel.locator('code').first().textContent())!.trim();
    await screenshot(page, 'api-clients-created-desktop');

    const issued = await issue(clientId, secret);
    const token = issued.data!.issueApiToken.accessToken as string;
    expect((await call(`{ viewer { scopes } }`, {}, token)).data!.viewer.scopes).toEqual(['analytics:read']);

    await panel.getByRole('button', { name: 'I have stored the secret' }).click();
    await panel.waitFor({ state: 'detached' });
    const row = page.getByTestId('api-clients-table').locator('tr', { hasText: 'Warehouse sync' });
    await row.getByText('analytics:read').waitFor();

    // Rotate: a new secret, the old one still works for now.
    await row.getByRole('button', { name: 'New secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'New secret' }).click();
    await panel.getByText('New secret for “Warehouse sync”').waitFor();
    const rotated = (await page.getByTestId('api-client-secret-value').textContent())!.trim();
    expect(rotated).not.toBe(secret);
    expect((await issue(clientId, rotated)).data?.issueApiToken).toBeTruthy();
    expect((await issue(clientId, secret)).data?.issueApiToken).toBeTruthy();
    await row.getByText(/Previous secret works until/).waitFor();

    // Revoke: the token issued before stops at once.
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('“Warehouse sync” is revoked; its tokens no longer work.').waitFor();
    await row.getByText(/^Revoked /).waitFor();
    expect((await call(`{ viewer { scopes } }`, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await issue(clientId, rotated)).errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(errors).toEqual([]);
  });

  it('fits a phone', async () => {
    const { page, errors } = await session.open();
    await logIn(page, 'admin@demo.test');
    await page.setViewportSize(PHONE);
    await page.goto('/organization/api-clients');
    await page.getByRole('heading', { name: 'Create an API client' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'api-clients-phone');
    expect(errors).toEqual([]);
  });

  it('lets an admin try the API in GraphiQL on their own session', async () => {
    const { page, errors } = await session.open();
    await logIn(page, 'admin@demo.test');
    await page.goto('/organization');
    // GraphiQL comes from the app's own bundle (no CDN) and reads the schema on the admin's session.
    const schemaRead = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('IntrospectionQuery'));
    await page.getByRole('link', { name: 'API explorer' }).click();
    await page.waitForURL('**/organization/api-explorer');
    expect((await schemaRead).status()).toBe(200);
    const explorer = page.getByTestId('graphiql');
    const result = explorer.locator('.result-window');
    const answered = async () => (await result.innerText()).includes('"organizationName": "Demo Company"');
    // GraphiQL ignores a run while it still digests the schema it read: press Run until it answers.
    for (let attempt = 0; attempt < 10 && !(await answered()); attempt++) {
      await explorer.locator('.graphiql-execute-button').click();
      await expect.poll(answered, { timeout: 3000 }).toBe(true).catch(() => undefined);
    }
    const answer = JSON.parse((await result.innerText()).replace(/\u00a0/g, ' '));
    expect(answer.data.viewer).toMatchObject({ kind: 'USER', name: 'Ada Admin', roles: ['ADMIN'] });
    await screenshot(page, 'api-explorer-desktop', 'api-explorer');
    expect(errors).toEqual([]);
  });
});
