import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY, importContacts, inviteOne, openWave } from './support/surveys.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * A survey link must open after the server has sat idle. On PostgreSQL the pool drops an idle
 * connection and opens a new one; on the embedded database it keeps its one connection (PGlite's
 * socket server takes one at a time), and when that connection is lost anyway the next one starts
 * from a clean session, although PGlite is one session underneath and still holds the named
 * statement the first link prepared. Run on both databases, with a short idle timeout.
 */
const IDLE_MS = 150;
const databases = [{ name: 'embedded', embedded: true }, ...(process.env.DATABASE_URL ? [{ name: 'PostgreSQL', embedded: false }] : [])];

describe.each(databases)('survey links after the server sat idle ($name)', ({ embedded }) => {
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

  type Pool = { totalCount: number; connect(): Promise<{ release(destroy?: boolean): void }> };
  const pool = () => (app.db.dataSource.driver as unknown as { master: Pool }).master;
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const opens = async (token: string) => {
    const res = await app.gql(SURVEY, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data.surveyByToken.waveName).toBeTruthy();
  };

  it('opens links before and after an idle spell, and after the connection was lost', async () => {
    await opens(tokens[0]);
    await pause(IDLE_MS * 4);
    // PostgreSQL: the idle connection is gone and the next link opens a new one. Embedded: kept.
    expect(pool().totalCount).toBe(embedded ? 1 : 0);
    await opens(tokens[1]);

    // A lost connection (a network error, a restart of the socket server): the next one is new.
    const client = await pool().connect();
    client.release(true);
    await pause(IDLE_MS);
    await opens(tokens[0]);
    await opens(tokens[1]);
  });
});
