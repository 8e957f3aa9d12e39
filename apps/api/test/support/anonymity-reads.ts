import { expect } from 'vitest';
import { ANY, CountSystem, type Category, type Tuple } from './anonymity-solver.js';
import { K, type Answer, type Person, type Scenario, type TeamName } from './anonymity-scenario.js';

/**
 * Every read of employee results an HR user (or ADMIN, or an analytics:read client) can make on the
 * scenario, and the attacker's equations from what they return. Nothing here imports the release
 * module: group membership is worked out from the roster, as an attacker would.
 */

export const SUMMARY_FIELDS = 'responses promoters passives detractors nps suppressed hiddenReason';
const SUMMARY = `query($filter: NpsFilter!) { npsSummary(filter: $filter) { ${SUMMARY_FIELDS} } }`;
const BREAKDOWN = `query($filter: NpsFilter!, $by: BreakdownDimension!, $segmentKey: String) {
  npsBreakdown(filter: $filter, by: $by, segmentKey: $segmentKey) { key label summary { ${SUMMARY_FIELDS} } } }`;
const TREND = `query($filter: NpsFilter!, $interval: TrendInterval!) { npsTrend(filter: $filter, interval: $interval) { period label summary { ${SUMMARY_FIELDS} } } }`;
export const COMMENTS = `query($filter: NpsFilter!) { employeeComments(filter: $filter) { suppressed hiddenReason comments } }`;
export const THEMES = `query($filter: NpsFilter!) { themeResults(filter: $filter) { theme { id name } suppressed share mentions { ${SUMMARY_FIELDS} } } }`;
export const RATES = `query($waveId: ID!) { responseRatesByOrgUnit(waveId: $waveId) { key label orgUnitId parentKey invited responded responseRate } }`;
export const RELEASE = `query($waveId: ID!) { employeeRelease(waveId: $waveId) { waveId threshold
  groups { key dimension orgUnitId value label parentKey invited distribution commentsReleased summary { ${SUMMARY_FIELDS} } }
  audit { method cells groups released hiddenBelowThreshold hiddenToProtect determined } } }`;
export const WAVE = `query($id: ID!) { wave(id: $id) { id status invited responded responseRate summary { ${SUMMARY_FIELDS} } scoreDistribution
  latestComments { reason } stages { survey firstReaction analysis improvements } } }`;
export const BOARD = `query { board { audiences { audience summary { ${SUMMARY_FIELDS} } previous { ${SUMMARY_FIELDS} } responseRate trend { period summary { ${SUMMARY_FIELDS} } } }
  topThemes { audience suppressed mentioned { count share theme { name } } amongDetractors { count } amongPromoters { count } } } }`;

export const LEADERBOARD = `query($input: LeaderboardInput!) { leaderboard(input: $input) { entityId name eligible invited responses note } }`;

export const LOCATIONS = ['Oslo', 'Warsaw', 'Remote'];
export const TENURE_BANDS = ['<1', '1-3', '3+'];

export interface Summary {
  responses: number | null;
  promoters: number | null;
  passives: number | null;
  detractors: number | null;
  suppressed: boolean;
  hiddenReason: string | null;
}

/** One read with what the attacker knows it is about: which waves and which group. */
export interface Read {
  label: string;
  waves: string[];
  key: string | null;
  data: unknown;
}

/** The filters of every group a filter can name (one unit, one value, a unit with one value). */
export function filtersOf(s: Scenario): { key: string; filter: Record<string, unknown> }[] {
  const units = [s.units.hq, s.units.product, s.units.Alpha, s.units.Beta, s.units.Gamma];
  const out: { key: string; filter: Record<string, unknown> }[] = [{ key: 'all', filter: {} }];
  for (const u of units) out.push({ key: `unit:${u}`, filter: { orgUnitIds: [u] } });
  for (const v of LOCATIONS) out.push({ key: `location:${v}`, filter: { segments: [{ key: 'location', value: v }] } });
  for (const v of TENURE_BANDS) out.push({ key: `tenure_band:${v}`, filter: { segments: [{ key: 'tenure_band', value: v }] } });
  for (const u of units) {
    for (const v of LOCATIONS) out.push({ key: `unit:${u}|location:${v}`, filter: { orgUnitIds: [u], segments: [{ key: 'location', value: v }] } });
    for (const v of TENURE_BANDS) out.push({ key: `unit:${u}|tenure_band:${v}`, filter: { orgUnitIds: [u], segments: [{ key: 'tenure_band', value: v }] } });
  }
  return out;
}

/**
 * Every employee read HR can make over the given waves: per wave and over all of them, every group
 * a filter can name (summary, comments, themes), every breakdown and trend, the waves' own fields,
 * participation, the releases and the board. Errors (a bad filter) are kept as data too.
 */
