import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, graphql, type TestServer } from './support/server.js';
import { requireChromium, screenshot, screenshotOf } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// The leadership board and the explore page in the browser, on the seeded demo organization:
// the leader sees NPS per audience and the eNPS with intervals, bands, trends with interval bands,
// targets and benchmarks; sets a target and adds (and removes) a benchmark from the page; opens
// explore from an address with filters, which survive a reload; the server's refusal of from
// after to names the field; and both pages fit a phone.

const runBrowserTests = requireChromium();
const PHONE_390 = { width: 390, height: 844 };

interface Summary {
  nps: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  suppressed: boolean;
}
interface BoardEntry {
  audience: string;
  target: number | null;
  targetReached: boolean | null;
  summary: Summary;
  benchmarks: { name: string; value: number }[];
}

async function boardOf(server: TestServer): Promise<BoardEntry[]> {
  const { login } = await graphql<{ login: { accessToken: string } }>(
    server,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email: 'leader@demo.test', password: DEMO_PASSWORD },
  );
  const { board } = await graphql<{ board: { audiences: BoardEntry[] } }>(
    server,
    '{ board { audiences { audience target targetReached summary { nps ciLow ciHigh suppressed } benchmarks { name value } } } }',
    {},
    login.accessToken,
  );
  return board.audiences;
}

/** "+42", "-6": the page's whole-number NPS, within rounding of the server's value. */
async function expectNps(locator: Locator, value: number) {
  const text = (await locator.innerText()).trim().replace('−', '-');
  expect(text).toMatch(/^[+-]?\d+$/);
  expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(0.5 + 1e-9);
}

/** The chart drawn (ECharts' SVG renderer), not an empty or hidden state. */
async function expectChart(scope: Locator) {
  const canvas = scope.getByTestId('chart-canvas').first();
  await canvas.waitFor();
  // Paths are drawn (axes, line or bars, the interval); a flat axis line has no area, so 'attached'.
  await canvas.locator('svg path').nth(3).waitFor({ state: 'attached' });
  expect(await canvas.locator('svg').count()).toBeGreaterThan(0);
}

const byTestId = (page: Page, testId: string) => page.getByTestId(testId);

