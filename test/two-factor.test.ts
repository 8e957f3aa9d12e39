import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './support/server.js';
import { requireChromium, screenshot } from './support/browser.js';
import { browserSession, logIn } from './support/session.js';

/**
 * Issue 21: enrolling a second factor on the Account page, under the real CSP: the otpauth URI as a
 * QR code (an SVG data: image), the key as text, then the 10 recovery codes shown once; and
 * signing in with one of them instead of the app's code.
 */
describe.runIf(requireChromium())('two-step sign-in (browser)', () => {
  const session = browserSession();

  it('shows a QR code and the key, turns it on with a code, shows the recovery codes once, and one signs in', async () => {
    const { page, errors } = await session.open();
    await logIn(page, 'hr@demo.test');
    await page.goto('/account');
    const card = page.getByTestId('two-factor');
    await card.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const qr = card.getByTestId('totp-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    // Drawn, not blocked by the CSP.
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const secret = (await card.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await screenshot(page, 'two-factor-enrol');

    await card.getByTestId('totp-code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) }));
    await card.getByRole('button', { name: 'Turn on' }).click();
    const panel = card.getByTestId('recovery-codes');
    await panel.waitFor();
    const codes = (await panel.locator('li').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    await panel.getByRole('button', { name: 'Download' }).waitFor();
    await screenshot(page, 'two-factor-recovery-codes');
    await panel.getByRole('button', { name: 'I have saved them' }).click();
    await panel.waitFor({ state: 'detached' });
    await card.getByText('Two-step sign-in is on').waitFor();
    expect(await card.getByTestId('recovery-codes').count()).toBe(0);

    // A new browser: the password, then a recovery code instead of the app's code.
    const other = await session.open();
    await other.page.goto('/login');
    await other.page.getByLabel('Email').fill('hr@demo.test');
    await other.page.getByLabel('Password').fill(DEMO_PASSWORD);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.getByTestId('login-totp').waitFor();
    await other.page.getByTestId('login-use-recovery').click();
    await other.page.getByLabel('Recovery code').fill(codes[0]);
    await screenshot(other.page, 'two-factor-login-recovery');
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.getByTestId('session-name').waitFor();
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
  });
});
