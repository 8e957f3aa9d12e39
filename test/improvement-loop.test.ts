import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, graphql } from './support/server.js';
import { PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Closing the loop in the browser: CX opens a detractor's follow-up, turns it into an improvement,
// moves it PROPOSED → PLANNED → IN_PROGRESS → IMPLEMENTED on the improvements board (with a note),
// shares the wave's "you said, we did" link, and a visitor who is not logged in sees the
// improvement there — in English, in Polish, and on a phone — with nothing of the respondent.

const runBrowserTests = requireChromium();
const TITLE = 'Call back night-shift clients within one working day';

describe.skipIf(!runBrowserTests)('from a detractor to "you said, we did"', () => {
  const session = browserSession();

  it('turns a follow-up into an improvement, implements it and publishes it', async () => {
    const { server } = session;
    const { login } = await graphql<{ login: { accessToken: string } }>(
      server,
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email: 'cx@demo.test', password: DEMO_PASSWORD },
    );
    // The demo's open follow-up of David Wilson, a detractor in the current customer wave.
    const { followUps } = await graphql<{ followUps: { edges: { node: { id: string; wave: { id: string; name: string }; response: { reason: string } } }[] } }>(
      server,
      `{ followUps(filter: { status: OPEN }, first: 50) { edges { node { id wave { id name } response { reason } } } } }`,
      {},
      login.accessToken,
    );
    const followUp = followUps.edges.map((e) => e.node).find((f) => f.response.reason?.startsWith('Nobody returned my calls'));
    expect(followUp).toBeDefined();
    const secret = followUp!.response.reason;

    // --- CX: the follow-up, turned into an improvement ------------------------------------------
    const cx = await session.open();
    await logIn(cx.page, 'cx@demo.test');
    await cx.page.goto(`/follow-ups?open=${followUp!.id}`);
    const detail = cx.page.getByTestId('follow-up-detail');
    await detail.waitFor();
    await detail.getByRole('button', { name: 'Turn into improvement' }).click();
    const title = detail.getByLabel('Title');
    expect(await title.inputValue()).toBe(secret);
    await title.fill(TITLE);
    await detail.getByRole('button', { name: 'Create improvement' }).click();
    await cx.page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await cx.page.getByTestId('improvement-status').textContent()).toBe('Proposed');
    await cx.page.getByText(secret).first().waitFor(); // the linked response, for CX
    await cx.page.getByRole('link', { name: followUp!.wave.name }).waitFor();

    // --- the board: three moves, each from the buttons the state allows -------------------------
    await cx.page.getByRole('link', { name: 'All improvements' }).click();
    const board = cx.page.getByTestId('improvement-board');
    await board.waitFor();
    const card = (status: string) => board.locator(`[data-status="${status}"] [data-improvement="${TITLE}"]`);
    await card('PROPOSED').waitFor();
    expect(await card('PROPOSED').locator('[data-move]').evaluateAll((els) => els.map((e) => e.getAttribute('data-move')))).toEqual(['PLANNED', 'REJECTED']);
    for (const [from, to, note] of [
      ['PROPOSED', 'PLANNED', ''],
      ['PLANNED', 'IN_PROGRESS', 'Night-shift hotline staffed from Monday'],
      ['IN_PROGRESS', 'IMPLEMENTED', 'Every missed call is returned the same day'],
    ] as const) {
      await card(from).locator(`[data-move="${to}"]`).click();
      if (note) await card(from).getByRole('textbox').fill(note);
      await card(from).locator('[data-confirm-move]').click();
      await card(to).waitFor();
    }
    expect(await card('IMPLEMENTED').locator('[data-move]').evaluateAll((els) => els.map((e) => e.getAttribute('data-move')))).toEqual(['VERIFIED']);
    await screenshot(cx.page, 'improvements-board-desktop-en', 'improvements-board');

    // The improvement page: the history with the notes, and the effect (measured from today on).
    await card('IMPLEMENTED').getByRole('link', { name: TITLE }).click();
    await cx.page.getByTestId('improvement-effect').waitFor();
    await cx.page.getByText('Every missed call is returned the same day').waitFor();
    // Implemented today: no answers after it yet, so too early to tell, with the rule stated.
    await cx.page.getByTestId('effect-change').getByText('Too early to tell').waitFor();
    expect(await cx.page.getByTestId('effect-too-early').textContent()).toContain('at least 10 answers');
    // Editing: the title per language, the due date; the page shows the title in the reader's language.
    await cx.page.getByRole('button', { name: `Edit ${TITLE}` }).click();
    const edit = cx.page.getByTestId('improvement-edit');
    await edit.getByLabel('Polski').fill('Oddzwaniamy w ciągu jednego dnia');
    await edit.getByLabel('Due date').fill('2031-01-31');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await cx.page.locator('.language-switcher select').first().selectOption('pl');
    await cx.page.getByRole('heading', { name: 'Oddzwaniamy w ciągu jednego dnia', level: 1 }).waitFor();
    await cx.page.locator('.language-switcher select').first().selectOption('en');
    await cx.page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await screenshot(cx.page, 'improvement-page-desktop-en');

    // --- the wave page: share "you said, we did" --------------------------------------------------
    await cx.page.goto(`/waves/${followUp!.wave.id}`);
    await cx.page.getByRole('button', { name: 'Share "you said, we did"' }).click();
    const link = cx.page.getByTestId('you-said-link');
    await link.waitFor();
    const path = await link.getAttribute('href');
    expect(path).toMatch(/^\/you-said-we-did\/[A-Za-z0-9_-]{43}$/);
    expect(cx.errors).toEqual([]);

    // --- a visitor without a login ---------------------------------------------------------------
    const visitor = await session.open();
    await visitor.page.goto(path!);
    const page = visitor.page.getByTestId('you-said-we-did');
    await page.waitFor();
    await visitor.page.getByRole('heading', { name: 'You said, we did', level: 1 }).waitFor();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const text = (await page.textContent()) ?? '';
    // The public title (here the neutral default), never the internal wave name.
    expect(text).toContain('Feedback survey');
    expect(text).not.toContain(followUp!.wave.name);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('David');
    expect(text).not.toContain('Carlos');
    expect(await visitor.page.getByTestId('session-name').count()).toBe(0);
    await screenshot(visitor.page, 'you-said-we-did-desktop-en');

    await visitor.page.getByLabel('Language').selectOption('pl');
    await visitor.page.getByRole('heading', { name: 'Powiedzieliście, zrobiliśmy', level: 1 }).waitFor();
    // The title as translated on the improvement page above.
    await page.getByRole('heading', { name: 'Oddzwaniamy w ciągu jednego dnia' }).waitFor();
    await screenshot(visitor.page, 'you-said-we-did-desktop-pl');
    expect(visitor.errors).toEqual([]);

    const phone = await session.open({ viewport: PHONE });
    await phone.page.goto(path!);
    await phone.page.getByTestId('you-said-we-did').getByRole('heading', { name: TITLE }).waitFor();
    await expect.poll(() => fitsWidth(phone.page), { timeout: 5_000 }).toBe(true);
    await screenshot(phone.page, 'you-said-we-did-phone-en');

    // The demo's improvement implemented two months ago: its effect has numbers on both sides.
    await cx.page.goto('/improvements');
    await cx.page.getByRole('link', { name: 'Confirm every shift by text the day before' }).click();
    const effect = cx.page.getByTestId('improvement-effect');
    await effect.waitFor();
    await effect.getByText(/95 % interval/).first().waitFor();
    expect(await effect.getByText(/95 % interval/).count()).toBe(2);
    await screenshot(cx.page, 'improvement-effect-desktop-en', 'improvement-page');
    expect(cx.errors).toEqual([]);

    // A manager who works in Polish, on a phone: the board in one column, nothing wider than the screen.
    const marta = await session.open();
    await logIn(marta.page, 'manager@demo.test');
    await marta.page.getByLabel('Language').selectOption('pl');
    await marta.page.setViewportSize(PHONE);
    await marta.page.goto('/improvements');
    await marta.page.getByRole('heading', { name: 'Usprawnienia', level: 1 }).waitFor();
    await marta.page.getByTestId('improvement-board').locator(`[data-improvement="${TITLE}"]`).waitFor();
    await expect.poll(() => fitsWidth(marta.page), { timeout: 5_000 }).toBe(true);
    await screenshot(marta.page, 'improvements-board-phone-pl');
    expect(marta.errors).toEqual([]);

    // An altered link finds nothing, and says so.
    await phone.page.goto(`${path!.slice(0, -3)}xyz`);
    await phone.page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    expect(phone.errors).toEqual([]);
  });
});
