import { rename, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DESKTOP, requireChromium, screenshot, screenshotOf } from './support/browser.js';
import { mailsTo } from './support/mail.js';
import { DEMO_PASSWORD, graphql } from './support/server.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Wave mail as a background job, on the wave page: a CX user invites a few thousand contacts and
// follows the mail card's progress bar to the end; mail that fails (an outbox the server cannot
// write) is retried, listed once it failed for good, and sent again with a button.
// The server mails 250 a second (so the batch is seen under way) and retries a failed batch once,
// after 5 to 10 s.

const runBrowserTests = requireChromium();
const CONTACTS = 3_000;
const en = (n: number) => n.toLocaleString('en-US');
/** A common phone's width. */
const PHONE = { width: 390, height: 844 };

describe.skipIf(!runBrowserTests)('wave mail in the background', () => {
  const session = browserSession({ env: { MAIL_RATE_PER_SECOND: '250', MAIL_RETRY_LIMIT: '1', MAIL_RETRY_DELAY_SECONDS: '5' } });
  const token = async (email: string) =>
    (await graphql<{ login: { accessToken: string } }>(session.server, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD })).login.accessToken;
  const openWave = async (cx: string, name: string) => {
    const created = await graphql<{ createWave: { id: string } }>(session.server, `mutation($n: String!) { createWave(input: { name: $n, audience: CUSTOMER }) { id } }`, { n: name }, cx);
    await graphql(session.server, `mutation($id: ID!) { openWave(id: $id) { id } }`, { id: created.createWave.id }, cx);
    return created.createWave.id;
  };

  it('invites 3,000 contacts and follows their mail to the end', async () => {
    const cx = await token('cx@demo.test');
    const csv = ['email,name,language,owner_email,org_unit', ...Array.from({ length: CONTACTS }, (_, i) => `bulk${i}@wave-mail.example,Bulk ${i},${i % 3 ? 'en' : 'pl'},,`)].join('\n');
    const imported = await graphql<{ importContacts: { created: number } }>(session.server, `mutation($csv: String!) { importContacts(csv: $csv) { created } }`, { csv }, cx);
    expect(imported.importContacts.created).toBe(CONTACTS);
    const waveId = await openWave(cx, 'E2E bulk mail');
    const count = await graphql<{ invitationTargetCount: { eligible: number } }>(
      session.server,
      `query($w: ID!) { invitationTargetCount(waveId: $w, target: { all: true }) { eligible } }`,
      { w: waveId },
      cx,
    );
    const n = count.invitationTargetCount.eligible;
    expect(n).toBeGreaterThanOrEqual(CONTACTS);

    const { page, errors } = await session.open({ viewport: DESKTOP });
    await logIn(page, 'cx@demo.test');
    await page.goto(`/waves/${waveId}`);
    await page.getByRole('heading', { name: 'E2E bulk mail', level: 1 }).waitFor();
    // A wave that never mailed has no mail card.
    expect(await page.getByTestId('wave-mailing').count()).toBe(0);
    await page.getByRole('radio', { name: 'All contacts' }).check();
    await page.getByTestId('invite-count').waitFor();
    await page.getByRole('button', { name: 'Send invitations' }).click();
    await page.getByTestId('confirm-dialog-confirm').click();
    await page.getByTestId('invite-result').filter({ hasText: `${en(n)} invitations queued.` }).waitFor();

    // The card is there as soon as the invitations are queued, and moves while the job mails.
    const card = page.getByTestId('wave-mailing');
    await card.waitFor();
    await card.getByRole('heading', { name: 'Invitation mail' }).waitFor();
    await page.locator('[data-testid="wave-mailing"][data-state="SENDING"]').waitFor({ timeout: 20_000 });
    const bar = card.getByRole('progressbar', { name: 'Mail progress' });
    expect(await bar.getAttribute('aria-valuemin')).toBe('0');
    expect(await bar.getAttribute('aria-valuemax')).toBe('100');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(new RegExp(`^[\\d,]+ of ${en(n)} sent$`));
    await screenshot(page, 'wave-mailing-sending-desktop-en');
    await screenshotOf(page.locator('.wave-mail-stack'), 'wave-mailing-sending-card-desktop-en', 'wave-mailing-desktop-en');

    await card.getByTestId('mailing-progress').filter({ hasText: `${en(n)} of ${en(n)} sent` }).waitFor({ timeout: 40_000 });
    await card.getByTestId('mailing-state').filter({ hasText: 'Done' }).waitFor();
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await card.getByTestId('mailing-queued').textContent()).toBe('0');
    expect(await card.getByTestId('mailing-failed').textContent()).toBe('0');
    expect(await card.getByTestId('mailing-failures').count()).toBe(0);
    // Once the batch is done, the wave's results count the invitations it created.
    await page.getByTestId('stat-invited').filter({ hasText: en(n) }).waitFor();
    await screenshot(page, 'wave-mailing-done-desktop-en');
    expect((await mailsTo(session.server.outboxDir, 'bulk2999@wave-mail.example'))[0]!.headers['content-language']).toBe('en');
    expect(errors).toEqual([]);
  }, 90_000);

  it('lists the mails that failed for good and sends them again (Polish, on a phone)', async () => {
    const cx = await token('cx@demo.test');
    const emails = ['anna.fail@wave-mail-fail.example', 'bert.fail@wave-mail-fail.example', 'cora.fail@wave-mail-fail.example'];
    const csv = ['email,name,language,owner_email,org_unit', ...emails.map((email, i) => `${email},Failing ${'ABC'[i]},pl,,`)].join('\n');
    await graphql(session.server, `mutation($csv: String!) { importContacts(csv: $csv) { created } }`, { csv }, cx);
    const { contacts } = await graphql<{ contacts: { edges: { node: { id: string } }[] } }>(
      session.server,
      `{ contacts(filter: { search: "wave-mail-fail" }, first: 10) { edges { node { id } } } }`,
      {},
      cx,
    );
    expect(contacts.edges).toHaveLength(3);
    const waveId = await openWave(cx, 'E2E failing mail');

    // The outbox becomes a file: every mail fails until it is a folder again (the server's data folder goes when it stops).
    const outbox = session.server.outboxDir;
    await rename(outbox, `${outbox}.away`);
    await writeFile(outbox, '');
    const { page, errors } = await session.open({ viewport: DESKTOP });
    await logIn(page, 'cx@demo.test');
    await page.setViewportSize(PHONE);
    // The app in Polish, as the language switcher saves it.
    await page.evaluate(() => localStorage.setItem('tandem.locale', 'pl'));
    await graphql(session.server, `mutation($w: ID!, $c: [ID!]) { inviteToWave(waveId: $w, contactIds: $c) { batchId } }`, { w: waveId, c: contacts.edges.map((e) => e.node.id) }, cx);
    await page.goto(`/waves/${waveId}`);
    const card = page.getByTestId('wave-mailing');
    await card.getByRole('heading', { name: 'Wysyłka zaproszeń' }).waitFor();
    // The first run failed: the job runs again after a pause, and the card says so.
    await card.getByTestId('mailing-retrying').filter({ hasText: 'Serwer pocztowy nie odpowiedział' }).waitFor({ timeout: 20_000 });
    await card.getByTestId('mailing-retrying').filter({ hasText: '3 wiadomości czekają na kolejną próbę.' }).waitFor();
    await screenshot(page, 'wave-mailing-retrying-phone-pl');

    // The second run is the last: the mails failed for good and are listed, by address.
    await card.getByTestId('mailing-unsent').filter({ hasText: 'Nie udało się wysłać 3 wiadomości.' }).waitFor({ timeout: 30_000 });
    await card.getByTestId('mailing-state').filter({ hasText: 'Zakończono' }).waitFor();
    const rows = card.getByTestId('mailing-failures').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect((await rows.locator('th .mailing-email').allTextContents()).sort()).toEqual(emails);
    expect(await card.getByTestId('mailing-progress').textContent()).toBe('Wysłano 0 z 3');
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'wave-mailing-failures-phone-pl');
    await screenshotOf(card, 'wave-mailing-failures-card-phone-pl', 'wave-mailing-failures-phone-pl');

    // The outbox works again: the failed mails go out as a new batch, the same mail with the same link.
    await rm(outbox);
    await rename(`${outbox}.away`, outbox);
    await card.getByRole('button', { name: 'Wyślij ponownie nieudane wiadomości' }).click();
    await card.getByTestId('mailing-retried').filter({ hasText: 'Ponownie dodano do kolejki 3 wiadomości.' }).waitFor();
    await card.getByRole('heading', { name: 'Ponowna wysyłka nieudanych wiadomości' }).waitFor();
    await card.getByTestId('mailing-progress').filter({ hasText: 'Wysłano 3 z 3' }).waitFor({ timeout: 20_000 });
    await card.getByTestId('mailing-state').filter({ hasText: 'Zakończono' }).waitFor();
    expect(await card.getByTestId('mailing-failures').count()).toBe(0);
    expect((await mailsTo(outbox, emails[0]!))[0]!.headers['content-language']).toBe('pl');
    await screenshot(page, 'wave-mailing-done-phone-pl');
    expect(await fitsWidth(page)).toBe(true);
    expect(errors).toEqual([]);
  }, 90_000);
});
