import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD, COMMENTS, THEMES, filtersOf, memberOf } from './support/anonymity-reads.js';
import { K, PEOPLE, WAVE1, buildScenario, type Scenario } from './support/anonymity-scenario.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 14, the attacks on a closed wave's results and on the database, replayed through the API
 * on the scenario (k = 5, Product = Alpha 6 + Beta 5 + Gamma 5, 13 answers): multi-value and
 * equivalent filters (3), crafted themes (4), intersections of comment lists (5), and a reader of
 * the database while the wave runs (9). Each must recover nothing.
 */

let app: TestApp;
let s: Scenario;
let wave: { id: string; links: Record<string, string> };
const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);

const SUMMARY = `query($filter: NpsFilter!) { npsSummary(filter: $filter) { responses promoters passives detractors suppressed hiddenReason } }`;
const BREAKDOWN = `query($filter: NpsFilter!, $by: BreakdownDimension!, $segmentKey: String) {
  npsBreakdown(filter: $filter, by: $by, segmentKey: $segmentKey) { key summary { responses promoters passives detractors suppressed } } }`;
const CREATE_THEME = `mutation($input: ThemeInput!) { createTheme(input: $input) { id name } }`;

/** Who wrote each text of the scenario (a text two people wrote names both). */
const authorsOf = new Map<string, Set<string>>();
for (const [key, a] of Object.entries(WAVE1)) for (const t of [a.reason, a.suggestion]) if (t) authorsOf.set(t, (authorsOf.get(t) ?? new Set()).add(key));
const authors = (texts: string[]) => new Set(texts.flatMap((t) => [...(authorsOf.get(t) ?? [])]));

