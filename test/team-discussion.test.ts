import { describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, graphql } from './support/server.js';
import { PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// A team's discussion in the browser (issue 20): the manager opens a closed demo wave, follows
// "record the discussion of <their team>", records it with two actions, and finds both on the
// improvements board with their due dates. Then the programme news page, in English, in another
// language and on a phone.

const runBrowserTests = requireChromium();
// The server seeds the demo first: on a busy machine that can take minutes.
vi.setConfig({ hookTimeout: 480_000 });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ACTIONS = [
  { title: 'Confirm every night shift the day before', due: day(14) },
  { title: 'Friday status mail to every client', due: day(30) },
];

let discussionPath = '';

describe.skipIf(!runBrowserTests)('a team records its discussion', { timeout: 180_000 }, () => {
  const session = browserSession({ readyTimeoutMs: 420_000 });

  it('records a discussion with two actions that appear on the improvements board with due dates', async () => {
    const { server } = session;
    const { login } = await graphql<{ login: { accessToken: string } }>(
      server,
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email: 'manager@demo.test', password: DEMO_PASSWORD },
    );
    const { waves } = await graphql<{ waves: { edges: { node: { id: string; name: string } }[] } }>(
      server,
      `{ waves(filter: { audience: CUSTOMER, status: CLOSED, kind: WAVE }, first: 1) { edges { node { id name } } } }`,
      {},
      login.accessToken,
    );
    const wave = waves.edges[0].node;

    const manager = await session.open();
    const page = manager.page;
    await logIn(page, 'manager@demo.test');
    await page.goto(`/waves/${wave.id}`);
    await page.getByTestId('own-discussion').click();
    const form = page.getByTestId('discussion-form');
    await form.waitFor();
    expect(page.url()).toMatch(new RegExp(`/waves/${wave.id}/teams/[0-9a-f-]+/discussion$`));
    discussionPath = new URL(page.url()).pathname;
    await form.locator('input[name="participants"]').fill('6');
    await form.locator('textarea[name="notes"]').fill('We read the comments together and agreed on two changes.');
    for (const [i, action] of ACTIONS.entries()) {
      await form.getByTestId('add-action').click();
      await form.locator(`input[name="action-${i}-title"]`).fill(action.title);
      await form.locator(`input[name="action-${i}-due"]`).fill(action.due);
    }
    await screenshot(page, 'team-discussion-form-desktop');
    await form.locator('button[type="submit"]').click();
    const agreed = page.getByTestId('discussion-actions');
    await agreed.getByText(ACTIONS[1].title).waitFor();
    await page.getByTestId('discussion-held').waitFor();
    expect(await agreed.locator('li').count()).toBe(2);
    await screenshot(page, 'team-discussion-desktop', 'team-discussion');

    // The improvements board: both actions, proposed, with their due dates in the reader's language.
    const lang = await page.evaluate(() => document.documentElement.lang || 'en');
    const shown = (d: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
    await page.goto('/improvements');
    const board = page.getByTestId('improvement-board');
    await board.waitFor();
    for (const action of ACTIONS) {
      const card = board.locator(`[data-status="PROPOSED"] [data-improvement="${action.title}"]`);
      await card.waitFor();
      expect(await card.textContent()).toContain(shown(action.due));
    }
    expect(manager.errors).toEqual([]);
  });

  it('shows the programme news and the discussion in English, in Polish and on a phone', async () => {
    for (const [email, name] of [
      ['leader@demo.test', 'en'],
      ['manager@demo.test', 'pl'],
    ] as const) {
      const { page, errors } = await session.open();
      await logIn(page, email);
      if (name !== 'en') await page.locator('.language-switcher select').first().selectOption(name);
      await page.goto('/news');
      await page.getByTestId('news-coverage-total').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(name === 'en' ? 'Programme news' : 'Wiadomości z programu');
      await screenshot(page, `news-desktop-${name}`);
      if (name === 'pl') {
        await page.goto(discussionPath);
        await page.getByTestId('discussion-actions').waitFor();
        await screenshot(page, 'team-discussion-desktop-pl');
      }
      expect(errors).toEqual([]);
    }
    // Logged in at desktop width (the phone's menu hides the session name), then narrowed.
    const phone = await session.open();
    await logIn(phone.page, 'cx@demo.test');
    await phone.page.setViewportSize(PHONE);
    await phone.page.goto('/news');
    await phone.page.getByTestId('news-coverage-total').waitFor();
    expect(await fitsWidth(phone.page)).toBe(true);
    await screenshot(phone.page, 'news-phone');
    await phone.page.goto(discussionPath);
    await phone.page.getByTestId('discussion-actions').waitFor();
    expect(await fitsWidth(phone.page)).toBe(true);
    await screenshot(phone.page, 'team-discussion-phone');
    await phone.page.goto('/board');
    await phone.page.getByTestId('board-discussions').waitFor();
    await screenshot(phone.page, 'board-discussions-phone');
  });
});
