import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { mailsTo } from './support/surveys.js';
import { createLogger } from '../src/logger.js';
import { mailDemoDigest } from '../src/seed/demo-digest.js';
import { mailDemoNews } from '../src/seed/demo-discussions.js';

/**
 * The story the seeded demo tells (demo-history.ts): a trend point for every audience in every
 * month of the board, an employee trend of several guarded points, a measurable positive effect of
 * the implemented improvement, resolved history follow-ups beside the open ones of the current
 * wave, and the leaderboard's deliberately small Operations team still below the minimum.
 */
const BOARD = `query { board { followUpsOpen audiences { audience trend { period summary { responses nps suppressed } } } } }`;
const EFFECT = `query($id: ID!) { improvement(id: $id) { title status effect { before { responses nps } after { responses nps } change significant } } }`;

let app: TestApp;
let org: string;
let leader: string;
let cx: string;
const sql = (query: string, params: unknown[] = []) => app.db.dataSource.query(query, params);

beforeAll(async () => {
  app = await startTestApp();
  [{ id: org }] = await sql(`SELECT id FROM organizations WHERE slug = 'demo'`);
  leader = await app.login('leader@demo.test');
  cx = await app.login('cx@demo.test');
});

afterAll(async () => {
  await app?.close();
});

describe('the demo history', () => {
  it('gives every identified audience answers in every month of the board trend, and the employees several shown points', async () => {
    const res = await app.gql(BOARD, {}, leader);
    expect(res.errors).toBeUndefined();
    const byAudience = new Map(res.data.board.audiences.map((a: { audience: string; trend: unknown[] }) => [a.audience, a.trend]));
    // The month in progress holds only the current cycle's answers: every whole month before it is history.
    for (const [audience, least] of [['CUSTOMER', 20], ['CANDIDATE', 3], ['ASSOCIATE', 3]] as const) {
      const trend = byAudience.get(audience) as { period: string; summary: { responses: number } }[];
      expect(trend).toHaveLength(12);
      for (const point of trend.slice(0, 11)) expect(point.summary.responses, `${audience} ${point.period}`).toBeGreaterThanOrEqual(least);
    }
    const employee = byAudience.get('EMPLOYEE') as { summary: { responses: number | null; suppressed: boolean; nps: number | null } }[];
    expect(employee.filter((p) => !p.summary.suppressed && p.summary.nps !== null).length).toBeGreaterThanOrEqual(3);
  });

  it('releases every closed employee wave: the small People & Culture hidden, most teams shown, no answers kept', async () => {
    const rows: { wave: string; unit: string; released: boolean; reason: string | null; history: boolean }[] = await sql(
      `SELECT w.name AS wave, g.label AS unit, g.released, g.hidden_reason AS reason, w.closed_at < now() - interval '150 days' AS history
         FROM employee_release_groups g JOIN waves w ON w.id = g.wave_id
        WHERE g.organization_id = $1 AND g.dimension = 'ORG_UNIT' AND g.parent_key LIKE 'unit:%'`,
      [org],
    );
    expect(new Set(rows.map((r) => r.wave)).size).toBe(4);
    for (const r of rows) if (r.unit === 'People & Culture') expect(r.reason, r.wave).toBe('THRESHOLD');
    for (const r of rows.filter((r) => r.history && r.unit !== 'People & Culture')) expect(r.reason ?? 'PROTECTS_SMALLER', `${r.wave} ${r.unit}`).toBe('PROTECTS_SMALLER');
    for (const wave of new Set(rows.map((r) => r.wave))) {
      expect(rows.filter((r) => r.wave === wave && r.released).length, wave).toBeGreaterThanOrEqual(3);
    }
    const [{ left }] = await sql(
      `SELECT count(*)::int AS left FROM employee_answers a JOIN waves w ON w.id = a.wave_id WHERE a.organization_id = $1 AND w.status = 'CLOSED'`,
      [org],
    );
    expect(left).toBe(0);
  });

  it('shows a significant improvement of the Sales customers after the shift confirmations', async () => {
    const [{ id }] = await sql(`SELECT id FROM improvements WHERE organization_id = $1 AND title = 'Confirm every shift by text the day before'`, [org]);
    const { effect } = (await app.gql(EFFECT, { id }, cx)).data.improvement;
    expect(effect.before.responses).toBeGreaterThanOrEqual(60);
    expect(effect.after.responses).toBeGreaterThanOrEqual(40);
    expect(effect.change).toBeGreaterThan(20);
    expect(effect.after.nps - effect.before.nps).toBeCloseTo(effect.change, 8);
    expect(effect.significant).toBe(true);
  });

  it('resolves the follow-ups of closed waves and keeps the current wave’s open ones', async () => {
    const [{ open, history }] = await sql(
      `SELECT count(*) FILTER (WHERE f.status <> 'RESOLVED')::int AS open,
              count(*) FILTER (WHERE f.status <> 'RESOLVED' AND w.status = 'CLOSED')::int AS history
         FROM follow_ups f JOIN waves w ON w.id = f.wave_id WHERE f.organization_id = $1`,
      [org],
    );
    expect(history).toBe(0);
    expect(open).toBeGreaterThan(0);
    expect((await app.gql(BOARD, {}, leader)).data.board.followUpsOpen).toBe(open);
    const [{ late }] = await sql(`SELECT count(*)::int AS late FROM follow_ups WHERE organization_id = $1 AND (resolved_at > now() OR contacted_at > resolved_at)`, [org]);
    expect(late).toBe(0);
  });

  it('keeps Operations below the leaderboard minimum in the last ended quarter', async () => {
    const now = new Date();
    const q = Math.floor(now.getUTCMonth() / 3);
    const period = q === 0 ? { year: now.getUTCFullYear() - 1, quarter: 4 } : { year: now.getUTCFullYear(), quarter: q };
    const res = await app.gql(`query($input: LeaderboardInput!) { leaderboard(input: $input) { name eligible responses } }`, { input: { period, entity: 'TEAM', metric: 'NPS' } }, leader);
    const operations = res.data.leaderboard.find((e: { name: string }) => e.name === 'Operations');
    expect(operations.eligible).toBe(false);
    expect(res.data.leaderboard.filter((e: { eligible: boolean }) => e.eligible).length).toBeGreaterThanOrEqual(3);
  });

  it("mails the opted-in follower's first weekly digest, in her language, so a fresh start has one in the outbox", async () => {
    expect(await mailDemoDigest(app.services, app.db.dataSource.manager, createLogger('silent'))).toBe(1);
    const [digest, ...more] = mailsTo(app, 'manager@demo.test').filter((m) => m.raw.includes('X-Tandem-Notification: DIGEST'));
    expect(more).toEqual([]);
    expect(digest.raw).toContain('Content-Language: pl');
    expect(digest.body).toContain('/feed');
    expect(digest.body).toMatch(/\/digest-off\//);
    const [prefs] = await sql(`SELECT p.digest_frequency FROM notification_preferences p JOIN users u ON u.id = p.user_id WHERE u.email = 'manager@demo.test'`);
    expect(prefs.digest_frequency).toBe('WEEKLY');
  });

  it("mails the leader last month's programme news, in his language, so a fresh start has it in the outbox", async () => {
    expect(await mailDemoNews(app.services, app.db.dataSource.manager)).toBe(1);
    const [news, ...more] = mailsTo(app, 'leader@demo.test').filter((m) => m.raw.includes('X-Tandem-Notification: PROGRAMME_NEWS'));
    expect(more).toEqual([]);
    expect(news.raw).toContain('Content-Language: sl');
    expect(news.body).toMatch(/Novice programa za \d{4}-\d{2}/);
  });
});
