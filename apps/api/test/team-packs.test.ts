import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { hashSecret } from '../src/kernel/passwords.js';
import { createOrganization } from './support/fixtures.js';
import { K, PEOPLE, WAVE1, buildScenario, type Scenario } from './support/anonymity-scenario.js';
import { outbox } from './support/surveys.js';
import { codeOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 20, team discussion packs: computed on demand for the demo's closed waves, read by whom
 * they are for, printable as a PDF in the reader's language (Cyrillic included), and — for
 * employee waves — nothing beyond the release: a team of four folds into its parent, and packs
 * of the team, its parent and its siblings together give none of the team's numbers away. When a
 * wave closes, each team's manager is mailed a link to the pack.
 */

let app: TestApp;
const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);

const PACK = `query($w: ID!, $u: ID!, $l: String) { teamPack(waveId: $w, orgUnitId: $u, language: $l) {
  waveId waveName audience orgUnitId orgUnitName folded foldedInto shownFor shownForName hiddenReason language guide pdfPath
  summary { responses promoters passives detractors nps ciLow ciHigh band suppressed }
  previous { nps suppressed } previousWaveName change significantChange
  trend { period label summary { nps responses suppressed } significantChange }
  themes { name mentions } comments { text score } commentsHidden
  followUps { id status score overdue } improvements { id title status dueDate } } }`;
const PACKS = `query($w: ID!) { teamPacks(waveId: $w) { orgUnitId orgUnitName parentId folded shownFor shownForName summary { responses nps suppressed } } }`;

/** The text of a PDF, page by page, as pdf.js reads it. */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  return pages.join('\n');
}

const getPdf = (path: string, token?: string) => fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  app = await startTestApp();
}, 240_000);
afterAll(() => app?.close());