describe.skipIf(!runBrowserTests)('the leadership board and explore, in the browser', () => {
  const session = browserSession();

  it('shows the leader eNPS and NPS with intervals, trends, targets and benchmarks, and sets a target', async () => {
    const expected = await boardOf(session.server);
    const customer = expected.find((e) => e.audience === 'CUSTOMER')!;
    const employee = expected.find((e) => e.audience === 'EMPLOYEE')!;
    expect(customer.summary.nps).not.toBeNull();
    expect(employee.summary.suppressed).toBe(false);

    const { page, errors } = await session.open();
    await logIn(page, 'leader@demo.test');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Leadership board' }).click();
    await page.getByRole('heading', { name: 'Leadership board', level: 1 }).waitFor();

    // Every audience the leader reads, each with its score, interval, band and trend chart.
    for (const entry of expected) {
      const card = byTestId(page, `board-${entry.audience}`);
      await card.waitFor();
      await expect(card.getByRole('heading', { level: 2 }).innerText()).resolves.toContain(entry.audience === 'EMPLOYEE' ? 'eNPS' : 'NPS');
      if (entry.summary.nps !== null && !entry.summary.suppressed) {
        await expectNps(card.getByTestId('board-nps'), entry.summary.nps);
        expect(await card.getByTestId('board-interval').innerText()).toContain('95 % interval');
        await card.getByTestId('board-band').waitFor();
      }
      await expectChart(card);
      // A text alternative of the chart for screen readers: a row per month.
      expect(await card.locator('table tbody tr').count()).toBe(12);
    }

    // Targets and benchmarks beside the score, as the server has them.
    const customerCard = byTestId(page, 'board-CUSTOMER');
    expect(await customerCard.getByTestId('board-target').innerText()).toContain(`+${customer.target}`);
    for (const benchmark of customer.benchmarks) {
      const item = customerCard.getByTestId('board-benchmarks').locator('li', { hasText: benchmark.name });
      expect(await item.innerText()).toContain(`+${benchmark.value}`);
    }
    const employeeCard = byTestId(page, 'board-EMPLOYEE');
    expect(await employeeCard.getByTestId('board-target-reached').count()).toBe(employee.targetReached ? 1 : 0);
    await page.getByTestId('board-follow-ups').waitFor();
    await page.getByTestId('improvements-IN_PROGRESS').waitFor();

    // A target out of range is refused, naming the field; nothing changes.
    const targetForm = page.getByTestId('target-form');
    await targetForm.getByLabel('Audience').selectOption('CUSTOMER');
    await targetForm.getByLabel('Target (NPS, −100 to 100)').fill('150');
    await targetForm.getByRole('button', { name: 'Set target' }).click();
    expect(await targetForm.getByRole('alert').innerText()).toContain('“Target (NPS, −100 to 100)”');
    expect(await customerCard.getByTestId('board-target').innerText()).toContain(`+${customer.target}`);

    // Set this quarter's customer target through the page: the card shows it.
    await targetForm.getByLabel('Target (NPS, −100 to 100)').fill('50');
    await targetForm.getByRole('button', { name: 'Set target' }).click();
    await targetForm.getByRole('status').waitFor();
    await customerCard.getByTestId('board-target').filter({ hasText: '+50' }).waitFor();
    expect((await boardOf(session.server)).find((e) => e.audience === 'CUSTOMER')!.target).toBe(50);

    // A benchmark added appears beside the customer score; removed, it is gone.
    const benchmarkForm = page.getByTestId('benchmark-form');
    await benchmarkForm.getByLabel('Audience').selectOption('CUSTOMER');
    await benchmarkForm.getByLabel('Name').fill('E2E peer group');
    await benchmarkForm.getByLabel('Value (NPS, −100 to 100)').fill('33');
    await benchmarkForm.getByRole('button', { name: 'Add benchmark' }).click();
    await customerCard.getByTestId('board-benchmarks').locator('li', { hasText: 'E2E peer group' }).waitFor();
    await page.getByTestId('benchmarks').locator('li', { hasText: 'E2E peer group' }).getByRole('button', { name: 'Remove' }).click();
    await customerCard.getByTestId('board-benchmarks').locator('li', { hasText: 'E2E peer group' }).waitFor({ state: 'detached' });

    // The period picker writes the address; a year of the board is one click.
    await page.getByTestId('period-quarter').selectOption('');
    await page.waitForURL((url) => /^\d{4}$/.test(url.searchParams.get('period') ?? ''));
    await byTestId(page, 'board-CUSTOMER').getByTestId('board-nps').waitFor();
    await page.goto('/board');
    await byTestId(page, 'board-CUSTOMER').getByTestId('board-nps').waitFor();
    await screenshot(page, 'board-desktop-en', 'board');
    // Revenue at risk: the demo's customers carry annual values, so the card has numbers and rows.
    const revenue = page.getByTestId('board-revenue-at-risk');
    await revenue.getByTestId('value-at-risk').waitFor();
    expect(await revenue.getByTestId('value-by-unit').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshotOf(revenue, 'revenue-at-risk', 'revenue-at-risk');
    expect(errors).toEqual([]);
  });

  it('explore restores its filters from the address, and names the field the server refuses', async () => {
    const { page, errors } = await session.open();
    await logIn(page, 'leader@demo.test');
    await page.goto('/explore?audience=CUSTOMER&by=SEGMENT&bykey=region&interval=QUARTER');
    const summary = page.getByTestId('explore-summary');
    await summary.getByTestId('summary-nps').waitFor();
    expect(await summary.getByTestId('summary-interval').innerText()).toContain('95 % interval');
    await expectChart(page.getByTestId('explore-breakdown'));
    await expectChart(page.getByTestId('explore-trend'));
    // The breakdown's text alternative names the region values.
    expect(await page.getByTestId('explore-breakdown').locator('table').innerText()).toContain('EU');

    // A filter chosen on the page goes into the address...
    await page.getByTestId('filter-units').locator('select').selectOption({ label: 'Sales EU' });
    await page.waitForURL((url) => url.searchParams.getAll('unit').length === 1);
    await page.getByTestId('filter-units').locator('.chip', { hasText: 'Sales EU' }).waitFor();
    const shared = page.url();

    // ...and a reload (or the shared link) restores the whole view.
    await page.reload();
    await page.getByTestId('filter-units').locator('.chip', { hasText: 'Sales EU' }).waitFor();
    expect(page.url()).toBe(shared);
    expect(await page.getByTestId('filter-audience').inputValue()).toBe('CUSTOMER');
    expect(await page.getByTestId('choice-by').inputValue()).toBe('SEGMENT');
    expect(await page.getByTestId('choice-bykey').inputValue()).toBe('region');
    expect(await page.getByTestId('choice-interval').getByRole('button', { name: 'quarter' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('summary-nps').waitFor();

    // The transaction's attributes are filters too, fed by the values in the answers (the demo's
    // transactional programme surveys candidates), kept in the address.
    await page.goto('/explore?audience=CANDIDATE&by=PRODUCT');
    await page.getByTestId('filter-products').locator('select').selectOption({ index: 1 });
    await page.waitForURL((url) => url.searchParams.getAll('product').length === 1);
    await page.reload();
    await page.getByTestId('filter-products').locator('.chip').waitFor();
    await page.getByTestId('summary-nps').waitFor();

    // The server refuses from after to: the message names the field.
    await page.goto('/explore?from=2026-05-01&to=2026-01-01');
    expect(await page.getByRole('alert').first().innerText()).toContain('“To”');
    await screenshot(page, 'explore-error-desktop-en');

    // Garbage in the address is left out, not an error.
    await page.goto('/explore?audience=ALIENS&from=yesterday&by=COLOUR&unit=%3Cscript%3E');
    await page.getByTestId('summary-nps').waitFor();
    expect(await page.getByTestId('filter-audience').inputValue()).toBe('');
    // Warnings from the refused filter above are Apollo's; errors must be none.
    expect(errors.filter((e) => !e.includes('go.apollo.dev'))).toEqual([]);
  });

  it('fits a phone, in English, Polish and Russian', async () => {
    const { page, errors } = await session.open();
    // The login helper waits for the user's name, which a phone keeps in the folded menu.
    await logIn(page, 'leader@demo.test');
    await page.setViewportSize(PHONE_390);
    await page.goto('/board');
    await expectChart(byTestId(page, 'board-EMPLOYEE'));
    await expect.poll(() => fitsWidth(page), { timeout: 5_000 }).toBe(true);
    // The charts resize to the card: none wider than the screen.
    const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('[data-testid=chart-canvas] svg')].map((svg) => svg.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(PHONE_390.width);
    await screenshot(page, 'board-phone-en', 'board-phone');

    for (const [locale, title] of [
      ['pl', 'Tablica wyników kierownictwa'],
      ['ru', 'Панель руководителя'],
    ] as const) {
      await page.evaluate((l) => localStorage.setItem('tandem.locale', l), locale);
      await page.goto('/board');
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await expectChart(byTestId(page, 'board-CUSTOMER'));
      expect(await fitsWidth(page), `board ${locale}`).toBe(true);
      await screenshot(page, `board-phone-${locale}`);
      await page.goto('/explore?audience=EMPLOYEE&by=SEGMENT&bykey=location&interval=WAVE');
      await page.getByTestId('summary-nps').waitFor();
      expect(await fitsWidth(page), `explore ${locale}`).toBe(true);
      await screenshot(page, `explore-phone-${locale}`);
    }
    expect(errors).toEqual([]);
  });
});
