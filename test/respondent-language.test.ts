import { describe, expect, it } from 'vitest';
import { PHONE, requireChromium, screenshot } from './support/browser.js';
import { browserSession, logIn } from './support/session.js';
import { mailsTo, surveyPath, type OutboxMail } from './support/mail.js';
import { DEMO_PASSWORD, graphql } from './support/server.js';

// One language per respondent (issue 15, item 6): the contact's language when the wave runs in
// it, else the wave's first — the same for the mail, the survey, the thank-you and the unsubscribe
// page. And respondents read the wave's public title, never its internal name.

const runBrowserTests = requireChromium();
const stamp = Date.now().toString(36);
const DANISH = `dorte.${stamp}@kunde-dk.example`;
const POLISH = `piotr.${stamp}@klient-pl.example`;
const INTERNAL_NAME = `Internal churn list ${stamp}`;
const TITLE_EN = 'How are we doing?';
const TITLE_PL = 'Jak nam idzie?';

const unsubscribePath = (mail: OutboxMail) => {
  const match = /https?:\/\/[^\s/]+(\/unsubscribe\/[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(mail.text);
  if (!match) throw new Error(`No unsubscribe link in ${mail.file}`);
  return match[1]!;
};

describe.skipIf(!runBrowserTests)('the respondent reads one language throughout', () => {
  const session = browserSession();

  it('gives a Danish contact of an English + Polish wave English everywhere, and a Polish contact Polish', async () => {
    const { server } = session;

    // --- CX creates an English + Polish wave in the browser, with a public title per language ------
    const cx = await session.open();
    await logIn(cx.page, 'cx@demo.test');
    await cx.page.goto('/waves');
    await cx.page.getByRole('button', { name: 'New wave' }).click();
    const form = cx.page.locator('#new-wave');
    await form.getByLabel('Name', { exact: true }).fill(INTERNAL_NAME);
    for (const language of ['Dansk', 'Русский', 'Slovenščina']) await form.getByRole('checkbox', { name: language }).uncheck();
    await form.getByLabel('Title in English').fill(TITLE_EN);
    await form.getByLabel('Title in Polski').fill(TITLE_PL);
    expect(await form.getByLabel('Title in Dansk').count()).toBe(0);
    await form.getByRole('button', { name: 'Create wave' }).click();
    await cx.page.waitForURL(/\/waves\/[0-9a-f-]{36}$/);
    const waveId = cx.page.url().split('/').at(-1)!;
    await cx.page.getByRole('heading', { name: INTERNAL_NAME, level: 1 }).waitFor();
    expect(await cx.page.getByTestId('wave-public-title').getByLabel('Title in Polski').inputValue()).toBe(TITLE_PL);
    await cx.page.getByRole('button', { name: 'Open wave' }).click();
    await cx.page.getByTestId('wave-status').filter({ hasText: 'Open' }).waitFor();
    expect(cx.errors).toEqual([]);

    // --- Two contacts (Danish, Polish), invited through the API --------------------------------
    const { login } = await graphql<{ login: { accessToken: string } }>(
      server,
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
      { e: 'cx@demo.test', p: DEMO_PASSWORD },
    );
    const token = login.accessToken;
    const csv = ['email,name,language,owner_email,org_unit', `${DANISH},Dorte Madsen,da,,`, `${POLISH},Piotr Zieliński,pl,,`].join('\n');
    await graphql(server, `mutation($csv: String!) { importContacts(csv: $csv) { created } }`, { csv }, token);
    const { contacts } = await graphql<{ contacts: { edges: { node: { id: string } }[] } }>(
      server,
      `query($s: String) { contacts(filter: { search: $s }, first: 10) { edges { node { id } } } }`,
      { s: stamp },
      token,
    );
    expect(contacts.edges).toHaveLength(2);
    await graphql(server, `mutation($w: ID!, $c: [ID!]) { inviteToWave(waveId: $w, contactIds: $c) { invited } }`, { w: waveId, c: contacts.edges.map((e) => e.node.id) }, token);

    // --- The mails: English for the Danish contact, Polish for the Polish one; never the internal name
    const [danishMail] = await mailsTo(server.outboxDir, DANISH);
    const [polishMail] = await mailsTo(server.outboxDir, POLISH);
    expect(danishMail!.headers['content-language']).toBe('en');
    expect(danishMail!.text).toContain('Hello Dorte Madsen');
    expect(danishMail!.text).toContain('Answer the survey');
    expect(polishMail!.headers['content-language']).toBe('pl');
    expect(polishMail!.text).toContain('Wypełnij ankietę');
    for (const mail of [danishMail!, polishMail!]) {
      expect(mail.text).not.toContain(INTERNAL_NAME);
      expect(mail.headers['subject']).not.toContain(stamp);
    }

    // --- The Danish contact, on a phone whose browser speaks Danish: English throughout -----------
    const dorte = await session.open({ viewport: PHONE, locale: 'da-DK' });
    await dorte.page.goto(surveyPath(danishMail!));
    await dorte.page.getByRole('heading', { name: TITLE_EN, level: 1 }).waitFor();
    expect(await dorte.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await dorte.page.getByText('How likely is it that you would recommend us to a friend or colleague?').waitFor();
    expect(await dorte.page.getByText(INTERNAL_NAME).count()).toBe(0);
    await screenshot(dorte.page, 'respondent-language-da-contact-phone');
    await dorte.page.locator('.score-button[data-value="9"]').click();
    await dorte.page.getByRole('button', { name: 'Send my answer' }).click();
    await dorte.page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await dorte.page.goto(unsubscribePath(danishMail!));
    await dorte.page.getByRole('heading', { name: 'Unsubscribe from surveys', level: 1 }).waitFor();
    expect(await dorte.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await dorte.page.getByText(TITLE_EN).waitFor();
    await screenshot(dorte.page, 'unsubscribe-da-contact-phone');
    await dorte.page.getByRole('button', { name: 'Unsubscribe' }).click();
    await dorte.page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    expect(dorte.errors).toEqual([]);

    // --- The Polish contact, on a desktop whose browser speaks English: Polish throughout ---------
    const piotr = await session.open({ locale: 'en-US' });
    await piotr.page.goto(surveyPath(polishMail!));
    await piotr.page.getByRole('heading', { name: TITLE_PL, level: 1 }).waitFor();
    expect(await piotr.page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await piotr.page.getByText('Jak prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?').waitFor();
    await piotr.page.locator('.score-button[data-value="7"]').click();
    await piotr.page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await piotr.page.getByRole('heading', { name: 'Dziękujemy!' }).waitFor();
    await piotr.page.goto(unsubscribePath(polishMail!));
    await piotr.page.getByRole('heading', { name: 'Wypisz się z ankiet', level: 1 }).waitFor();
    expect(await piotr.page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await piotr.page.getByText(TITLE_PL).waitFor();
    await screenshot(piotr.page, 'unsubscribe-pl-contact-desktop');
    expect(piotr.errors).toEqual([]);
  });
});
