import { expect } from 'vitest';
import { createOrganization } from './fixtures.js';
import { INVITE, SUBMIT, outbox } from './surveys.js';
import type { GqlResult, TestApp } from './test-app.js';

/**
 * The scenario of issue 14, driven through the real GraphQL API as HR, ADMIN and an API client
 * would: k = 5, a department ("Product") of three small teams, sixteen people, two waves. The
 * attack tests (test/anonymity-attacks-*.test.ts) replay the issue's attacks on it; this file holds
 * only the scenario and the HR reads, no attack logic.
 *
 *   Alpha (6): a1 Oslo <1, a2 Oslo 1-3, a3 Oslo 3+, a4 Warsaw 1-3, a5 Warsaw 3+, a6 Remote 3+
 *   Beta  (5): b1 Oslo <1, b2 Oslo 1-3, b3 Oslo 3+, b4 Warsaw 1-3, b5 Warsaw 3+
 *   Gamma (5): g1 Oslo <1, g2 Oslo 1-3, g3 Oslo 3+, g4 Warsaw <1, g5 Oslo 3+
 *
 * a6 is the only person in Remote (the "only person in Y" of attack 3) and leaves before wave 2.
 */

export const K = 5;
export type TeamName = 'Alpha' | 'Beta' | 'Gamma';

export interface Person {
  key: string;
  email: string;
  team: TeamName;
  location: string;
  tenureBand: string;
}

const P = (key: string, team: TeamName, location: string, tenureBand: string): Person => ({ key, email: `${key}@redteam.test`, team, location, tenureBand });

export const PEOPLE: Person[] = [
  P('a1', 'Alpha', 'Oslo', '<1'),
  P('a2', 'Alpha', 'Oslo', '1-3'),
  P('a3', 'Alpha', 'Oslo', '3+'),
  P('a4', 'Alpha', 'Warsaw', '1-3'),
  P('a5', 'Alpha', 'Warsaw', '3+'),
  P('a6', 'Alpha', 'Remote', '3+'),
  P('b1', 'Beta', 'Oslo', '<1'),
  P('b2', 'Beta', 'Oslo', '1-3'),
  P('b3', 'Beta', 'Oslo', '3+'),
  P('b4', 'Beta', 'Warsaw', '1-3'),
  P('b5', 'Beta', 'Warsaw', '3+'),
  P('g1', 'Gamma', 'Oslo', '<1'),
  P('g2', 'Gamma', 'Oslo', '1-3'),
  P('g3', 'Gamma', 'Oslo', '3+'),
  P('g4', 'Gamma', 'Warsaw', '<1'),
  P('g5', 'Gamma', 'Oslo', '3+'),
];

export interface Answer {
  score: number;
  reason?: string;
  suggestion?: string;
}

/** Wave 1: 13 of 16 answer (a5, b5 and g4 do not). */
export const WAVE1: Record<string, Answer> = {
  a1: { score: 10, reason: 'Great mentors in the team', suggestion: 'More pairing' },
  a2: { score: 9, reason: 'Flexible hours' },
  a3: { score: 7, reason: 'Fine, a bit slow' },
  a4: { score: 3, reason: 'Too many meetings', suggestion: 'Cancel the weekly sync' },
  a6: { score: 2, reason: 'Remote people are forgotten', suggestion: 'Record the all-hands' },
  b1: { score: 10, reason: 'Kind colleagues' },
  b2: { score: 8, suggestion: 'Better laptops' },
  b3: { score: 6, reason: 'Unclear goals' },
  b4: { score: 9, reason: 'Good pay' },
  g1: { score: 9, reason: 'Interesting product' },
  g2: { score: 10, reason: 'Great mentors', suggestion: 'Keep the offsite' },
  g3: { score: 5, reason: 'Too many meetings' },
  g5: { score: 8, reason: 'Flexible hours' },
};

/**
 * Wave 2, after a6 left: everyone else who answered before answers alike (the worst case for the
 * cross-wave attack), and g4 answers this time.
 */
export const WAVE2: Record<string, Answer> = {
  ...Object.fromEntries(Object.entries(WAVE1).filter(([key]) => key !== 'a6')),
  g4: { score: 7, reason: 'Okay' },
};

export const LEAVER = 'a6';

export const HEADER = 'email,name,language,org_unit,location,tenure_band';
export const rosterLine = (p: Pick<Person, 'email' | 'location' | 'tenureBand'> & { team: string }, name = p.email.split('@')[0]) =>
  `${p.email},${name},en,${p.team},${p.location},${p.tenureBand}`;