export async function readEverything(s: Scenario, waveIds: string[], token = s.tokens.hr): Promise<Read[]> {
  const reads: Read[] = [];
  const read = async (label: string, query: string, variables: Record<string, unknown>, waves: string[], key: string | null) => {
    const res = await s.gql(query, variables, token);
    reads.push({ label, waves, key, data: res.errors ? { error: res.errors.map((e) => e.extensions?.code) } : res.data });
  };
  const sets = [...waveIds.map((w) => [w]), ...(waveIds.length > 1 ? [waveIds] : [])];
  for (const waves of sets) {
    for (const { key, filter } of filtersOf(s)) {
      const f = { ...filter, waveIds: waves };
      await read(`summary ${key}`, SUMMARY, { filter: f }, waves, key);
      if (!('segments' in filter)) {
        await read(`comments ${key}`, COMMENTS, { filter: f }, waves, key);
        await read(`themes ${key}`, THEMES, { filter: f }, waves, key);
        await read(`breakdown org ${key}`, BREAKDOWN, { filter: f, by: 'ORG_UNIT' }, waves, key);
        for (const seg of ['location', 'tenure_band']) await read(`breakdown ${seg} ${key}`, BREAKDOWN, { filter: f, by: 'SEGMENT', segmentKey: seg }, waves, key);
      }
      await read(`breakdown wave ${key}`, BREAKDOWN, { filter: f, by: 'WAVE' }, waves, key);
      await read(`trend wave ${key}`, TREND, { filter: f, interval: 'WAVE' }, waves, key);
      await read(`trend month ${key}`, TREND, { filter: f, interval: 'MONTH' }, waves, key);
    }
  }
  await read('summary all waves', SUMMARY, { filter: { audience: 'EMPLOYEE' } }, waveIds, 'all');
  for (const w of waveIds) {
    await read(`wave ${w}`, WAVE, { id: w }, [w], 'all');
    await read(`rates ${w}`, RATES, { waveId: w }, [w], null);
    await read(`release ${w}`, RELEASE, { waveId: w }, [w], null);
  }
  await read('board', BOARD, {}, waveIds, null);
  const now = new Date();
  const period = { year: now.getUTCFullYear(), quarter: Math.floor(now.getUTCMonth() / 3) + 1 };
  await read('leaderboard', LEADERBOARD, { input: { audience: 'EMPLOYEE', entity: 'TEAM', metric: 'RESPONSE_RATE', period } }, waveIds, null);
  return reads;
}

/** Every summary object anywhere in a read (breakdown groups, trend points, the board's). */
export function summariesIn(data: unknown): Summary[] {
  const out: Summary[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if ('promoters' in o && 'suppressed' in o) out.push(o as unknown as Summary);
      Object.values(o).forEach(walk);
    }
  };
  walk(data);
  return out;
}

/** A wave as the attacker models it: the snapshot's people (the truth is kept for checking only). */
export interface WaveModel {
  id: string;
  people: Person[];
  truth: Record<string, Answer>;
}

const categoryOf = (score: number): Category => (score >= 9 ? 0 : score >= 7 ? 1 : 2);

/** Whether a person is in the group a release key names, from the roster alone. */
export function memberOf(s: Scenario, key: string, p: Person): boolean {
  return key.split('|').every((part) => {
    if (part === 'all') return true;
    const [kind, value] = [part.slice(0, part.indexOf(':')), part.slice(part.indexOf(':') + 1)];
    if (kind === 'unit') return value === s.units.hq || value === s.units.product || value === s.units[p.team as TeamName];
    if (kind === 'location') return p.location === value;
    if (kind === 'tenure_band') return p.tenureBand === value;
    throw new Error(`unknown group key ${key}`);
  });
}

export interface Attack {
  system: CountSystem;
  truth: Tuple[];
  /** Released groups read (distinct wave set and key), equations written. */
  groupsRead: number;
  /** Released (wave set, key) pairs with their counts, for the excuse of group-level disclosure. */
  released: { waves: string[]; key: string; counts: Tuple; invited: number; vars: number[] }[];
  participation: { wave: string; members: number[]; invited: number; responded: number }[];
}

const cellOf = (p: Person) => `${p.team}|${p.location}|${p.tenureBand}`;

/**
 * The attacker's equations from every read: released counts of a group over some waves (three
 * equations), a hidden group's THRESHOLD (fewer than k answers), participation rows (responded of
 * a group), and each wave's responded total.
 */
