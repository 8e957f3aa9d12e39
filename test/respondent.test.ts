import { describe, expect, it } from 'vitest';
import { PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';
import { mailsTo, surveyPath } from './support/mail.js';

// The identified survey cycle in the browser: a CX user creates and opens a customer wave,
// imports contacts by CSV and invites them; a Polish customer answers from the link in their
// mail, on a phone, with the keyboard; the wave counts the answer; the owner (a manager) finds
// the detractor in "My follow-ups", adds a note and marks it contacted.

const runBrowserTests = requireChromium();

const POLISH_EMAIL = 'zofia.e2e@klient-pl.example';
const POLISH_NAME = 'Zofia Wąsowska';
const CSV = [
  'email,name,language,owner_email,org_unit,region',
  `${POLISH_EMAIL},${POLISH_NAME},pl,manager@demo.test,Sales EU,EU`,
  'oliver.e2e@client-uk.example,Oliver Grant,en,,,UK',
].join('\n');
const POLISH_QUESTION = 'Jak prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?';
const POLISH_COMMENT = 'Dostawa spóźniła się o dwa tygodnie, a nikt nas nie uprzedził.';


describe.skipIf(!runBrowserTests)('a customer wave from contact import to the first reaction', () => {
  const session = browserSession();
  const open = session.open;

  it('runs from the wave to the detractor’s follow-up', async () => {
    const { server } = session;
    const waveName = `E2E customer wave ${Date.now().toString(36)}`;

    // --- CX: create the wave in the browser, open it ---------------------------------------
    const cx = await open();
    await logIn(cx.page, 'cx@demo.test');
    const nav = cx.page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Waves' }).click();
    await cx.page.getByRole('heading', { name: 'Waves', level: 1 }).waitFor();
    await cx.page.getByRole('button', { name: 'New wave' }).click();
    const form = cx.page.locator('#new-wave');
    await form.getByLabel('Name', { exact: true }).fill(waveName);
    await form.getByLabel('Audience').selectOption('CUSTOMER');
    expect(await form.getByLabel('Audience').locator('option').allTextContents()).toEqual(['Customers', 'Candidates', 'Associates']);
    await form.getByRole('button', { name: 'Create wave' }).click();
    await cx.page.waitForURL(/\/waves\/[0-9a-f-]{36}$/);
    const wavePath = new URL(cx.page.url()).pathname;
    await cx.page.getByRole('heading', { name: waveName, level: 1 }).waitFor();
    await cx.page.getByTestId('wave-status').filter({ hasText: 'Draft' }).waitFor();
    // A draft's question texts are editable, per language.
    await cx.page.getByRole('button', { name: 'Polski' }).click();
    expect(await cx.page.getByLabel('Likelihood to recommend (0–10)').inputValue()).toBe(POLISH_QUESTION);
    await cx.page.getByRole('button', { name: 'Open wave' }).click();
    await cx.page.getByTestId('wave-status').filter({ hasText: 'Open' }).waitFor();

    // --- CX: import two contacts by CSV --------------------------------------------------------
    await nav.getByRole('link', { name: 'Contacts' }).click();
    await cx.page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await cx.page.getByRole('button', { name: 'Import from CSV' }).click();
    // A bad file imports nothing and says which line is wrong.
    await cx.page.getByLabel('Or paste the CSV text').fill(`${CSV}\nnot-an-email,Nobody,xx,,,`);
    await cx.page.getByRole('button', { name: 'Check the file' }).click();
    await cx.page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).waitFor();
    const errorRows = cx.page.getByTestId('import-errors').locator('tbody tr');
    expect(await errorRows.first().locator('td').first().textContent()).toBe('4');
    await screenshot(cx.page, 'contacts-import-errors-desktop-en');
    await cx.page.getByLabel('Or paste the CSV text').fill(CSV);
    // The check lists who is added; nothing is written before the confirmation.
    await cx.page.getByRole('button', { name: 'Check the file' }).click();
    await cx.page.getByTestId('preview-added').filter({ hasText: 'Adds 2 people' }).waitFor();
    await cx.page.getByTestId('confirm-import').click();
    await cx.page.getByTestId('import-result').filter({ hasText: '2 contacts imported.' }).waitFor();
    await cx.page.getByRole('cell', { name: 'Sales EU' }).first().waitFor();
    await cx.page.getByRole('rowheader', { name: new RegExp(POLISH_NAME) }).waitFor();
    // The owner choice offers the organization's managers (users(role: MANAGER)).
    await cx.page.getByRole('button', { name: 'Add a contact' }).click();
    expect(await cx.page.getByLabel('Owner').locator('option').allTextContents()).toContain('Marta Nowak (manager@demo.test)');
    await cx.page.getByRole('button', { name: 'Cancel' }).click();

    // --- CX: invite all, confirmed in a dialog ----------------------------------------------------
    await cx.page.goto(wavePath);
    await cx.page.getByRole('heading', { name: waveName, level: 1 }).waitFor();
    await cx.page.getByRole('radio', { name: 'All contacts' }).check();
    await cx.page.getByTestId('invite-count').waitFor();
    await cx.page.getByRole('button', { name: 'Send invitations' }).click();
    await cx.page.getByTestId('confirm-dialog-confirm').click();
    const batch = cx.page.getByTestId('invite-result');
    await batch.waitFor();
    expect(await batch.textContent()).toMatch(/\d+ invitations? queued\./);
    // A background job mails them; the wave's mail card follows it to the end, then the invited count is read again.
    await cx.page.locator('[data-testid="wave-mailing"][data-state="DONE"]').waitFor({ timeout: 20_000 });
    await cx.page.getByTestId('stat-invited').filter({ hasText: /^(?:[2-9]|\d{2,})$/ }).waitFor();

    // --- The Polish customer's mail, and the link in it -------------------------------------------
    const mails = await mailsTo(server.outboxDir, POLISH_EMAIL);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.headers['content-language']).toBe('pl');
    const link = surveyPath(mails[0]!);
    const englishLink = surveyPath((await mailsTo(server.outboxDir, 'oliver.e2e@client-uk.example'))[0]!);

    // --- The respondent, on a phone, without an account ---------------------------------------
    const respondent = await open({ viewport: PHONE, locale: 'en-US' });
    const page = respondent.page;
    await page.goto(link);
    // The wave's public title (here the neutral default), never its internal name.
    await page.getByRole('heading', { name: 'Ankieta opinii', level: 1 }).waitFor();
    await page.getByText(POLISH_QUESTION).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);
    expect(await page.getByTestId('session-name').count()).toBe(0);
    const scale = page.getByRole('radiogroup', { name: POLISH_QUESTION });
    const radios = scale.getByRole('radio');
    expect(await radios.count()).toBe(11);
    await scale.getByRole('radio', { name: '0 – zupełnie nieprawdopodobne' }).waitFor();
    await scale.getByRole('radio', { name: '10 – bardzo prawdopodobne' }).waitFor();
    // Big enough to tap, and the scale wraps rather than overflowing the phone.
    for (const box of await radios.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await expect.poll(() => fitsWidth(page), { timeout: 5_000 }).toBe(true);
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).waitFor();
    await screenshot(page, 'respondent-phone-pl', 'respondent-phone-pl');

    // The language switch offers the wave's languages; the texts and the page's own words follow it.
    const language = page.getByLabel('Język');
    expect(await language.locator('option').allTextContents()).toEqual(['English', 'Polski', 'Dansk', 'Русский', 'Slovenščina']);
    await language.selectOption('en');
    await page.getByText('How likely is it that you would recommend us to a friend or colleague?').waitFor();
    await page.getByRole('button', { name: 'Send my answer' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Language').selectOption('pl');
    await page.getByText(POLISH_QUESTION).waitFor();

    // Keyboard only: Tab into the scale, Space checks 0, arrows move to 3.
    await page.getByRole('heading', { name: 'Ankieta opinii', level: 1 }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-value'))).toBe('0');
    await page.keyboard.press('Space');
    expect(await radios.nth(0).getAttribute('aria-checked')).toBe('true');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-value'))).toBe('3');
    expect(await radios.nth(3).getAttribute('aria-checked')).toBe('true');
    expect(await radios.nth(0).getAttribute('aria-checked')).toBe('false');
    expect(await scale.getByRole('radio', { checked: true }).count()).toBe(1);
    await page.keyboard.press('Tab');
    const reason = page.getByLabel('Jaki jest główny powód Twojej oceny?');
    expect(await reason.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.type(POLISH_COMMENT);
    await page.getByText(`${[...POLISH_COMMENT].length} / 5000 znaków`).waitFor();
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await page.getByRole('heading', { name: 'Dziękujemy!' }).waitFor();
    await screenshot(page, 'respondent-thanks-phone-pl');

    // The link works once: opened again, it says the first answer is kept.
    await page.reload();
    await page.getByRole('heading', { name: 'Już udzielono odpowiedzi' }).waitFor();
    await page.getByText('Zachowujemy Twoją pierwszą odpowiedź').waitFor();
    // A link we do not know says so.
    await page.goto(`/s/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    expect(respondent.errors).toEqual([]);

    // --- CX: the answer counts on the wave page ------------------------------------------------
    await cx.page.reload();
    await cx.page.getByRole('heading', { name: waveName, level: 1 }).waitFor();
    await cx.page.getByTestId('stat-responded').filter({ hasText: /^1$/ }).waitFor();
    expect(await cx.page.getByTestId('stat-nps').textContent()).toBe('-100');
    expect(await cx.page.getByTestId('stat-band').textContent()).toBe('Needs work');
    await cx.page.getByText(POLISH_COMMENT).waitFor();
    await screenshot(cx.page, 'wave-page-desktop-en', 'wave-page');
    expect(cx.errors).toEqual([]);

    // --- The manager: "My follow-ups", a note, contacted --------------------------------------------
    const manager = await open();
    await logIn(manager.page, 'manager@demo.test');
    await manager.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Follow-ups' }).click();
    await manager.page.getByRole('heading', { name: 'My follow-ups', level: 1 }).waitFor();
    const card = manager.page.getByRole('article', { name: POLISH_NAME });
    await card.getByText(POLISH_COMMENT).waitFor();
    await card.getByText('Open', { exact: true }).waitFor();
    expect(await card.locator('.score-chip').textContent()).toContain('3');
    await card.getByRole('button', { name: `Open ${POLISH_NAME}` }).click();
    const detail = manager.page.getByTestId('follow-up-detail');
    await detail.getByRole('heading', { name: POLISH_NAME }).waitFor();
    await detail.getByLabel('Add a note').fill('Zadzwoniłam do klientki: przeprosiłam, nowy termin dostawy potwierdzony.');
    await detail.getByRole('button', { name: 'Add note' }).click();
    await detail.getByRole('status').filter({ hasText: 'Note added.' }).waitFor();
    await detail.getByText('nowy termin dostawy potwierdzony').waitFor();
    await detail.getByRole('button', { name: 'Mark as contacted' }).click();
    await detail.getByRole('status').filter({ hasText: 'Marked as Contacted.' }).waitFor();
    expect(await detail.locator('[aria-current="step"]').textContent()).toContain('Contacted');
    await card.getByText('Contacted', { exact: true }).waitFor();
    expect(await detail.getByRole('button', { name: 'Mark as contacted' }).count()).toBe(0);
    await screenshot(manager.page, 'follow-ups-desktop-en', 'follow-ups');
    // A filter that leaves it off the list keeps it open: the panel loads it by its id (followUp(id)).
    await manager.page.getByLabel('Status').selectOption('RESOLVED');
    await card.waitFor({ state: 'detached' });
    await detail.getByRole('heading', { name: POLISH_NAME }).waitFor();
    expect(await detail.locator('[aria-current="step"]').textContent()).toContain('Contacted');
    expect(manager.errors).toEqual([]);

    // --- CX closes the wave: the other customer's link now says the survey is closed -----------
    await cx.page.getByRole('button', { name: 'Close wave' }).click();
    await cx.page.getByRole('button', { name: 'Yes, close it' }).click();
    await cx.page.getByTestId('wave-status').filter({ hasText: 'Closed' }).waitFor();
    await cx.page.getByText('The wave is closed: no more invitations or reminders.').waitFor();
    const late = await open({ viewport: PHONE });
    await late.page.goto(englishLink);
    await late.page.getByRole('heading', { name: 'This survey is closed' }).waitFor();
    expect(await late.page.getByRole('radio').count()).toBe(0);
    expect(late.errors).toEqual([]);
    expect(cx.errors).toEqual([]);
  });
});