export interface Scenario {
  app: TestApp;
  organizationId: string;
  tokens: { hr: string; admin: string; api: string };
  /** Unit ids: the organization's HQ, the department and its teams. */
  units: { hq: string; product: string } & Record<TeamName, string>;
  /** Every body the server answered to the attacker (HR, ADMIN, API client), for scans. */
  bodies: string[];
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult>;
  /** Data of an operation that must succeed. */
  ok(query: string, variables?: Record<string, unknown>, token?: string): Promise<any>;
  importRoster(people: (Pick<Person, 'email' | 'location' | 'tenureBand'> & { team: string })[]): Promise<any>;
  /** Creates and opens an employee wave and invites the roster; returns the survey link token per email. */
  openEmployeeWave(name: string): Promise<{ id: string; links: Record<string, string> }>;
  /** Answers through the public survey link, as the employee. */
  answer(link: string, a: Answer): Promise<void>;
  closeWave(waveId: string): Promise<void>;
}

const IMPORT = `mutation($csv: String!) { importEmployees(csv: $csv) { imported created updated deactivated errors { line field message } } }`;

/** A fresh organization with the scenario's units, its roster imported, k = 5. */
export async function buildScenario(app: TestApp, slug = 'redteam'): Promise<Scenario> {
  const db = app.db.dataSource.manager;
  const org = await createOrganization(db, slug, ['ADMIN', 'HR']);
  await db.query(`UPDATE organizations SET settings = jsonb_set(settings, '{anonymityThreshold}', to_jsonb($2::int)) WHERE id = $1`, [org.org.id, K]);
  const hr = await app.login(org.users.HR, org.password);
  const admin = await app.login(org.users.ADMIN, org.password);
  await db.query(`INSERT INTO api_clients (organization_id, name, client_id, secret_hash, scopes) VALUES ($1, 'BI', $2, $3, $4)`, [
    org.org.id,
    `${slug}-bi`,
    await (await import('../../src/kernel/passwords.js')).hashSecret('redteam-bi-secret-redteam-bi-secret'),
    ['analytics:read'],
  ]);
  const issued = await app.gql(`mutation($id: String!, $s: String!) { issueApiToken(clientId: $id, clientSecret: $s) { accessToken } }`, {
    id: `${slug}-bi`,
    s: 'redteam-bi-secret-redteam-bi-secret',
  });
  const api = issued.data.issueApiToken.accessToken as string;

  const bodies: string[] = [];
  const gql = async (query: string, variables: Record<string, unknown> = {}, token = hr) => {
    const res = await app.gql(query, variables, token);
    bodies.push(JSON.stringify(res));
    return res;
  };
  const ok = async (query: string, variables: Record<string, unknown> = {}, token = hr) => {
    const res = await gql(query, variables, token);
    expect(res.errors, `${query.slice(0, 80)} ${JSON.stringify(variables)}`).toBeUndefined();
    return res.data;
  };
  const unit = async (name: string, parentId: string | null) =>
    (await ok(`mutation($n: String!, $p: ID) { createOrgUnit(name: $n, parentId: $p) { id } }`, { n: name, p: parentId }, admin)).createOrgUnit.id as string;
  const product = await unit('Product', org.unit.id);
  const units = { hq: org.unit.id, product, Alpha: await unit('Alpha', product), Beta: await unit('Beta', product), Gamma: await unit('Gamma', product) };

  const scenario: Scenario = {
    app,
    organizationId: org.org.id,
    tokens: { hr, admin, api },
    units,
    bodies,
    gql,
    ok,
    async importRoster(people) {
      const csv = [HEADER, ...people.map((p) => rosterLine(p))].join('\n');
      const result = (await ok(IMPORT, { csv })).importEmployees;
      expect(result.errors).toEqual([]);
      return result;
    },
    async openEmployeeWave(name) {
      const created = await ok(`mutation($input: CreateWaveInput!) { createWave(input: $input) { id } }`, { input: { name, audience: 'EMPLOYEE' } });
      const id = created.createWave.id as string;
      await ok(`mutation($id: ID!) { openWave(id: $id) { id } }`, { id });
      const before = new Set(outbox(app).map((m) => m.file));
      await ok(INVITE, { waveId: id, target: { all: true } });
      const links: Record<string, string> = {};
      for (const mail of outbox(app)) if (!before.has(mail.file)) links[mail.to] = mail.token;
      return { id, links };
    },
    async answer(link, a) {
      // The respondent is anonymous: no token, no log-in.
      const res = await app.gql(SUBMIT, { token: link, input: { score: a.score, reason: a.reason ?? null, suggestion: a.suggestion ?? null } });
      expect(res.errors).toBeUndefined();
      expect(res.data.submitResponse.ok).toBe(true);
    },
    async closeWave(waveId) {
      await ok(`mutation($id: ID!) { closeWave(id: $id) { id status } }`, { id: waveId });
    },
  };
  await scenario.importRoster(PEOPLE);
  return scenario;
}

/** The scenario's people as the roster had them when a wave was opened (its snapshot). */
export const snapshotOf = (people: Person[], leavers: string[] = []) => people.filter((p) => !leavers.includes(p.key));