/** A multiset difference of two lists of texts. */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((t) => {
    const i = left.indexOf(t);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const stagedAndStored = async () => {
  const [row] = await sql(
    `SELECT (SELECT count(*)::int FROM employee_answer_staging WHERE wave_id = $1) AS staged, (SELECT count(*)::int FROM employee_answers WHERE wave_id = $1) AS stored`,
    [wave.id],
  );
  return row as { staged: number; stored: number };
};

beforeAll(async () => {
  app = await startTestApp();
  s = await buildScenario(app);
  // A theme of the catalogue before the wave opens: frozen with it, so it counts.
  await s.ok(CREATE_THEME, { input: { name: 'Meetings', keywords: [{ language: 'en', words: ['meetings'] }] } });
  wave = await s.openEmployeeWave('Pulse filters');
}, 240_000);
afterAll(() => app?.close());

describe('attack 9: a reader of the database while the wave runs', () => {
  it('finds answers with no id, key, time or person, staged with no key, moved on in shuffled batches of at least k', async () => {
    const columns = async (table: string) =>
      ((await sql(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`, [table])) as { column_name: string }[]).map((c) => c.column_name);
    const allowed = ['language', 'location', 'org_unit_id', 'organization_id', 'ratings', 'reason', 'score', 'suggestion', 'tenure_band', 'wave_id'];
    for (const table of ['employee_answers', 'employee_answer_staging']) {
      const cols = await columns(table);
      expect(cols.filter((c) => !allowed.includes(c)), table).toEqual([]);
      // No primary or unique key (no id to follow); foreign keys only to the organization and the wave.
      const constraints: { constraint_type: string; target: string }[] = await sql(
        `SELECT tc.constraint_type, coalesce(cu.table_name, '') AS target
           FROM information_schema.table_constraints tc
           LEFT JOIN information_schema.constraint_column_usage cu ON cu.constraint_name = tc.constraint_name AND tc.constraint_type = 'FOREIGN KEY'
          WHERE tc.table_name = $1 AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')`,
        [table],
      );
      expect(constraints.filter((c) => c.constraint_type !== 'FOREIGN KEY'), table).toEqual([]);
      for (const c of constraints) expect(['organizations', 'waves', 'org_units'], `${table} references ${c.target}`).toContain(c.target);
    }
    // Nothing else references an answer.
    const refs = await sql(
      `SELECT tc.table_name FROM information_schema.constraint_column_usage cu JOIN information_schema.table_constraints tc USING (constraint_name)
        WHERE cu.table_name IN ('employee_answers', 'employee_answer_staging') AND tc.constraint_type = 'FOREIGN KEY'`,
    );
    expect(refs).toEqual([]);

    const keys = Object.keys(WAVE1);
    const batches: { keys: string[]; xmins: Set<string> }[] = [];
    for (let i = 0; i < 10; i++) {
      await s.answer(wave.links[`${keys[i]}@redteam.test`], WAVE1[keys[i]]);
      const { staged, stored } = await stagedAndStored();
      // Below k staged, nothing is stored; at k, all of them move on together.
      expect({ staged, stored }).toEqual((i + 1) % K === 0 ? { staged: 0, stored: i + 1 } : { staged: (i + 1) % K, stored: K * Math.floor((i + 1) / K) });
      if ((i + 1) % K === 0) {
        const rows: { x: string }[] = await sql(`SELECT xmin::text AS x FROM employee_answers WHERE wave_id = $1`, [wave.id]);
        batches.push({ keys: keys.slice(i + 1 - K, i + 1), xmins: new Set(rows.map((r) => r.x)) });
      }
    }
    // Each batch was written by one transaction, which is none of the participations'.
    const participationXmins: { x: string }[] = await sql(`SELECT xmin::text AS x FROM employee_participations WHERE wave_id = $1 AND responded`, [wave.id]);
    const all = new Set(batches.flatMap((b) => [...b.xmins]));
    expect(all.size).toBe(2);
    for (const p of participationXmins) expect(all.has(p.x)).toBe(false);
    // The stored rows' order is not the order of answering: two shuffled batches of five.
    const stored: { score: number; reason: string | null }[] = await sql(`SELECT score, reason FROM employee_answers WHERE wave_id = $1`, [wave.id]);
    const answeredOrder = keys.slice(0, 10).map((k) => `${WAVE1[k].score}|${WAVE1[k].reason ?? null}`);
    const storedOrder = stored.map((r) => `${r.score}|${r.reason}`);
    expect([...storedOrder].sort()).toEqual([...answeredOrder].sort());
    for (const k of keys.slice(10)) await s.answer(wave.links[`${k}@redteam.test`], WAVE1[k]);
    // 3 staged, below k: a reader of the staging table sees them, with their cells only.
    expect(await stagedAndStored()).toEqual({ staged: 3, stored: 10 });
  });
});

describe('after the wave closes', () => {
  beforeAll(async () => {
    // Crafted after the wave opened: each keyword matches a few comments.
    for (const [name, words] of [
      ['Mentors', ['mentors']],
      ['Flexibility', ['flexible']],
      ['Too', ['too']],
      ['Good', ['good', 'great', 'kind']],
      ['Remote', ['remote', 'forgotten']],
    ] as const) {
      await s.ok(CREATE_THEME, { input: { name, keywords: [{ language: 'en', words }] } });
    }
    const suggested = await s.ok(`mutation($w: ID!) { suggestThemes(waveId: $w) { added comments removed } }`, { w: wave.id });
    expect(suggested.suggestThemes).toEqual({ added: null, comments: null, removed: null });
    await s.closeWave(wave.id);
    expect(await stagedAndStored()).toEqual({ staged: 0, stored: 0 });
  });

  describe('attack 3: multi-value and equivalent filters', () => {
    it('refuses several units or several values as BAD_USER_INPUT naming the field, changing nothing', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ segments: [{ key: 'location', value: 'Oslo' }, { key: 'location', value: 'Remote' }] }, 'filter.segments'],
        [{ segments: [{ key: 'location', value: 'Oslo' }, { key: 'tenure_band', value: '3+' }] }, 'filter.segments'],
        [{ orgUnitIds: [s.units.Alpha, s.units.Beta] }, 'filter.orgUnitIds'],
      ];
      for (const [filter, field] of cases) {
        for (const [query, extra] of [
          [SUMMARY, {}],
          [BREAKDOWN, { by: 'WAVE' }],
          [COMMENTS, {}],
          [THEMES, {}],
        ] as const) {
          const res = await s.gql(query, { filter: { ...filter, waveIds: [wave.id] }, ...extra });
          expect(res.errors?.[0].extensions, `${query.slice(0, 30)} ${JSON.stringify(filter)}`).toMatchObject({ code: 'BAD_USER_INPUT', field });
        }
      }
    });

    it('gives equivalent filters the same numbers, and no two nested released groups differ by 1 to k − 1 answers', async () => {
      const shown: { key: string; members: string[]; counts: number[] }[] = [];
      for (const { key, filter } of filtersOf(s)) {
        const res = await s.gql(SUMMARY, { filter: { ...filter, waveIds: [wave.id] } });
        const sm = res.data?.npsSummary;
        if (!sm || sm.suppressed || !sm.responses) continue;
        shown.push({ key, members: PEOPLE.filter((p) => memberOf(s, key, p)).map((p) => p.key), counts: [sm.promoters, sm.passives, sm.detractors] });
      }
      expect(shown.length).toBeGreaterThanOrEqual(3);
      const answeredIn = (members: string[]) => members.filter((m) => WAVE1[m]).length;
      for (const a of shown) {
        for (const b of shown) {
          if (a === b || !a.members.every((m) => b.members.includes(m))) continue;
          if (a.members.length === b.members.length) expect(a.counts, `${a.key} ≡ ${b.key}`).toEqual(b.counts);
          const rest = answeredIn(b.members) - answeredIn(a.members);
          expect(rest === 0 || rest >= K, `${b.key} − ${a.key} = ${rest} answers`).toBe(true);
        }
      }
      // A unit with a location the release did not cross is hidden, never "0 answers" (its people answered).
      const cross = (await s.ok(SUMMARY, { filter: { waveIds: [wave.id], orgUnitIds: [s.units.Alpha], segments: [{ key: 'location', value: 'Oslo' }] } })).npsSummary;
      expect(cross).toMatchObject({ suppressed: true, responses: null, hiddenReason: 'PROTECTS_SMALLER' });
      // Breakdown cells are the same groups: each equals its group's summary.
      const byOrg = (await s.ok(BREAKDOWN, { filter: { waveIds: [wave.id] }, by: 'ORG_UNIT' })).npsBreakdown;
      for (const cell of byOrg) {
        const own = (await s.ok(SUMMARY, { filter: { waveIds: [wave.id], orgUnitIds: [cell.key.replace(/^unit:/, '')] } })).npsSummary;
        expect(cell.summary).toMatchObject({ responses: own.responses, promoters: own.promoters, suppressed: own.suppressed });
      }
    });
  });

  describe('attack 4: crafted themes', () => {
    it('counts only the catalogue frozen when the wave opened: crafted themes count nothing, no theme is split by category', async () => {
      for (const { key, filter } of filtersOf(s).filter((f) => !f.key.includes('|') && !f.key.includes('location') && !f.key.includes('tenure'))) {
        const rows = (await s.ok(THEMES, { filter: { ...filter, waveIds: [wave.id] } })).themeResults as {
          theme: { name: string };
          suppressed: boolean;
          mentions: { responses: number | null; promoters: number | null; passives: number | null; detractors: number | null };
        }[];
        for (const r of rows) {
          expect(r.mentions.promoters, key).toBeNull();
          expect(r.mentions.detractors, key).toBeNull();
          if (r.theme.name !== 'Meetings') expect(r.mentions.responses ?? 0, `${key} ${r.theme.name}`).toBe(0);
        }
      }
      const board = (await s.ok(BOARD)).board;
      const employee = board.topThemes.find((t: { audience: string }) => t.audience === 'EMPLOYEE');
      expect(employee.amongDetractors).toEqual([]);
      expect(employee.amongPromoters).toEqual([]);
      expect(employee.mentioned.map((m: { theme: { name: string } }) => m.theme.name)).not.toEqual(expect.arrayContaining(['Mentors']));
      for (const m of employee.mentioned) expect(m.theme.name).toBe('Meetings');
    });
  });

  describe('attack 5: intersections of comment lists', () => {
    it('refuses comments per location or tenure band, and any two released lists differ or meet in 0 or at least k answers', async () => {
      const bad = await s.gql(COMMENTS, { filter: { waveIds: [wave.id], segments: [{ key: 'location', value: 'Remote' }] } });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.segments' });
      const lists: { key: string; comments: string[] }[] = [];
      for (const { key, filter } of filtersOf(s).filter((f) => !('segments' in f.filter))) {
        const res = (await s.ok(COMMENTS, { filter: { ...filter, waveIds: [wave.id] } })).employeeComments;
        if (!res.suppressed) lists.push({ key, comments: res.comments });
      }
      expect(lists.length).toBeGreaterThanOrEqual(1);
      for (const a of lists) {
        const n = authors(a.comments).size;
        expect(n === 0 || n >= K, `${a.key}: ${n}`).toBe(true);
        for (const b of lists) {
          if (a === b) continue;
          for (const part of [minus(a.comments, b.comments), minus(a.comments, minus(a.comments, b.comments))]) {
            const who = authors(part).size;
            expect(who === 0 || who >= K, `${a.key} vs ${b.key}: ${who} authors`).toBe(true);
          }
        }
      }
    });
  });
});
