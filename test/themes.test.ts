import { describe, expect, it } from 'vitest';
import { PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Stage 3 in the browser: CX works the tagging queue of the demo (accepts a suggestion, tags two
// comments at once) and reads the results by theme; HR reads employee themes as the release has
// them — mention counts of one released group of a closed wave, a hidden group with its reason and
// no number, and never a customer theme — in English, in Polish, and on a phone.

const runBrowserTests = requireChromium();

describe.skipIf(!runBrowserTests)('themes', () => {
  const session = browserSession();

  it('lets CX accept a suggestion and tag comments in bulk', async () => {
    const cx = await session.open();
    await logIn(cx.page, 'cx@demo.test');
    await cx.page.getByRole('link', { name: 'Themes' }).click();
    const queue = cx.page.getByTestId('tagging-queue');
    await queue.waitFor();
    await screenshot(cx.page, 'themes-queue-desktop-en');
    const before = await queue.locator('> li').count();
    expect(before).toBeGreaterThan(2);
    // Accept the first suggestion: the comment is tagged and leaves the queue of untagged comments.
    const first = queue.locator('> li').first();
    const text = (await first.locator('.comment-text').first().textContent())!;
    await first.getByTestId('accept-suggestion').first().click();
    await cx.page.getByRole('status').waitFor();
    await expect.poll(async () => (await queue.textContent())?.includes(text.trim())).toBe(false);

    // Two comments, one theme, one click.
    const boxes = queue.locator('> li input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await cx.page.getByTestId('bulk-theme').selectOption({ label: 'Communication' });
    await cx.page.getByTestId('bulk-tag').click();
    await cx.page.getByText('2 comments tagged with “Communication”.').waitFor();

    await cx.page.getByTestId('themes-tab-results').click();
    const results = cx.page.getByTestId('theme-results');
    await results.waitFor();
    await results.getByRole('rowheader', { name: /Communication/ }).waitFor();
    await screenshot(cx.page, 'themes-results-desktop-en', 'themes-results-desktop-en');
    expect(cx.errors).toEqual([]);
  });

  it('shows the catalogue in Polish and the results fit a phone', async () => {
    const marta = await session.open();
    await logIn(marta.page, 'manager@demo.test');
    await marta.page.locator('.language-switcher select').first().selectOption('pl');
    await marta.page.setViewportSize(PHONE);
    await marta.page.goto('/themes?tab=catalogue');
    await marta.page.getByTestId('theme-catalogue').waitFor();
    await marta.page.getByRole('heading', { name: 'Katalog tematów' }).waitFor();
    await screenshot(marta.page, 'themes-catalogue-phone-pl');
    await expect.poll(() => fitsWidth(marta.page), { timeout: 5_000 }).toBe(true);
    await marta.page.goto('/themes?tab=queue');
    await marta.page.getByTestId('themes-tabs').waitFor();
    await screenshot(marta.page, 'themes-queue-phone-pl', 'themes-queue-phone-pl');
    await expect.poll(() => fitsWidth(marta.page), { timeout: 5_000 }).toBe(true);
    expect(marta.errors).toEqual([]);
  });

  it('shows HR the theme mentions of released employee groups, and a hidden group with its reason', async () => {
    const hr = await session.open();
    await logIn(hr.page, 'hr@demo.test');
    await hr.page.getByLabel('Language').selectOption('en');
    await hr.page.goto('/themes');
    const employee = hr.page.getByTestId('employee-theme-results');
    await employee.waitFor();
    // HR reads employee themes only: no audience to choose, no customer numbers.
    expect(await hr.page.getByTestId('results-audience').count()).toBe(0);
    // The newest closed wave, the whole wave: mention counts, no score, category or impact per theme.
    const results = employee.getByTestId('theme-results');
    await results.getByTestId('theme-mention').first().waitFor();
    expect(await employee.getByTestId('theme-wave').locator('option').count()).toBeGreaterThan(0);
    expect(await employee.getByTestId('theme-group').inputValue()).toBe('all');
    for (const count of await results.getByTestId('theme-mention-count').allTextContents()) expect(count).toMatch(/^\s*\d+ mentions? \(\d+\s?%\)\s*$/);
    for (const word of ['NPS', 'Detractors', 'Promoters', 'Impact']) expect(await employee.getByText(word, { exact: false }).count(), word).toBe(0);
    // Only themes of the employee audience: no customer theme, counted or hidden.
    for (const customerTheme of ['Invoicing', 'Price', 'Replacements']) {
      expect(await results.getByText(customerTheme, { exact: false }).count(), customerTheme).toBe(0);
    }
    await screenshot(hr.page, 'themes-results-employee-desktop-en');

    // A group the release hides says why, with no number but k.
    const hiddenOption = employee.getByTestId('theme-group').locator('option', { hasText: '(hidden)' }).first();
    const value = await hiddenOption.getAttribute('value');
    expect(value).toBeTruthy();
    await employee.getByTestId('theme-group').selectOption(value!);
    const hidden = employee.getByTestId('theme-hidden');
    await hidden.waitFor();
    expect(await hidden.textContent()).toMatch(/Hidden: fewer than 5 answers\.|Hidden to protect a smaller group\./);
    expect(((await hidden.textContent()) ?? '').replace('fewer than 5 answers', '')).not.toMatch(/\d/);
    expect(await employee.getByTestId('theme-mention').count()).toBe(0);

    await hr.page.getByTestId('themes-tab-catalogue').click();
    await hr.page.getByTestId('theme-catalogue').waitFor();
    await hr.page.getByTestId('theme-new').click();
    const form = hr.page.getByTestId('theme-form');
    await form.getByLabel('Name').fill('Remote work');
    await form.getByTestId('keywords-en').fill('remote, home office');
    await form.getByTestId('keywords-pl').fill('praca zdalna');
    await screenshot(hr.page, 'themes-form-desktop-en');
    await form.getByTestId('theme-save').click();
    await hr.page.getByText('“Remote work” saved.').waitFor();
    await hr.page.getByTestId('theme-catalogue').getByRole('rowheader', { name: /Remote work/ }).waitFor();
    await screenshot(hr.page, 'themes-catalogue-desktop-en');

    // Employee themes in Polish, on a phone.
    await hr.page.getByLabel('Language').selectOption('pl');
    await hr.page.goto('/themes?tab=results');
    await hr.page.getByTestId('employee-theme-results').getByText('Zamknięta fala').waitFor();
    await hr.page.setViewportSize(PHONE);
    await hr.page.getByTestId('theme-results').getByTestId('theme-mention').first().waitFor();
    await expect.poll(() => fitsWidth(hr.page), { timeout: 5_000 }).toBe(true);
    await screenshot(hr.page, 'themes-results-employee-phone-pl');
    expect(hr.errors).toEqual([]);
  });
});
