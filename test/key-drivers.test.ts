import { describe, expect, it } from 'vitest';
import { requireChromium, screenshot, screenshotOf } from './support/browser.js';
import { DEMO_PASSWORD, graphql } from './support/server.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Criteria and key drivers on the explore page, on the seeded demo: the customer history asks
// service, communication and price ratings, so the panel shows means with interval bars, the
// spread of 1–5, and the drivers ranked by r with service first; a manager's own slice marks the
// thin criteria; HR's employee view has no key drivers; and the panel fits a phone.

const runBrowserTests = requireChromium();
const PHONE_390 = { width: 390, height: 844 };

describe.skipIf(!runBrowserTests)('criteria and key drivers on the explore page', () => {
  const session = browserSession({ readyTimeoutMs: 420_000 });

  it('shows criteria with intervals and the key drivers ranked, on a desktop and a phone', async () => {
    const { page, errors } = await session.open();
    await logIn(page, 'cx@demo.test');
    await page.goto('/explore?audience=CUSTOMER');
    const panel = page.getByTestId('explore-drivers');
    await panel.getByTestId('drivers-ranking').locator('li').first().waitFor();
    expect(await panel.getByRole('heading', { name: 'Criteria and key drivers' }).count()).toBe(1);
    const criteria = await panel.getByTestId('drivers-criteria').locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-criterion')));
    expect(criteria).toEqual(['communication', 'price', 'service']);
    const ranking = await panel.getByTestId('drivers-ranking').locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-criterion')));
    expect(ranking[0]).toBe('service');
    expect(ranking.at(-1)).toBe('price');
    expect(await panel.getByText('Quality of staff').count()).toBeGreaterThan(0);
    await screenshot(page, 'explore-drivers-desktop-en');
    await screenshotOf(panel, 'explore-drivers-panel-en', 'key-drivers');

    await page.setViewportSize(PHONE_390);
    await page.goto('/explore?audience=CUSTOMER');
    await panel.getByTestId('drivers-ranking').locator('li').first().waitFor();
    await expect.poll(() => fitsWidth(page), { timeout: 5_000 }).toBe(true);
    await screenshot(page, 'explore-drivers-phone-en');

    await page.evaluate(() => localStorage.setItem('tandem.locale', 'pl'));
    await page.goto('/explore?audience=CUSTOMER');
    await page.getByRole('heading', { name: 'Kryteria i kluczowe czynniki' }).waitFor();
    await panel.getByTestId('drivers-ranking').locator('li').first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshotOf(panel, 'explore-drivers-phone-pl');
    expect(errors).toEqual([]);
  });

  it('marks too few ratings in one small wave, and shows no key drivers for employees', async () => {
    // The current candidate wave: four answers rated communication and speed.
    const { login } = await graphql<{ login: { accessToken: string } }>(
      session.server,
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email: 'cx@demo.test', password: DEMO_PASSWORD },
    );
    const { waves } = await graphql<{ waves: { edges: { node: { id: string } }[] } }>(
      session.server,
      '{ waves(filter: { search: "Candidate experience", status: OPEN }) { edges { node { id } } } }',
      {},
      login.accessToken,
    );
    const { page, errors } = await session.open();
    await logIn(page, 'cx@demo.test');
    await page.goto(`/explore?audience=CANDIDATE&wave=${waves.edges[0].node.id}`);
    const panel = page.getByTestId('explore-drivers');
    await panel.getByTestId('drivers-ranking').locator('li').first().waitFor();
    expect(await panel.getByTestId('drivers-low').count()).toBeGreaterThan(0);
    await screenshotOf(panel, 'explore-drivers-manager-en');

    const hr = await session.open();
    await logIn(hr.page, 'hr@demo.test');
    await hr.page.goto('/explore');
    await hr.page.getByTestId('drivers-employee').waitFor();
    expect(await hr.page.getByTestId('drivers-ranking').count()).toBe(0);
    // The earlier pulses asked manager support and workload: their releases hold the whole wave's.
    const employeeCriteria = hr.page.getByTestId('drivers-criteria').locator('li');
    expect(await employeeCriteria.evaluateAll((items) => items.map((i) => i.getAttribute('data-criterion')))).toEqual(['manager_support', 'workload']);
    await screenshotOf(hr.page.getByTestId('explore-drivers'), 'explore-drivers-employee-en');
    expect([...errors, ...hr.errors]).toEqual([]);
  });
});
