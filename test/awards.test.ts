import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, graphql, type TestServer } from './support/server.js';
import { requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Leaderboards and awards in the browser, on the demo organization: the leader opens the team NPS
// leaderboard of the last quarter that has ended (the demo has a review wave in it with enough
// answers per team), sees every team with its interval and why it is where it is, finalizes the
// awards after a confirmation, and sees the podium and the award history with the same numbers
// the API gives; a second finalize is refused with a message; the certificate prints without the
// app's chrome; and the page fits a phone in Polish and Russian.

const runBrowserTests = requireChromium();
const PHONE_390 = { width: 390, height: 844 };

function lastEndedQuarter(now = new Date()) {
  const q = Math.floor(now.getUTCMonth() / 3);
  return q === 0 ? { year: now.getUTCFullYear() - 1, quarter: 4 } : { year: now.getUTCFullYear(), quarter: q };
}

async function leaderToken(server: TestServer): Promise<string> {
  const { login } = await graphql<{ login: { accessToken: string } }>(
    server,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email: 'leader@demo.test', password: DEMO_PASSWORD },
  );
  return login.accessToken;
}

describe.skipIf(!runBrowserTests)('leaderboards and awards, in the browser', () => {
  const session = browserSession();
  const period = lastEndedQuarter();
  const label = `${period.year}-Q${period.quarter}`;

  it('lets the leader understand the ranking of a past quarter, finalize its awards and see the podium', async () => {
    const token = await leaderToken(session.server);
    const { leaderboard } = await graphql<{ leaderboard: { rank: number; name: string; eligible: boolean; responses: number }[] }>(
      session.server,
      'query ($input: LeaderboardInput!) { leaderboard(input: $input) { rank name eligible responses } }',
      { input: { period, entity: 'TEAM', metric: 'NPS' } },
      token,
    );
    const eligible = leaderboard.filter((e) => e.eligible);
    expect(eligible.length).toBeGreaterThanOrEqual(3);

    const { page, errors } = await session.open();
    await logIn(page, 'leader@demo.test');
    await page.getByRole('link', { name: 'Leaderboards' }).click();
    await page.getByTestId('leaderboard-category').getByText(label).waitFor();
    const rows = page.getByTestId('leaderboard-row');
    await expect.poll(() => rows.count()).toBe(leaderboard.length);
    expect((await rows.first().innerText()).includes(eligible[0].name)).toBe(true);
    await expect.poll(() => page.getByTestId('leaderboard-table').innerText()).toContain('Responses: ');
    // The podium shows the API's top three eligible teams.
    for (const [i, entry] of eligible.slice(0, 3).entries()) {
      expect(await page.getByTestId(`podium-${i + 1}`).innerText()).toContain(entry.name);
    }

    await page.getByTestId('finalize-button').click();
    await page.getByTestId('finalize-confirm').waitFor();
    await page.getByTestId('finalize-confirm-button').click();
    await page.getByTestId('finalized').waitFor();
    const history = page.getByTestId(`award-period-${label}`);
    await history.waitFor();
    expect(await history.innerText()).toContain('Finalized by Luka Novak');

    const { awards } = await graphql<{ awards: { period: string; category: string; winnerName: string }[] }>(
      session.server,
      'query ($year: Int) { awards(year: $year) { period category winnerName } }',
      { year: period.year },
      token,
    );
    const teamNps = awards.find((a) => a.period === label && a.category === 'TEAM · NPS');
    expect(teamNps?.winnerName).toBe(eligible[0].name);
    expect(await history.innerText()).toContain(`1. ${eligible[0].name}`);
    await screenshot(page, 'awards-podium', 'podium');

    // Finalizing again is refused, and said so.
    await page.getByTestId('finalize-button').click();
    await page.getByTestId('finalize-confirm-button').click();
    await page.getByText(`The awards of ${label} are already finalized`).waitFor();

    // The certificate: printed without the app's header.
    await history.getByRole('link', { name: 'Certificate' }).first().click();
    await page.getByTestId('certificate').waitFor();
    expect(await page.getByTestId('certificate').innerText()).toContain(label);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.shell-header').isVisible()).toBe(false);
    expect(await page.getByTestId('certificate').isVisible()).toBe(true);
    await screenshot(page, 'awards-certificate-print');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });

  it('fits a 390 px phone in Polish and Russian', async () => {
    for (const locale of ['pl', 'ru']) {
      const { page, errors } = await session.open();
      await logIn(page, 'manager@demo.test');
      await page.setViewportSize(PHONE_390);
      await page.evaluate((l) => localStorage.setItem('tandem.locale', l), locale);
      await page.goto(`/leaderboard?period=${label}&entity=MANAGER`);
      await page.getByTestId('leaderboard-row').first().waitFor();
      // Marta (the manager) sees herself highlighted.
      await page.getByTestId('your-team').waitFor();
      await expect.poll(() => fitsWidth(page), { timeout: 5_000 }).toBe(true);
      await screenshot(page, `awards-phone-${locale}`);
      expect(errors).toEqual([]);
    }
  });
});