describe('the demo: a manager’s pack of the latest closed customer wave', () => {
  let wave: { id: string; name: string };
  let units: Record<string, string>;
  let manager: string;

  beforeAll(async () => {
    [wave] = await sql(
      `SELECT w.id, w.name FROM waves w JOIN organizations o ON o.id = w.organization_id AND o.slug = 'demo'
        WHERE w.status = 'CLOSED' AND w.audience = 'CUSTOMER' AND w.kind = 'WAVE' ORDER BY w.closed_at DESC LIMIT 1`,
    );
    units = Object.fromEntries(((await sql(`SELECT u.name, u.id FROM org_units u JOIN organizations o ON o.id = u.organization_id AND o.slug = 'demo'`)) as { name: string; id: string }[]).map((u) => [u.name, u.id]));
    manager = await app.login('manager@demo.test');
  });

  it('lists the packs of the manager’s own units and opens their team’s, in Polish', async () => {
    const listed = await app.gql(PACKS, { w: wave.id }, manager);
    expect(listed.errors).toBeUndefined();
    const names = listed.data.teamPacks.map((p: { orgUnitName: string }) => p.orgUnitName);
    expect(names).toEqual(['Sales EU']);
    const res = await app.gql(PACK, { w: wave.id, u: units['Sales EU'] }, manager);
    expect(res.errors).toBeUndefined();
    const pack = res.data.teamPack;
    expect(pack).toMatchObject({ orgUnitName: 'Sales EU', audience: 'CUSTOMER', folded: false, shownFor: units['Sales EU'], language: 'pl', commentsHidden: false });
    expect(pack.summary.responses).toBeGreaterThan(0);
    expect(pack.summary.nps).not.toBeNull();
    expect(pack.summary.ciLow).toBeLessThanOrEqual(pack.summary.nps);
    expect(pack.guide).toHaveLength(5);
    expect(pack.trend.length).toBeGreaterThan(1);
    expect(pack.trend.at(-1).period).toBe(wave.id);
    expect(pack.previous).not.toBeNull();
    expect(pack.change).toBeCloseTo(pack.summary.nps - pack.previous.nps, 1);
    expect(typeof pack.significantChange).toBe('boolean');
    expect(pack.pdfPath).toBe(`/team-packs/${wave.id}/${units['Sales EU']}.pdf`);
    // A manager's pack counts the whole team's customers, never only their own contacts'.
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM responses WHERE wave_id = $1 AND org_unit_id = $2`,
      [wave.id, units['Sales EU']],
    );
    expect(pack.summary.responses).toBe(n);
  });

  it('refuses the manager another team’s pack, HR customer packs, CX employee packs, and a wave still open', async () => {
    expect(codeOf(await app.gql(PACK, { w: wave.id, u: units['Sales US'] }, manager))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(PACK, { w: wave.id, u: units['Sales'] }, manager))).toBe('FORBIDDEN');
    const hr = await app.login('hr@demo.test');
    expect(codeOf(await app.gql(PACK, { w: wave.id, u: units['Sales EU'] }, hr))).toBe('FORBIDDEN');
    const [employeeWave] = await sql(`SELECT id FROM waves WHERE audience = 'EMPLOYEE' AND status = 'CLOSED' ORDER BY closed_at DESC LIMIT 1`);
    const cx = await app.login('cx@demo.test');
    expect(codeOf(await app.gql(PACKS, { w: employeeWave.id }, cx))).toBe('FORBIDDEN');
    expect((await app.gql(PACKS, { w: employeeWave.id }, hr)).data.teamPacks.length).toBeGreaterThan(0);
    const [open] = await sql(`SELECT id FROM waves WHERE status = 'OPEN' AND audience = 'CUSTOMER' LIMIT 1`);
    const still = await app.gql(PACK, { w: open.id, u: units['Sales EU'] }, manager);
    expect(codeOf(still)).toBe('INVALID_STATE');
    expect(still.errors![0].extensions!.field).toBe('waveId');
    expect(codeOf(await app.gql(PACK, { w: 'not-a-wave', u: units['Sales EU'] }, manager))).toBe('NOT_FOUND');
  });

  it('keeps organizations apart: another organization’s admin finds neither the wave nor the PDF', async () => {
    const other = await createOrganization(app.db.dataSource.manager, 'packs-other', ['ADMIN']);
    const admin = await app.login(other.users.ADMIN, other.password);
    expect(codeOf(await app.gql(PACK, { w: wave.id, u: units['Sales EU'] }, admin))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(PACKS, { w: wave.id }, admin))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(PACK, { w: wave.id, u: other.unit.id }, await app.login('leader@demo.test')))).toBe('NOT_FOUND');
    expect((await getPdf(`/team-packs/${wave.id}/${units['Sales EU']}.pdf`, admin)).status).toBe(404);
  });

  it('serves the PDF in the manager’s language, or in Russian when asked, with the team and its NPS', async () => {
    expect((await getPdf(`/team-packs/${wave.id}/${units['Sales EU']}.pdf`)).status).toBe(401);
    const pack = (await app.gql(PACK, { w: wave.id, u: units['Sales EU'] }, manager)).data.teamPack;
    const res = await getPdf(pack.pdfPath, manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const polish = await pdfText(await res.arrayBuffer());
    expect(polish).toContain('Pakiet do dyskusji zespołu');
    expect(polish).toContain('Sales EU');
    expect(polish).toContain(`NPS`);
    expect(polish).toContain(String(Math.round(pack.summary.nps)));
    expect(polish).toContain('Przewodnik do dyskusji');
    const russian = await pdfText(await (await getPdf(`${pack.pdfPath}?lang=ru`, manager)).arrayBuffer());
    expect(russian).toContain('Пакет для обсуждения в команде');
    expect(russian).toContain('Как провести обсуждение');
    expect(russian).toContain('Sales EU');
    expect((await getPdf(`/team-packs/${wave.id}/${units['Sales US']}.pdf`, manager)).status).toBe(403);
  });
});

describe('employee packs: a team of four folds into its parent, and packs cannot be combined against it', () => {
  let s: Scenario;
  let wave: { id: string; links: Record<string, string> };
  let delta: string;
  const DELTA = ['d1', 'd2', 'd3', 'd4'].map((key, i) => ({ key, email: `${key}@redteam.test`, team: 'Delta', location: 'Oslo', tenureBand: i < 2 ? '<1' : '3+' }));
  const DELTA_TEXT = (key: string) => `Delta only remark ${key}`;
  let managers: { alpha: string; delta: string };

  beforeAll(async () => {
    s = await buildScenario(app, 'packs-red');
    delta = (await s.ok(`mutation($n: String!, $p: ID) { createOrgUnit(name: $n, parentId: $p) { id } }`, { n: 'Delta', p: s.units.product }, s.tokens.admin)).createOrgUnit.id;
    await s.importRoster([...PEOPLE, ...DELTA]);
    // Alpha's manager is set on the unit; Delta's is a MANAGER whose own unit it is.
    const hash = await hashSecret('manager-password');
    const [alphaManager] = await sql(
      `INSERT INTO users (organization_id, org_unit_id, email, name, password_hash, roles, language, active) VALUES ($1, $2, 'alpha.lead@redteam.test', 'Alpha Lead', $3, '{MANAGER}', 'ru', true) RETURNING id`,
      [s.organizationId, s.units.Alpha, hash],
    );
    await sql(`UPDATE org_units SET manager_id = $1 WHERE id = $2`, [alphaManager.id, s.units.Alpha]);
    await sql(
      `INSERT INTO users (organization_id, org_unit_id, email, name, password_hash, roles, language, active) VALUES ($1, $2, 'delta.lead@redteam.test', 'Delta Lead', $3, '{MANAGER}', 'sl', true)`,
      [s.organizationId, delta, hash],
    );
    managers = { alpha: await app.login('alpha.lead@redteam.test', 'manager-password'), delta: await app.login('delta.lead@redteam.test', 'manager-password') };
    wave = await s.openEmployeeWave('Pulse packs');
    for (const [key, a] of Object.entries(WAVE1)) await s.answer(wave.links[`${key}@redteam.test`], a);
    for (const [i, d] of DELTA.entries()) await s.answer(wave.links[d.email], { score: [0, 1, 2, 3][i], reason: DELTA_TEXT(d.key) });
    await s.closeWave(wave.id);
  }, 240_000);

  it('folds Delta (four people, below k) into Product, and shows exactly Product’s pack', async () => {
    const release = (await s.ok(`query($w: ID!) { employeeRelease(waveId: $w) { groups { orgUnitId summary { suppressed } } } }`, { w: wave.id })).employeeRelease.groups as {
      orgUnitId: string | null;
      summary: { suppressed: boolean };
    }[];
    const deltaPack = (await s.ok(PACK, { w: wave.id, u: delta })).teamPack;
    const productPack = (await s.ok(PACK, { w: wave.id, u: s.units.product })).teamPack;
    expect(release.find((g) => g.orgUnitId === delta)?.summary.suppressed).toBe(true);
    expect(deltaPack).toMatchObject({ folded: true, foldedInto: s.units.product, shownFor: s.units.product, shownForName: 'Product', hiddenReason: 'THRESHOLD', orgUnitName: 'Delta' });
    expect(deltaPack.summary).toEqual(productPack.summary);
    expect(deltaPack.comments).toEqual(productPack.comments);
    expect(deltaPack.themes).toEqual(productPack.themes);
    expect(deltaPack.followUps).toEqual([]);
    expect(productPack.folded).toBe(false);
  });

  it('never shows a hidden group: every unfolded pack is a released group, so packs add up to what the release publishes', async () => {
    const released = new Map(
      ((await s.ok(`query($w: ID!) { employeeRelease(waveId: $w) { groups { orgUnitId dimension summary { suppressed responses } } } }`, { w: wave.id })).employeeRelease.groups as {
        orgUnitId: string | null;
        dimension: string;
        summary: { suppressed: boolean; responses: number | null };
      }[])
        .filter((g) => g.orgUnitId && g.dimension === 'ORG_UNIT')
        .map((g) => [g.orgUnitId!, { released: !g.summary.suppressed, responses: g.summary.responses }]),
    );
    const units = [s.units.hq, s.units.product, s.units.Alpha, s.units.Beta, s.units.Gamma, delta];
    const packs = await Promise.all(units.map(async (u) => (await s.ok(PACK, { w: wave.id, u })).teamPack));
    for (const p of packs) {
      const shown = released.get(p.shownFor);
      expect(shown?.released, `${p.orgUnitName} shows ${p.shownForName}`).toBe(true);
      expect(p.summary.responses).toBe(shown!.responses);
      if (!p.folded) expect(p.shownFor).toBe(p.orgUnitId);
    }
    // Delta can't be had by difference: Product minus its unfolded children leaves more than Delta.
    const children = packs.filter((p) => [s.units.Alpha, s.units.Beta, s.units.Gamma, delta].includes(p.orgUnitId));
    const folded = children.filter((p) => p.folded);
    expect(folded.length).toBeGreaterThanOrEqual(2);
    const product = packs.find((p) => p.orgUnitId === s.units.product)!;
    const rest = product.summary.responses - children.filter((p) => !p.folded).reduce((n: number, p: { summary: { responses: number } }) => n + p.summary.responses, 0);
    expect(rest).toBeGreaterThanOrEqual(K);
    // Delta's own comments appear only in packs of Product or above (the released groups that hold them), never as Delta's.
    for (const p of packs) {
      const mine = p.comments.filter((c: { text: string }) => c.text.startsWith('Delta only remark'));
      if (mine.length) expect([s.units.product, s.units.hq, null]).toContain(p.shownFor);
      for (const c of p.comments) expect(c.score).toBeNull();
    }
    // The list says the same: Delta gets Product's pack.
    const list = (await s.ok(PACKS, { w: wave.id })).teamPacks as { orgUnitId: string; folded: boolean; shownFor: string | null }[];
    expect(list.find((e) => e.orgUnitId === delta)).toMatchObject({ folded: true, shownFor: s.units.product });
  });

  it('counts in discussion coverage the teams that get a pack of their own: Delta counts as Product', async () => {
    const packs = (await s.ok(PACKS, { w: wave.id })).teamPacks as { orgUnitId: string; folded: boolean }[];
    const own = packs.filter((p) => !p.folded).map((p) => p.orgUnitId).sort();
    expect(own).not.toContain(delta);
    expect(own).toContain(s.units.product);
    // A discussion held by Delta over the pack it reads counts as Product's.
    await sql(`INSERT INTO team_discussions (organization_id, wave_id, org_unit_id, held_on, participants) VALUES ($1, $2, $3, current_date, 4)`, [s.organizationId, wave.id, delta]);
    const COVERAGE = `query($w: ID!) { discussionCoverage(waveId: $w) { teams held share teamRows { orgUnitId discussion { participants } } } }`;
    const coverage = (await s.ok(COVERAGE, { w: wave.id })).discussionCoverage;
    expect(coverage.teamRows.map((t: { orgUnitId: string }) => t.orgUnitId).sort()).toEqual(own);
    expect(coverage).toMatchObject({ teams: own.length, held: 1 });
    expect(coverage.share).toBeCloseTo(1 / own.length);
    expect(coverage.teamRows.find((t: { orgUnitId: string }) => t.orgUnitId === s.units.product).discussion).toEqual({ participants: 4 });
    const board = (await s.ok(`{ board { discussions { waveId teams held } } }`)).board.discussions;
    expect(board.find((w: { waveId: string }) => w.waveId === wave.id)).toEqual({ waveId: wave.id, teams: own.length, held: 1 });
    await sql(`DELETE FROM team_discussions WHERE wave_id = $1`, [wave.id]);
  });

  it('mails each manager one link to their pack: Alpha’s to Alpha, Delta’s to the Product pack it folds into, never a link to Delta', async () => {
    const end = Date.now() + 60_000;
    let mails = outbox(app).filter((m) => m.to.endsWith('@redteam.test') && /lead@/.test(m.to));
    while (mails.length < 2 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 250));
      mails = outbox(app).filter((m) => /lead@redteam\.test$/.test(m.to));
    }
    const to = (email: string) => mails.filter((m) => m.to === email);
    expect(to('alpha.lead@redteam.test')).toHaveLength(1);
    expect(to('delta.lead@redteam.test')).toHaveLength(1);
    expect(to('alpha.lead@redteam.test')[0].body).toContain(`/waves/${wave.id}/teams/${s.units.Alpha}`);
    expect(to('alpha.lead@redteam.test')[0].body).toContain('Открыть пакет');
    const deltaMail = to('delta.lead@redteam.test')[0].body;
    expect(deltaMail).toContain(`/waves/${wave.id}/teams/${s.units.product}`);
    expect(deltaMail).toContain('Odpri paket');
    for (const m of mails) expect(m.body).not.toContain(`/teams/${delta}`);
    // Delta's manager opens the pack their team folds into, and nothing beside it.
    expect((await app.gql(PACK, { w: wave.id, u: s.units.product }, managers.delta)).data?.teamPack.shownFor).toBe(s.units.product);
    expect((await app.gql(PACK, { w: wave.id, u: delta }, managers.delta)).data?.teamPack.folded).toBe(true);
    expect(codeOf(await app.gql(PACK, { w: wave.id, u: s.units.Alpha }, managers.delta))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(PACK, { w: wave.id, u: s.units.product }, managers.alpha))).toBe('FORBIDDEN');
  });
});
