import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Issue 18's webhooks page in the browser: an admin registers an endpoint (a receiver on
// 127.0.0.1, allowed in test mode), sees its secret once, sends a test and sees it delivered with
// its HTTP status, replays it, rotates its secret (the new one shown once, the old one still
// signing beside it for 24 hours) and deletes the endpoint.

const runBrowserTests = requireChromium();

describe.skipIf(!runBrowserTests)('the webhooks page', () => {
  const session = browserSession();
  let receiver: Server;
  let receiverUrl: string;
  const received: { id: string; body: string; timestamp: string; signature: string }[] = [];
  /** The Standard Webhooks signature of a received request under a secret. */
  const signed = (secret: string, r: (typeof received)[number]) =>
    'v1,' + createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${r.id}.${r.timestamp}.${r.body}`).digest('base64');

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ id: String(req.headers['webhook-id']), body, timestamp: String(req.headers['webhook-timestamp']), signature: String(req.headers['webhook-signature']) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  });
  afterAll(() => new Promise((resolve) => receiver?.close(resolve)));

  it('registers an endpoint, shows the secret once, sends a test, replays, rotates the secret and deletes', async () => {
    const { page, errors } = await session.open();
    await logIn(page, 'admin@demo.test');
    await page.goto('/organization/webhooks');
    await page.getByTestId('no-webhooks').waitFor();
    // Without events the server names the field, and nothing is registered.
    await page.getByLabel('URL').fill(receiverUrl);
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('alert').getByText('Events').waitFor();
    await page.getByLabel('Response received').check();
    await page.getByLabel('Wave opened').check();
    await page.getByRole('button', { name: 'Register' }).click();
    const secret = await page.getByTestId('webhook-secret').locator('code').innerText();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const endpoint = page.getByTestId('webhook-endpoint');
    await endpoint.getByText(receiverUrl).waitFor();
    await endpoint.getByText('Response received · Wave opened').waitFor();

    await endpoint.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('Test event sent.').waitFor();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    expect(JSON.parse(received[0].body)).toMatchObject({ type: 'response.created', test: true });
    // The list is read again every 15 s; a reload shows the delivery at once.
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId('webhook-deliveries').locator('tbody tr').first().innerText();
      }, { timeout: 20_000 })
      .toMatch(/Delivered\s+204/);
    await screenshot(page, 'webhooks-desktop');

    await page.getByTestId('webhook-deliveries').getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Delivery sent again.').waitFor();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
    expect(received[1].id).toBe(received[0].id);
    expect(received[1].signature).toBe(signed(secret, received[1]));

    // Rotating asks first, in the page's own dialog; cancelled, nothing changes.
    const dialog = page.getByRole('dialog');
    await endpoint.getByRole('button', { name: 'Rotate secret' }).click();
    await dialog.getByRole('heading', { name: /keeps signing for 24 hours/ }).waitFor();
    await screenshot(page, 'webhooks-confirm-rotate');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('webhook-rotated-secret').count()).toBe(0);
    await endpoint.getByRole('button', { name: 'Rotate secret' }).click();
    await dialog.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByText('Signing secret rotated.').waitFor();
    const shown = page.getByTestId('webhook-rotated-secret');
    const rotated = await shown.locator('code').innerText();
    expect(rotated).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(rotated).not.toBe(secret);
    await shown.getByText(/^Until .+ every request carries two signatures/).waitFor();
    await endpoint.getByTestId('webhook-grace').getByText(/The previous secret also signs until/).waitFor();
    await screenshot(page, 'webhooks-rotated');
    // The next request is signed with both, the new secret first.
    await endpoint.getByRole('button', { name: 'Send test' }).click();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(3);
    expect(received[2].signature).toBe(`${signed(rotated, received[2])} ${signed(secret, received[2])}`);
    // Shown once: a reload does not show it again, only when the old one stops.
    await page.reload();
    await endpoint.getByTestId('webhook-grace').waitFor();
    expect(await page.getByTestId('webhook-rotated-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(rotated);
    // On a phone the endpoint's three buttons go below it: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'webhooks-phone');

    await endpoint.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('heading', { name: /Delete the endpoint .* and its deliveries\?/ }).waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Endpoint deleted.').waitFor();
    await page.getByTestId('no-webhooks').waitFor();
    expect(errors).toEqual([]);
  });
});
