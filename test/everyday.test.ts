import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, graphql } from './support/server.js';
import { requireChromium, screenshot } from './support/browser.js';
import { browserSession, fitsWidth, logIn } from './support/session.js';

// Issue 15, items 2 and 4 in the browser. Destructive actions show what they will do and ask
// first: a contacts import and a roster import are previewed by name and confirmed (leavers need
// a ticked acknowledgement, and can be restored); an invitation starts with nobody chosen, shows
// its count and is confirmed in a dialog (cancelling sends nothing). Home is each role's start
// with the menu's badges; a leader lands on the board. Then every page of these at 1440 and 390
// px in the five languages.

const runBrowserTests = requireChromium();
const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 390, height: 844 };
const LOCALES = ['en', 'pl', 'da', 'ru', 'sl'] as const;

describe.skipIf(!runBrowserTests)('everyday use: previews, confirmations and home', () => {
  const session = browserSession();
  const token = async (email: string) =>
    (await graphql<{ login: { accessToken: string } }>(session.server, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD })).login.accessToken;
  let waveId = '';

  it('previews a contacts import by name, writes only after the confirmation', async () => {
    const { page, errors } = await session.open({ viewport: WIDE });
    await logIn(page, 'cx@demo.test');
    await page.goto('/contacts');
    await page.getByRole('button', { name: 'Import from CSV' }).click();
    const csv = ['email,name,language,owner_email,org_unit', 'zofia.preview@e2e.example,Zofia Preview,pl,manager@demo.test,', 'tom.preview@e2e.example,Tom Preview,en,,'].join('\n');
    await page.getByLabel('Or paste the CSV text').fill(csv);
    await page.getByRole('button', { name: 'Check the file' }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await page.getByTestId('preview-added').textContent()).toContain('Adds 2 people');
    expect(await page.getByTestId('preview-added').textContent()).toContain('Tom Preview, Zofia Preview');
    // Nothing is written by the check.
    await page.getByLabel('Search').fill('Preview');
    await page.getByText('No contacts match').waitFor();
    await screenshot(page, 'contacts-import-preview-desktop-en');
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-result').filter({ hasText: '2 contacts imported.' }).waitFor();
    await page.getByRole('rowheader', { name: /Zofia Preview/ }).waitFor();
    // The list sorts by name and keeps its total.
    await page.getByLabel('Search').fill('');
    await page.getByTestId('contacts-sort').selectOption('NAME');
    await page.getByText(/\d+ contacts/).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('invites nobody by default, shows the count, and sends only after the dialog', async () => {
    const cx = await token('cx@demo.test');
    const created = await graphql<{ createWave: { id: string } }>(session.server, `mutation { createWave(input: { name: "E2E targets", audience: CUSTOMER, languages: ["en", "pl"] }) { id } }`, {}, cx);
    waveId = created.createWave.id;
    await graphql(session.server, `mutation($id: ID!) { openWave(id: $id) { id } }`, { id: waveId }, cx);
    const expected = await graphql<{ invitationTargetCount: { eligible: number } }>(
      session.server,
      `query($w: ID!) { invitationTargetCount(waveId: $w, target: { segment: NEVER_INVITED }) { eligible } }`,
      { w: waveId },
      cx,
    );
    expect(expected.invitationTargetCount.eligible).toBeGreaterThanOrEqual(2);

    const { page, errors } = await session.open({ viewport: WIDE });
    await logIn(page, 'cx@demo.test');
    await page.goto(`/waves/${waveId}`);
    await page.getByRole('heading', { name: 'E2E targets', level: 1 }).waitFor();
    const send = page.getByRole('button', { name: 'Send invitations' });
    // Nothing is preselected: no choice is checked and nothing can be sent.
    expect(await page.locator('input[name="invite-who"]:checked').count()).toBe(0);
    expect(await send.isDisabled()).toBe(true);

    await page.getByRole('radio', { name: 'A segment' }).check();
    await page.getByRole('radio', { name: 'Contacts never invited before' }).check();
    const n = expected.invitationTargetCount.eligible;
    await page.getByTestId('invite-count').filter({ hasText: `${n} contacts will be invited.` }).waitFor();
    await send.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Send ${n} invitations?` }).waitFor();
    await screenshot(page, 'invite-confirm-desktop-en');
    // Cancel sends nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('stat-invited').first().textContent()).toBe('0');

    await send.click();
    await dialog.getByRole('button', { name: `Send ${n} invitations` }).click();
    await page.getByTestId('invite-result').filter({ hasText: `${n} invitations queued.` }).waitFor();
    // The mail card appears at once and follows the batch until every invitation is out.
    await page.getByTestId('mailing-progress').filter({ hasText: `${n.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} sent` }).waitFor({ timeout: 20_000 });
    await page.getByTestId('stat-invited').first().filter({ hasText: String(n) }).waitFor();
    expect(errors).toEqual([]);
  });

  it('previews the leavers of a roster import, asks for an acknowledgement, and restores a leaver', async () => {
    const { page, errors } = await session.open({ viewport: WIDE });
    await logIn(page, 'hr@demo.test');
    await page.goto('/employees');
    const hr = await token('hr@demo.test');
    const roster = await graphql<{ employees: { totalCount: number } }>(session.server, `{ employees(filter: { active: true }, first: 1) { totalCount } }`, {}, hr);
    const activeBefore = roster.employees.totalCount;
    expect(activeBefore).toBeGreaterThan(2);
    const units = await graphql<{ orgUnits: { name: string }[] }>(session.server, `{ orgUnits { name } }`, {}, hr);
    const unit = units.orgUnits[0]!.name;

    await page.getByRole('button', { name: 'Import the roster (CSV)' }).click();
    await page.getByLabel('Or paste the CSV text').fill(['email,name,language,org_unit', `ada.short@e2e.example,Ada Short,en,${unit}`].join('\n'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    const leaving = page.getByTestId('preview-leaving');
    await leaving.filter({ hasText: `Marks ${activeBefore} people as leavers` }).waitFor();
    const confirm = page.getByTestId('confirm-import');
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(page, 'employees-import-preview-desktop-en');
    // Cancelling changes nothing.
    await page.getByRole('button', { name: 'Cancel' }).click();
    const still = await graphql<{ employees: { totalCount: number } }>(session.server, `{ employees(filter: { active: true }, first: 1) { totalCount } }`, {}, hr);
    expect(still.employees.totalCount).toBe(activeBefore);

    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByTestId('acknowledge-leavers').check();
    await confirm.click();
    await page.getByTestId('import-deactivated').filter({ hasText: `${activeBefore} leavers marked inactive` }).waitFor();

    // A leaver comes back.
    await page.getByLabel('Status').selectOption('left');
    const firstLeaver = page.getByTestId('employees-table').locator('tbody tr').first();
    const name = (await firstLeaver.locator('.cell-title').textContent())!.trim();
    await firstLeaver.getByRole('button', { name: `Restore ${name}` }).click();
    await page.getByTestId('restored').filter({ hasText: `${name} is on the active roster again.` }).waitFor();
    const after = await graphql<{ employees: { totalCount: number } }>(session.server, `{ employees(filter: { active: true }, first: 1) { totalCount } }`, {}, hr);
    expect(after.employees.totalCount).toBe(2);
    expect(errors).toEqual([]);
  });

  it("starts each role on its own work, with the menu's badges; a leader lands on the board", async () => {
    const { page, errors } = await session.open({ viewport: WIDE });
    await logIn(page, 'manager@demo.test');
    const manager = await token('manager@demo.test');
    const facts = await graphql<{ open: { totalCount: number }; overdue: { totalCount: number } }>(
      session.server,
      `{ open: followUps(filter: { status: OPEN }, first: 1) { totalCount } overdue: followUps(filter: { overdue: true }, first: 1) { totalCount } }`,
      {},
      manager,
    );
    await page.getByTestId('home-manager').waitFor();
    await page.getByTestId('home-waiting').filter({ hasText: String(facts.open.totalCount) }).waitFor();
    expect(await page.getByTestId('home-overdue').textContent()).toBe(String(facts.overdue.totalCount));
    const badge = page.getByTestId('nav-badge-follow-ups');
    if (facts.open.totalCount > 0) expect((await badge.textContent())?.startsWith(String(Math.min(facts.open.totalCount, 99)))).toBe(true);
    await screenshot(page, 'home-manager-desktop-en');

    const leader = await session.open({ viewport: WIDE });
    await logIn(leader.page, 'leader@demo.test');
    await leader.page.waitForURL((url) => url.pathname === '/board');
    await leader.page.goto('/');
    await leader.page.waitForURL((url) => url.pathname === '/board');

    const hr = await session.open({ viewport: WIDE });
    await logIn(hr.page, 'hr@demo.test');
    await hr.page.getByTestId('home-hr').waitFor();
    await screenshot(hr.page, 'home-hr-desktop-en');

    const cx = await session.open({ viewport: WIDE });
    await logIn(cx.page, 'cx@demo.test');
    const cxToken = await token('cx@demo.test');
    const queue = await graphql<{ responses: { totalCount: number } }>(session.server, `{ responses(filter: { hasComment: true, untagged: true }, first: 1) { totalCount } }`, {}, cxToken);
    await cx.page.getByTestId('home-queue').filter({ hasText: new Intl.NumberFormat('en').format(queue.responses.totalCount) }).waitFor();
    expect(errors).toEqual([]);
    expect(leader.errors).toEqual([]);
    expect(hr.errors).toEqual([]);
    expect(cx.errors).toEqual([]);
  });

  // Minutes of screenshots: with the page tour, on demand (TOUR=1, npm run tour -w @tandem/e2e).
  it.skipIf(process.env.TOUR !== '1')('shows these pages at 1440 and 390 px in five languages, without sideways scrolling', async () => {
    if (!waveId) {
      const open = await graphql<{ waves: { edges: { node: { id: string } }[] } }>(
        session.server,
        `{ waves(filter: { audience: CUSTOMER, status: OPEN }, first: 1) { edges { node { id } } } }`,
        {},
        await token('cx@demo.test'),
      );
      waveId = open.waves.edges[0]!.node.id;
    }
    const pages: { who: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
      { who: 'manager@demo.test', path: '/', ready: (p) => p.getByTestId('home-manager').waitFor() },
      { who: 'cx@demo.test', path: '/', ready: (p) => p.getByTestId('home-cx').waitFor() },
      { who: 'hr@demo.test', path: '/', ready: (p) => p.getByTestId('home-hr').waitFor() },
      { who: 'admin@demo.test', path: '/', ready: (p) => p.getByTestId('home-admin').waitFor() },
      { who: 'admin@demo.test', path: '/organization', ready: (p) => p.locator('.org-tree-name').first().waitFor() },
      { who: 'admin@demo.test', path: '/organization/users', ready: (p) => p.getByTestId('users-table').waitFor() },
      { who: 'admin@demo.test', path: '/organization/settings', ready: (p) => p.getByTestId('settings-form').locator('select').first().waitFor() },
      { who: 'cx@demo.test', path: '/contacts', ready: (p) => p.getByTestId('contacts-sort').waitFor() },
      { who: 'cx@demo.test', path: `/waves/${waveId}`, ready: (p) => p.getByRole('radio').first().waitFor() },
    ];
    const byUser = new Map<string, typeof pages>();
    for (const entry of pages) byUser.set(entry.who, [...(byUser.get(entry.who) ?? []), entry]);
    for (const [who, entries] of byUser) {
      const { page, errors } = await session.open({ viewport: WIDE });
      await logIn(page, who);
      for (const locale of LOCALES) {
        await page.evaluate((l) => localStorage.setItem('tandem.locale', l), locale);
        for (const viewport of [WIDE, NARROW]) {
          await page.setViewportSize(viewport);
          for (const entry of entries) {
            await page.goto(entry.path);
            await entry.ready(page);
            // Every query of the page answered: no "loading" in the shot.
            await page.waitForLoadState('networkidle');
            expect(await fitsWidth(page), `${who} ${entry.path} ${locale} ${viewport.width}`).toBe(true);
            const name = `${entry.path === '/' ? `home-${who.split('@')[0]}` : entry.path.replace(/^\//, '').replace(/\/[0-9a-f-]{36}$/, '').replace(/\//g, '-')}-${viewport.width}-${locale}`;
            await screenshot(page, name);
          }
        }
      }
      expect(errors, who).toEqual([]);
    }
  }, 900_000);
});
