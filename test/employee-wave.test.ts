import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { DEMO_PASSWORD, graphql } from './support/server.js';
import { PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';
import { allMails, recipientOf, surveyPath, type OutboxMail } from './support/mail.js';

// An anonymous employee wave end to end in the browser: HR imports a roster of 12 (8 in Operations,
// 4 in Recruitment), creates and opens an EMPLOYEE wave and invites everyone; each employee answers
// from the link in their mail (a Slovenian on a phone and a Dane in the real survey page, the rest
// over HTTP). While the wave runs HR sees participation only — no eNPS, no comment, no group — with
// a note that results appear when the wave closes. HR closes the wave, and the release shows the
// eNPS of the whole wave with its interval, band and distribution; both teams hidden in the org-unit
// tree (4 answers with k = 5: Recruitment is too small; Operations would be the total minus it, so it
// is hidden to protect the smaller group), never with a number; the comments and theme mentions of
// the whole wave, undated; and no email or name anywhere.

const runBrowserTests = requireChromium();

interface RosterRow {
  email: string;
  name: string;
  language: 'en' | 'pl' | 'da' | 'ru' | 'sl';
  unit: 'Operations' | 'Recruitment';
  location: string;
  tenure: string;
  score: number;
  reason?: string;
}

const person = (
  email: string,
  name: string,
  language: RosterRow['language'],
  unit: RosterRow['unit'],
  location: string,
  tenure: string,
  score: number,
  reason?: string,
): RosterRow => ({ email: `${email}@e2e-roster.example`, name, language, unit, location, tenure, score, ...(reason ? { reason } : {}) });

const SLOVENIAN_COMMENT = 'Ekipa je odlična, a uvajanje novih sodelavcev traja predolgo.';
const DANISH_COMMENT = 'Gode kolleger, men vi mangler tid til at lære nye værktøjer.';

const ROSTER: RosterRow[] = [
  person('jana.novak', 'Jana Novak', 'sl', 'Operations', 'Ljubljana', '1-3y', 9, SLOVENIAN_COMMENT),
  person('marko.kralj', 'Marko Kralj', 'sl', 'Operations', 'Ljubljana', '3y+', 10, 'E2E: the new shift planning finally works.'),
  person('katja.bizjak', 'Katja Bizjak', 'sl', 'Operations', 'Ljubljana', '<1y', 7),
  person('freja.holm', 'Freja Holm', 'da', 'Operations', 'Copenhagen', '1-3y', 8, DANISH_COMMENT),
  person('oskar.dahl', 'Oskar Dahl', 'da', 'Operations', 'Copenhagen', '3y+', 9),
  person('piotr.wojcik', 'Piotr Wójcik', 'pl', 'Operations', 'Warsaw', '1-3y', 6, 'E2E: za dużo nadgodzin w tym kwartale.'),
  person('emma.reid', 'Emma Reid', 'en', 'Operations', 'Copenhagen', '<1y', 10),
  person('ivan.petrov', 'Ivan Petrov', 'ru', 'Operations', 'Warsaw', '3y+', 9),
  person('sara.lind', 'Sara Lind', 'da', 'Recruitment', 'Copenhagen', '1-3y', 10, 'E2E: great mentoring from the team lead.'),
  person('tomasz.nowak', 'Tomasz Nowak', 'pl', 'Recruitment', 'Warsaw', '<1y', 3),
  person('nika.zajc', 'Nika Zajc', 'sl', 'Recruitment', 'Ljubljana', '3y+', 9),
  person('olga.smirnova', 'Olga Smirnova', 'ru', 'Recruitment', 'Warsaw', '1-3y', 8),
];
const CSV = [
  'email,name,language,org_unit,location,tenure_band',
  ...ROSTER.map((p) => [p.email, p.name, p.language, p.unit, p.location, p.tenure].join(',')),
].join('\n');
const IN_BROWSER = new Set(['jana.novak@e2e-roster.example', 'freja.holm@e2e-roster.example']);

/** The plain NPS of the scores, as the page shows it: "+42". */
function expectedNps(scores: number[]): string {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const nps = Math.round((100 * (promoters - detractors)) / scores.length);
  return nps > 0 ? `+${nps}` : String(nps);
}


describe.skipIf(!runBrowserTests)('an anonymous employee wave, run by HR in the browser', () => {
  const session = browserSession();
  const open = session.open;

  it('imports the roster, invites, collects 12 answers and shows only what anonymity allows', async () => {
    const { server } = session;
    const waveName = `E2E eNPS ${Date.now().toString(36)}`;
    const { login } = await graphql<{ login: { accessToken: string } }>(
      server,
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email: 'hr@demo.test', password: DEMO_PASSWORD },
    );
    const rosterCount = async (active: boolean) =>
      (
        await graphql<{ employees: { totalCount: number } }>(
          server,
          'query ($active: Boolean) { employees(filter: { active: $active }) { totalCount } }',
          { active },
          login.accessToken,
        )
      ).employees.totalCount;
    // The demo roster (if the seed has one): every current employee on it leaves with the import.
    const [activeBefore, leftBefore] = [await rosterCount(true), await rosterCount(false)];

    // --- HR: the roster import, a bad file first -------------------------------------------------
    const hr = await open();
    await logIn(hr.page, 'hr@demo.test');
    const nav = hr.page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Employees' }).click();
    await hr.page.getByRole('heading', { name: 'Employees', level: 1 }).waitFor();
    await hr.page.getByRole('button', { name: 'Import the roster (CSV)' }).click();
    await hr.page.getByText('The file is the whole roster').waitFor();
    await hr.page.getByLabel('Or paste the CSV text').fill(`${CSV}\nghost@e2e-roster.example,Ghost,en,Atlantis,,`);
    await hr.page.getByRole('button', { name: 'Check the file' }).click();
    await hr.page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).waitFor();
    const errorRow = hr.page.getByTestId('import-errors').locator('tbody tr').first();
    expect(await errorRow.locator('td').first().textContent()).toBe(String(ROSTER.length + 2));
    expect(await errorRow.locator('td').nth(1).textContent()).toBe('org_unit');
    await hr.page.getByLabel('Or paste the CSV text').fill(CSV);
    // The check names who is added and who would leave; leavers need an acknowledgement.
    await hr.page.getByRole('button', { name: 'Check the file' }).click();
    await hr.page.getByTestId('preview-added').filter({ hasText: `Adds ${ROSTER.length} people` }).waitFor();
    if (activeBefore > 0) await hr.page.getByTestId('acknowledge-leavers').check();
    await hr.page.getByTestId('confirm-import').click();
    const result = hr.page.getByTestId('import-result');
    await result.filter({ hasText: `${ROSTER.length} employees imported.` }).waitFor();
    expect(await result.getByTestId('import-created').textContent()).toBe(`New employees: ${ROSTER.length}`);
    expect(await result.getByTestId('import-updated').textContent()).toBe('Updated: 0');
    expect(await result.getByTestId('import-deactivated').textContent()).toBe(`${activeBefore} ${activeBefore === 1 ? 'leaver' : 'leavers'} marked inactive`);
    await hr.page.getByLabel('Status').selectOption('active');
    await hr.page.getByTestId('employees-count').filter({ hasText: `${ROSTER.length} employees` }).waitFor();
    const row = hr.page.getByRole('row', { name: /Jana Novak/ });
    await row.getByRole('cell', { name: 'Operations' }).waitFor();
    await row.getByRole('cell', { name: 'Ljubljana' }).waitFor();
    await row.getByRole('cell', { name: '1-3y' }).waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    await screenshot(hr.page, 'employees-import-desktop-en', 'employees-import');
    await hr.page.getByLabel('Status').selectOption('left');
    const leavers = activeBefore + leftBefore;
    await hr.page.getByTestId('employees-count').filter({ hasText: `${leavers} employee${leavers === 1 ? '' : 's'}` }).waitFor();
    if (leavers > 0) expect(await hr.page.getByTestId('employees-table').getByText('Left', { exact: true }).count()).toBeGreaterThan(0);
    else await hr.page.getByText('No employees match.').waitFor();

    // --- HR: a new employee wave, opened, everyone invited ---------------------------------------
    await nav.getByRole('link', { name: 'Waves' }).click();
    await hr.page.getByRole('button', { name: 'New wave' }).click();
    const form = hr.page.locator('#new-wave');
    await form.getByLabel('Name', { exact: true }).fill(waveName);
    expect(await form.getByLabel('Audience').locator('option').allTextContents()).toEqual(['Employees']);
    await form.getByRole('button', { name: 'Create wave' }).click();
    await hr.page.waitForURL(/\/waves\/[0-9a-f-]{36}$/);
    await hr.page.getByRole('heading', { name: waveName, level: 1 }).waitFor();
    await hr.page.getByRole('button', { name: 'Open wave' }).click();
    await hr.page.getByTestId('wave-status').filter({ hasText: 'Open' }).waitFor();
    await hr.page.getByTestId('invite-count').filter({ hasText: String(ROSTER.length) }).waitFor();
    await hr.page.getByRole('button', { name: 'Send invitations' }).click();
    await hr.page.getByTestId('confirm-dialog-confirm').click();
    await hr.page.getByTestId('invite-result').filter({ hasText: `${ROSTER.length} employees invited.` }).waitFor();
    await hr.page.getByTestId('remind-note').filter({ hasText: 'nobody, you included, can see who' }).waitFor();
    // Reminders go out at most once a day, for the whole wave: not on the day of the invitations.
    await hr.page.getByRole('button', { name: 'Send reminders' }).click();
    await hr.page.getByTestId('remind-result').filter({ hasText: 'No reminders sent: this wave was already mailed today.' }).waitFor();
    // While the wave runs: participation only, and a note that results come when it closes.
    const participation = hr.page.getByTestId('participation');
    await participation.getByTestId('results-pending').filter({ hasText: 'Results appear when the wave closes' }).waitFor();
    expect(await participation.getByTestId('participation-counts').textContent()).toBe(`0 of ${ROSTER.length} answered`);
    // Recruitment (4 invited) is under k: neither team has a row, since Operations would be the rest.
    expect(await participation.getByText('Operations').count()).toBe(0);
    expect(await participation.getByText('Recruitment').count()).toBe(0);
    for (const testId of ['stat-nps', 'breakdown', 'employee-comments', 'employee-themes', 'release-summary']) {
      expect(await hr.page.getByTestId(testId).count(), testId).toBe(0);
    }
    await screenshot(hr.page, 'employee-wave-hr-before-answers-desktop-en');

    // --- The links in the outbox: one per employee, named by nobody in the file name --------------
    const emails = new Set(ROSTER.map((p) => p.email));
    const mails = (await allMails(server.outboxDir)).filter((mail) => emails.has(recipientOf(mail)));
    expect(mails).toHaveLength(ROSTER.length);
    const byEmail = new Map<string, OutboxMail>(mails.map((mail) => [recipientOf(mail), mail]));
    expect([...byEmail.keys()].sort()).toEqual([...emails].sort());
    expect(byEmail.get('jana.novak@e2e-roster.example')!.headers['content-language']).toBe('sl');
    for (const mail of mails) expect(mail.file).not.toContain('e2e-roster');
    const link = (email: string) => surveyPath(byEmail.get(email)!);

    // --- A Slovenian employee on a phone: what is stored and what is not ---------------------------
    const jana = await open({ viewport: PHONE });
    await jana.page.goto(link('jana.novak@e2e-roster.example'));
    // Respondents read the wave's public title (here the neutral default), never its internal name.
    await jana.page.getByRole('heading', { name: 'Anketa o mnenju', level: 1 }).waitFor();
    expect(await jana.page.evaluate(() => document.documentElement.lang)).toBe('sl');
    const note = jana.page.getByTestId('anonymity-note');
    await note.getByRole('heading', { name: 'Vaš odgovor je anonimen' }).waitFor();
    await note.getByText('Vaš odgovor shranimo brez vašega imena, e-poštnega naslova in časa odgovora').waitFor();
    await note.getByText('Rezultati so prikazani samo za skupine z vsaj 5 osebami.').waitFor();
    expect(await note.getByTestId('not-stored').locator('li').allTextContents()).toContain('Datuma in ure odgovora');
    expect(await note.getByTestId('not-stored').locator('li').allTextContents()).toContain('Vašega imena in e-poštnega naslova');
    await note.getByRole('heading', { name: 'Kaj shranimo' }).waitFor();
    await note.getByRole('heading', { name: 'Česa ne shranimo skupaj z odgovorom' }).waitFor();
    await expect.poll(() => fitsWidth(jana.page), { timeout: 5_000 }).toBe(true);
    await screenshot(jana.page, 'employee-survey-phone-sl', 'employee-survey-phone-sl');
    await jana.page.locator('.score-button[data-value="9"]').click();
    await jana.page.locator('textarea').first().fill(SLOVENIAN_COMMENT);
    await jana.page.locator('button[type="submit"]').click();
    await jana.page.getByText('Vaš odgovor je anonimno zabeležen.').waitFor();
    expect(jana.errors).toEqual([]);

    // --- A Danish employee on a desktop ------------------------------------------------------------
    const freja = await open();
    await freja.page.goto(link('freja.holm@e2e-roster.example'));
    await freja.page.getByRole('heading', { name: 'Feedbackundersøgelse', level: 1 }).waitFor();
    await freja.page.getByTestId('anonymity-note').getByRole('heading', { name: 'Det gemmer vi', exact: true }).waitFor();
    await freja.page.getByText('Resultater vises kun for grupper på mindst 5 personer.', { exact: false }).waitFor();
    await screenshot(freja.page, 'employee-survey-desktop-da');
    await freja.page.locator('.score-button[data-value="8"]').click();
    await freja.page.locator('textarea').first().fill(DANISH_COMMENT);
    await freja.page.locator('button[type="submit"]').click();
    await freja.page.getByText('Dit svar er registreret anonymt.').waitFor();
    expect(freja.errors).toEqual([]);

    // --- Everyone else over HTTP -------------------------------------------------------------------
    for (const p of ROSTER.filter((r) => !IN_BROWSER.has(r.email))) {
      const token = link(p.email).slice('/s/'.length);
      const answered = await graphql<{ submitResponse: { ok: boolean } }>(
        server,
        'mutation ($token: String!, $input: ResponseInput!) { submitResponse(token: $token, input: $input) { ok } }',
        { token, input: { score: p.score, reason: p.reason ?? null, language: p.language } },
      );
      expect(answered.submitResponse.ok).toBe(true);
    }

    // --- HR: while the wave runs, still participation only ---------------------------------------------
    // The list shows the response rate and says when the eNPS comes.
    await nav.getByRole('link', { name: 'Waves' }).click();
    const listRow = hr.page.getByRole('row', { name: new RegExp(waveName) });
    await listRow.getByText('100%').waitFor();
    await listRow.getByText('When closed').waitFor();
    await listRow.getByRole('link', { name: waveName }).click();
    await hr.page.getByRole('heading', { name: waveName, level: 1 }).waitFor();
    await hr.page.getByTestId('stage-analysis').filter({ hasText: 'Counted at release' }).waitFor();
    await participation.getByTestId('participation-counts').filter({ hasText: `${ROSTER.length} of ${ROSTER.length} answered` }).waitFor();
    await participation.getByTestId('results-pending').waitFor();
    for (const testId of ['stat-nps', 'breakdown', 'employee-comments', 'employee-themes', 'release-summary']) {
      expect(await hr.page.getByTestId(testId).count(), testId).toBe(0);
    }
    await screenshot(hr.page, 'employee-wave-hr-open-desktop-en');

    // --- HR closes the wave: its release is made once, and shown ---------------------------------------
    await hr.page.getByRole('button', { name: 'Close wave' }).click();
    await hr.page.getByRole('button', { name: 'Yes, close it' }).click();
    await hr.page.getByTestId('wave-status').filter({ hasText: 'Closed' }).waitFor();
    const summary = hr.page.getByTestId('release-summary');
    const nps = expectedNps(ROSTER.map((p) => p.score));
    await summary.getByTestId('stat-nps').filter({ hasText: nps }).waitFor();
    expect(await summary.getByTestId('stat-responded').textContent()).toBe(String(ROSTER.length));
    expect(await summary.getByTestId('stat-invited').textContent()).toBe(String(ROSTER.length));
    expect(await summary.getByTestId('stat-band').textContent()).toBe('Great');
    expect(await summary.getByTestId('stat-interval').textContent()).toMatch(/95 % interval: [+-]?\d+ to [+-]?\d+/);
    await summary.getByTestId('release-audit').filter({ hasText: "nobody's answer can be worked out" }).waitFor();
    expect(await hr.page.getByTestId('participation').count()).toBe(0);

    // The org-unit tree: Recruitment has 4 answers (under k = 5); Operations (8) would be the whole
    // company minus Recruitment, so it is hidden to protect the smaller group. Neither says how small.
    const breakdown = hr.page.getByTestId('breakdown');
    const operations = breakdown.locator('.group', { hasText: 'Operations' });
    const recruitment = breakdown.locator('.group', { hasText: 'Recruitment' });
    await operations.getByTestId('group-hidden').filter({ hasText: 'Hidden to protect a smaller group.' }).waitFor();
    await recruitment.getByTestId('group-hidden').filter({ hasText: 'Hidden: fewer than 5 answers.' }).waitFor();
    /** A hidden group shows its name and why it is hidden: no eNPS, no count, no interval. */
    const expectNoNumber = async (group: Locator) => {
      expect(await group.locator('.group-nps, .group-detail, .band, button').count()).toBe(0);
      const name = (await group.locator('.group-name').textContent()) ?? '';
      // The only number allowed is the threshold k the notice names ("fewer than 5 answers").
      const text = ((await group.textContent()) ?? '').replace(name, '').replace('fewer than 5 answers', '');
      expect(text).not.toMatch(/\d/);
    };
    for (const group of await breakdown.locator('.group.is-hidden').all()) await expectNoNumber(group);

    // The whole wave is selected: its distribution (12 answers, at least 2k), comments and themes.
    const detail = hr.page.getByTestId('group-detail');
    await detail.getByRole('heading', { name: 'Whole wave' }).waitFor();
    await detail.getByTestId('distribution').waitFor();
    const comments = detail.getByTestId('employee-comments');
    await comments.getByText(SLOVENIAN_COMMENT).waitFor();
    await comments.getByText(DANISH_COMMENT).waitFor();
    await comments.getByText('E2E: great mentoring from the team lead.').waitFor();
    expect(await comments.locator('time').count()).toBe(0);
    // Theme mentions: counts only (the catalogue frozen when the wave opened), no score per theme.
    const themes = detail.getByTestId('employee-themes');
    await themes.getByTestId('theme-mention').first().waitFor();
    for (const count of await themes.getByTestId('theme-mention-count').allTextContents()) expect(count).toMatch(/^\s*\d+ mentions? \(\d+\s?%\)\s*$/);
    expect(await themes.getByText('NPS').count()).toBe(0);
    await screenshot(hr.page, 'employee-wave-hr-desktop-en', 'employee-wave-hr');

    // Other dimensions: every group either shows its numbers or says it is hidden, never both.
    for (const dimension of ['Location', 'Tenure band']) {
      await breakdown.getByRole('button', { name: dimension, exact: true }).click();
      await breakdown.getByRole('button', { name: dimension, exact: true, pressed: true }).waitFor();
      expect(await breakdown.locator('.group').count()).toBeGreaterThan(0);
      for (const group of await breakdown.locator('.group').all()) {
        const hidden = (await group.getByTestId('group-hidden').count()) > 0;
        if (hidden) await expectNoNumber(group);
        else expect(await group.locator('.group-nps').textContent()).toMatch(/^[+-]?\d+$/);
      }
    }
    // A tenure band's comments are never released (lists of texts could be intersected with a team's).
    const shownLocation = breakdown.locator('.group:not(.is-hidden) button').first();
    if ((await shownLocation.count()) > 0) {
      await shownLocation.click();
      await detail.getByTestId('comments-not-released').waitFor();
    }

    // Nobody's email or name anywhere on the page.
    const html = await hr.page.content();
    const text = await hr.page.evaluate(() => document.body.innerText);
    for (const p of ROSTER) {
      expect(text).not.toContain(p.email);
      expect(html).not.toContain(p.email);
      expect(text).not.toContain(p.name);
    }

    // The same page in two other languages and on a phone, for a look.
    const language = hr.page.getByRole('combobox').filter({ has: hr.page.getByRole('option', { name: 'Slovenščina' }) });
    await language.selectOption('da');
    await hr.page.getByText('eNPS pr. gruppe').waitFor();
    await screenshot(hr.page, 'employee-wave-hr-desktop-da');
    await language.selectOption('sl');
    await hr.page.getByText('eNPS po skupinah').waitFor();
    await screenshot(hr.page, 'employee-wave-hr-desktop-sl');
    await language.selectOption('pl');
    await hr.page.getByText('eNPS według grup').waitFor();
    await hr.page.setViewportSize(PHONE);
    await expect.poll(() => fitsWidth(hr.page), { timeout: 5_000 }).toBe(true);
    await screenshot(hr.page, 'employee-wave-hr-phone-pl');
    await hr.page.goto('/employees');
    await hr.page.getByRole('heading', { name: 'Pracownicy', level: 1 }).waitFor();
    await expect.poll(() => fitsWidth(hr.page), { timeout: 5_000 }).toBe(true);
    await screenshot(hr.page, 'employees-phone-pl');
    expect(hr.errors).toEqual([]);
  });
});