export function equationsOf(s: Scenario, waves: WaveModel[], reads: Read[]): Attack {
  const system = new CountSystem();
  const truth: Tuple[] = [];
  const cellsOf = new Map<string, Map<string, { v: number; people: Person[] }>>();
  for (const w of waves) {
    const cells = new Map<string, { v: number; people: Person[] }>();
    for (const p of w.people) {
      const id = cellOf(p);
      const cell = cells.get(id) ?? { v: -1, people: [] };
      cell.people.push(p);
      cells.set(id, cell);
    }
    for (const [id, cell] of cells) {
      cell.v = system.variable(w.id, id, cell.people.length);
      const t: Tuple = [0, 0, 0];
      for (const p of cell.people) if (w.truth[p.key]) t[categoryOf(w.truth[p.key].score)]++;
      truth[cell.v] = t;
    }
    cellsOf.set(w.id, cells);
  }
  const varsOf = (waveIds: string[], key: string) =>
    waveIds.flatMap((w) => [...(cellsOf.get(w)?.values() ?? [])].filter((c) => c.people.some((p) => memberOf(s, key, p))).map((c) => c.v));
  const invitedOf = (waveIds: string[], key: string) => varsOf(waveIds, key).reduce((n, v) => n + system.vars[v].size, 0);
  const released = new Map<string, Attack['released'][number]>();
  const summary = (waveIds: string[], key: string, sm: Summary, source: string) => {
    const vars = varsOf(waveIds, key);
    if (vars.length === 0) return;
    if (!sm.suppressed && sm.promoters !== null) {
      const counts: Tuple = [sm.promoters, sm.passives!, sm.detractors!];
      // An absent group reads as 0 answers; the attacker takes it at its word.
      counts.forEach((n, c) => system.add({ terms: vars.map((v) => ({ v, cats: [c as Category] })), lo: n, hi: n, source }));
      if (counts[0] + counts[1] + counts[2] > 0) released.set(`${waveIds.join(',')}#${key}`, { waves: waveIds, key, counts, invited: invitedOf(waveIds, key), vars });
    } else if (sm.hiddenReason === 'THRESHOLD' && waveIds.length === 1) {
      system.add({ terms: vars.map((v) => ({ v, cats: ANY })), lo: 0, hi: K - 1, source: `${source} THRESHOLD` });
    }
  };
  const participation: Attack['participation'] = [];
  for (const r of reads) {
    const d = r.data as Record<string, any>;
    if (!d || d.error) continue;
    if (d.npsSummary && r.key) summary(r.waves, r.key, d.npsSummary, r.label);
    if (d.employeeRelease) for (const g of d.employeeRelease.groups) summary(r.waves, g.key, g.summary, `${r.label} ${g.key}`);
    if (d.wave) {
      summary(r.waves, 'all', d.wave.summary, r.label);
      if (d.wave.responseRate !== null) {
        const vars = varsOf(r.waves, 'all');
        system.add({ terms: vars.map((v) => ({ v, cats: ANY })), lo: d.wave.responded, hi: d.wave.responded, source: r.label });
      }
    }
    if (d.leaderboard) {
      // A team's response counts summed over the period's waves: a participation equation when the
      // invited count is the sum of the waves' snapshots (the attacker checks it the same way).
      for (const e of d.leaderboard as { entityId: string | null; invited: number | null; responses: number }[]) {
        if (!e.entityId || e.invited === null) continue;
        const vars = varsOf(r.waves, `unit:${e.entityId}`);
        if (vars.reduce((n, v) => n + system.vars[v].size, 0) !== e.invited) continue;
        system.add({ terms: vars.map((v) => ({ v, cats: ANY })), lo: e.responses, hi: e.responses, source: `${r.label} ${e.entityId}` });
      }
    }
    if (d.responseRatesByOrgUnit) {
      for (const row of d.responseRatesByOrgUnit) {
        const vars = varsOf(r.waves, row.key);
        expect(vars.reduce((n, v) => n + system.vars[v].size, 0), `${r.label} ${row.key} invited`).toBe(row.invited);
        system.add({ terms: vars.map((v) => ({ v, cats: ANY })), lo: row.responded, hi: row.responded, source: `${r.label} ${row.key}` });
        participation.push({ wave: r.waves[0], members: vars, invited: row.invited, responded: row.responded });
      }
    }
  }
  return { system, truth, groupsRead: released.size, released: [...released.values()], participation };
}

export interface Determination {
  cells: number;
  categoriesDetermined: { wave: string; cell: string; category: Category }[];
  participationDetermined: { wave: string; cell: string; all: boolean }[];
}

/**
 * Solves the attack: for every cell of every wave, what every solution agrees on, beyond what a
 * released group's own result says of all its members (a unanimous group; 0 % or 100 %
 * participation of a released or shown group, or of a shown group's remainder), which issue 14
 * accepts as group-level disclosure.
 */
