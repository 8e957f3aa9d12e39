import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY, importContacts, inviteOne, openWave } from './support/surveys.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * A survey link must open after the server has sat idle: the pool then drops its idle connection
 * and opens a new one, and on the embedded database that new connection reaches the same PGlite
 * session, which still holds the named statement the first link prepared. Run on both databases,
 * with a short idle timeout so the pool really recycles between the two links.
 */
const IDLE_MS = 150;
const databases = [{ name: 'embedded', embedded: true }, ...(process.env.DATABASE_URL ? [{ name: 'PostgreSQL', embedded: false }] : [])];

describe.each(databases)('survey links after the pool recycles its connection ($name)', ({ embedded }) => {
  let app: TestApp;
  let tokens: string[];

  beforeAll(async () => {
    app = await startTestApp({ embedded, pool: { idleTimeoutMs: IDLE_MS } });
    const cx = await app.login('cx@demo.test');
    const waveId = await openWave(app, cx, { name: 'Idle pool wave', languages: ['en'] });
    const ids = await importContacts(app, cx, [
      ['first@idle.example', 'First', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
      ['second@idle.example', 'Second', 'en', 'manager@demo.test', 'Sales EU', 'EU', 'Staffing'],
    ]);
    tokens = [
      await inviteOne(app, cx, waveId, ids['first@idle.example'], 'first@idle.example'),
      await inviteOne(app, cx, waveId, ids['second@idle.example'], 'second@idle.example'),
    ];
  });
  afterAll(() => app?.close());

  const pool = () => (app.db.dataSource.driver as unknown as { master: { totalCount: number } }).master;

  it('opens a second link once the first link’s connection has been dropped as idle', async () => {
    const first = await app.gql(SURVEY, { token: tokens[0] });
    expect(first.errors).toBeUndefined();
    expect(first.data.surveyByToken.waveName).toBeTruthy();

    // Wait until the pool has closed every idle connection.
    const deadline = Date.now() + 5_000;
    while (pool().totalCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, IDLE_MS));
    expect(pool().totalCount).toBe(0);

    const second = await app.gql(SURVEY, { token: tokens[1] });
    expect(second.errors).toBeUndefined();
    expect(second.data.surveyByToken.alreadyAnswered).toBe(false);
    // And the first link again, on yet another connection.
    while (pool().totalCount > 0 && Date.now() < deadline + 5_000) await new Promise((r) => setTimeout(r, IDLE_MS));
    expect((await app.gql(SURVEY, { token: tokens[0] })).errors).toBeUndefined();
  });
});
