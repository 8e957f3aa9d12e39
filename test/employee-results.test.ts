import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, graphql } from './support/server.js';
import { PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Employee results beyond the wave page, on the seeded demo (k = 5, four closed employee waves):
// a manager reads their own team's released results and nothing else, with a note saying so; HR
// explores employee results with only what a release has — one org unit, a location or tenure band,
// a released dimension to break down by — and sees why each hidden group is hidden, never how small.

const runBrowserTests = requireChromium();

/** A hidden group's text: its reason, no number but the threshold k. */
const expectNoNumber = (text: string) => expect(text.replace(/fewer than 5 answers/g, '')).not.toMatch(/\d/);

describe.skipIf(!runBrowserTests)('employee results for managers and in explore', () => {
  const session = browserSession();

  it("shows a manager their own team's released results, and says it is their team only", async () => {
    const { page, errors } = await session.open();
    await logIn(page, 'manager@demo.test');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My team' }).click();
    await page.getByRole('heading', { name: "My team's eNPS", level: 1 }).waitFor();
    await page.getByTestId('team-note').filter({ hasText: 'Your team only: Sales EU and the units below it.' }).waitFor();

    // One row per closed wave: an eNPS, or the reason it is hidden without a number.
    const waves = page.getByTestId('team-waves').locator('.group');
    await waves.first().waitFor();
    expect(await waves.count()).toBeGreaterThan(1);
    for (const row of await waves.all()) {
      if ((await row.getByTestId('group-hidden').count()) > 0) expectNoNumber((await row.getByTestId('group-hidden').textContent()) ?? '');
      else expect(await row.locator('.group-nps').textContent()).toMatch(/^[+-]?\d+$/);
    }

    // The newest released wave is chosen: its eNPS with interval, theme mentions and comments.
    const wave = page.getByTestId('team-wave');
    await wave.getByTestId('team-nps').waitFor();
    expect(await wave.getByTestId('team-interval').textContent()).toContain('95 % interval');
    await wave.getByTestId('employee-themes').waitFor();
    await wave.getByTestId('employee-comments').locator('.employee-comment, [data-testid=comments-hidden]').first().waitFor();
    expect(await wave.locator('time').count()).toBe(0);

    // A hidden wave says why, and shows nothing of it.
    const hiddenRow = page.getByTestId('team-waves').locator('.group.is-hidden button').first();
    if ((await hiddenRow.count()) > 0) {
      await hiddenRow.click();
      await wave.getByTestId('team-hidden').waitFor();
      expectNoNumber((await wave.getByTestId('team-hidden').textContent()) ?? '');
      expect(await wave.getByTestId('employee-comments').count()).toBe(0);
    }

    // Nothing of other teams.
    const text = await page.evaluate(() => document.querySelector('main')?.innerText ?? document.body.innerText);
    for (const other of ['Sales US', 'Operations', 'Recruitment', 'Customer Service']) expect(text).not.toContain(other);
    await screenshot(page, 'team-manager-desktop-en');

    await page.setViewportSize(PHONE);
    await expect.poll(() => fitsWidth(page), { timeout: 5_000 }).toBe(true);
    await screenshot(page, 'team-manager-phone-en');
    expect(errors).toEqual([]);
  });

  it('lets HR explore employee results only as released: one group, a released dimension, hidden groups with their reason', async () => {
    const { server } = session;
    const { login } = await graphql<{ login: { accessToken: string } }>(
      server,
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email: 'hr@demo.test', password: DEMO_PASSWORD },
    );
    const { orgUnits } = await graphql<{ orgUnits: { id: string; name: string }[] }>(server, '{ orgUnits { id name } }', {}, login.accessToken);
    const unit = (name: string) => orgUnits.find((u) => u.name === name)!.id;

    const { page, errors } = await session.open();
    await logIn(page, 'hr@demo.test');
    await page.goto('/explore');
    // HR reads employees only: the audience says so (it was blank).
    expect(await page.getByTestId('filter-audience').inputValue()).toBe('EMPLOYEE');
    await page.getByTestId('summary-nps').waitFor();
    // One org unit at a time, no owners, and only released dimensions to break down by.
    await page.getByTestId('filter-unit').waitFor();
    expect(await page.getByTestId('filter-units').count()).toBe(0);
    expect(await page.getByTestId('filter-owners').count()).toBe(0);
    expect(await page.getByTestId('choice-by').locator('option').allTextContents()).toEqual(['org unit', 'wave', 'location or tenure band']);
    await page.getByTestId('employee-filter-note').waitFor();

    // Hidden groups of the breakdown by org unit, each with its reason and no number.
    const hidden = page.getByTestId('explore-hidden-groups').locator('li');
    await hidden.first().waitFor();
    for (const text of await hidden.allTextContents()) {
      expect(text).toMatch(/Hidden: fewer than 5 answers\.|Hidden to protect a smaller group\./);
      expectNoNumber(text);
    }
    await screenshot(page, 'explore-employee-desktop-en');

    // Choosing one unit goes into the address as one unit.
    await page.getByTestId('filter-unit').locator('select').selectOption({ label: 'Sales' });
    await page.waitForURL((url) => url.searchParams.getAll('unit').length === 1);
    await page.getByTestId('explore-summary').locator('[data-testid=summary-nps], [data-testid=summary-hidden]').first().waitFor();

    // An address with two units asks for a group no release has: the page keeps the first one.
    await page.goto(`/explore?audience=EMPLOYEE&unit=${unit('Sales')}&unit=${unit('Operations')}`);
    await page.getByTestId('summary-nps').or(page.getByTestId('summary-hidden')).waitFor();
    expect(await page.getByTestId('filter-unit').locator('select').inputValue()).toBe(unit('Sales'));

    // Breakdown by tenure band, in Danish, on a phone.
    await page.goto('/explore?by=SEGMENT&bykey=tenure_band&interval=WAVE');
    expect(await page.getByTestId('choice-bykey').inputValue()).toBe('tenure_band');
    await page.getByLabel('Language').selectOption('da');
    await page.getByText('Hvilken').waitFor();
    await page.setViewportSize(PHONE);
    await page.getByTestId('summary-nps').waitFor();
    // Charts follow the new width on their next resize observation, a moment after the viewport's.
    await expect.poll(() => fitsWidth(page), { timeout: 5_000 }).toBe(true);
    await screenshot(page, 'explore-employee-phone-da');
    expect(errors.filter((e) => !e.includes('go.apollo.dev'))).toEqual([]);
  });
});