export function determine(attack: Attack): Determination {
  const { system, truth } = attack;
  const out: Determination = { cells: system.vars.length, categoriesDetermined: [], participationDetermined: [] };
  expect(system.violated(truth).map((e) => e.source), 'the true answers satisfy every equation').toEqual([]);
  const holding = (v: number) => attack.released.filter((g) => g.waves.length === 1 && g.waves[0] === system.vars[v].wave && g.vars.includes(v));
  for (let v = 0; v < system.vars.length; v++) {
    const { categories, canMiss, canAnswer } = system.cell(v);
    const { wave, cell } = system.vars[v];
    if (categories.length === 1) {
      const c = categories[0];
      const unanimous = holding(v).some((g) => g.counts[c] === g.counts[0] + g.counts[1] + g.counts[2]);
      if (!unanimous) out.categoriesDetermined.push({ wave, cell, category: c });
    }
    if (!canMiss || !canAnswer) {
      const all = !canMiss;
      const sets = participationSets(attack, wave);
      const excused =
        (all && holding(v).some((g) => g.counts[0] + g.counts[1] + g.counts[2] === g.invited)) ||
        sets.some((set) => set.members.includes(v) && (all ? set.responded === set.invited : set.responded === 0));
      if (!excused) out.participationDetermined.push({ wave, cell, all });
    }
  }
  return out;
}

/** A wave's shown participation groups and their remainders (a group minus the shown groups inside it). */
function participationSets(attack: Attack, wave: string) {
  const groups = attack.participation.filter((p) => p.wave === wave);
  const sets = [...groups];
  for (const g of groups) {
    const inner = groups.filter((o) => o !== g && o.members.length < g.members.length && o.members.every((m) => g.members.includes(m)));
    const rest = g.members.filter((m) => !inner.some((o) => o.members.includes(m)));
    if (rest.length < g.members.length && rest.length > 0) {
      const size = (ms: number[]) => ms.reduce((n, m) => n + attack.system.vars[m].size, 0);
      const direct = inner.filter((o) => !inner.some((x) => x.members.length > o.members.length && o.members.every((m) => x.members.includes(m))));
      sets.push({ wave, members: rest, invited: size(rest), responded: g.responded - direct.reduce((n, o) => n + o.responded, 0) });
    }
  }
  return sets;
}

/**
 * The reads of a running wave an attacker would poll (participation, the wave's fields, every kind
 * of result for the whole wave, each team and the one-person location): a few dozen queries, so
 * they can be repeated around every answer.
 */
export async function readLive(s: Scenario, waveId: string, token = s.tokens.hr): Promise<Read[]> {
  const reads: Read[] = [];
  const read = async (label: string, query: string, variables: Record<string, unknown>, key: string | null) => {
    const res = await s.gql(query, variables, token);
    reads.push({ label, waves: [waveId], key, data: res.errors ? { error: res.errors.map((e) => e.extensions?.code) } : res.data });
  };
  await read('wave', WAVE, { id: waveId }, 'all');
  await read('rates', RATES, { waveId }, null);
  await read('release', RELEASE, { waveId }, null);
  for (const { key, filter } of filtersOf(s).filter((f) => !f.key.includes('|'))) {
    const f = { ...filter, waveIds: [waveId] };
    await read(`summary ${key}`, SUMMARY, { filter: f }, key);
    if (!('segments' in filter)) {
      await read(`comments ${key}`, COMMENTS, { filter: f }, key);
      await read(`themes ${key}`, THEMES, { filter: f }, key);
    }
  }
  await read('breakdown org', BREAKDOWN, { filter: { waveIds: [waveId] }, by: 'ORG_UNIT' }, 'all');
  await read('breakdown location', BREAKDOWN, { filter: { waveIds: [waveId] }, by: 'SEGMENT', segmentKey: 'location' }, 'all');
  await read('breakdown wave', BREAKDOWN, { filter: { waveIds: [waveId] }, by: 'WAVE' }, 'all');
  await read('trend', TREND, { filter: { waveIds: [waveId] }, interval: 'WAVE' }, 'all');
  await read('summary employee', SUMMARY, { filter: { audience: 'EMPLOYEE' } }, 'all');
  await read('board', BOARD, {}, null);
  return reads;
}

/** A read with its participation fields (responded, responseRate, the survey stage's rate) taken out. */
export function withoutParticipation(reads: Read[]): unknown {
  const PARTICIPATION = ['responded', 'responseRate', 'survey'];
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).filter(([k]) => !PARTICIPATION.includes(k)).map(([k, v]) => [k, strip(v)]));
    return x;
  };
  return reads.map((r) => ({ label: r.label, data: strip(r.data) }));
}
