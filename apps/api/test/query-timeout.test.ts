import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestManager } from '../src/db/query-timeout.js';
import { DomainError } from '../src/kernel/errors.js';
import { codeOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The per-operation time limit (QUERY_TIMEOUT_SECONDS, db/query-timeout.ts; OWASP: DoS timeouts),
 * on both databases. A statement is made slow for real: a trigger that sleeps when a user is
 * renamed "Slow Name". On PostgreSQL statement_timeout cancels it; the embedded database cannot
 * cancel a running statement, so the operation's next statement is refused. One connection in the
 * pool, so the connection that timed out is the one every later check runs on.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ env: { QUERY_TIMEOUT_SECONDS: '1' }, pool: { poolSize: 1 } });
  await app.db.dataSource.query(`CREATE FUNCTION test_slow_rename() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1.5); RETURN NEW; END $$`);
  await app.db.dataSource.query(`CREATE TRIGGER test_slow_rename BEFORE UPDATE ON users FOR EACH ROW WHEN (NEW.name = 'Slow Name') EXECUTE FUNCTION test_slow_rename()`);
}, 120_000);
afterAll(() => app?.close());

const RENAME = `mutation($id: ID!, $name: String!) { updateUser(id: $id, input: { name: $name }) { id name } }`;
const isEmbedded = () => app.db.mode === 'embedded';

describe('query timeout', () => {
  it('reads its limit from QUERY_TIMEOUT_SECONDS (default 15 s)', () => {
    expect(app.config.queryTimeoutMs).toBe(1000);
  });

  it('stops an operation that runs past the limit with QUERY_TIMEOUT, keeps none of it, and the next request is served', async () => {
    const admin = await app.login('admin@demo.test');
    const [{ id, name }] = await app.db.dataSource.query(`SELECT id, name FROM users WHERE email = 'cx@demo.test'`);
    const slow = await app.gql(RENAME, { id, name: 'Slow Name' }, admin);
    expect(codeOf(slow)).toBe('QUERY_TIMEOUT');
    expect(slow.errors![0].message).toMatch(/took longer than the server allows/);
    expect(slow.data).toBeNull();
    // The rename's transaction was rolled back.
    expect((await app.db.dataSource.query(`SELECT name FROM users WHERE id = $1`, [id]))[0].name).toBe(name);
    // The connection is healthy: the next operation runs and commits.
    const quick = await app.gql(RENAME, { id, name: 'Quick Name' }, admin);
    expect(quick.data?.updateUser).toEqual({ id, name: 'Quick Name' });
  });

  it('leaves work outside GraphQL operations (jobs, migrations) without a limit, on the same connection', async () => {
    const admin = await app.login('admin@demo.test');
    expect((await app.gql(`{ me { id } }`, {}, admin)).data?.me.id).toBeTruthy();
    expect((await app.db.dataSource.query(`SHOW statement_timeout`))[0].statement_timeout).toBe('0');
    // 1.2 s: past the operations' limit, and not cancelled.
    expect(await app.db.dataSource.query(`SELECT 1 AS ok FROM pg_sleep(1.2)`)).toEqual([{ ok: 1 }]);
  });

  it("cancels a statement past the limit (PostgreSQL), or refuses the operation's next one (embedded)", async () => {
    const db = requestManager(app.db.dataSource, 300);
    if (isEmbedded()) {
      await db.query(`SELECT pg_sleep(0.5)`);
      await expect(db.query(`SELECT 1`)).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    } else {
      const started = Date.now();
      const error = await db.query(`SELECT pg_sleep(3)`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'QUERY_TIMEOUT' });
      // Cancelled, not waited out (a bound far from the limit: no timing assertion near it).
      expect(Date.now() - started).toBeLessThan(2500);
    }
    // A transaction cut short is rolled back, and the connection is out of it.
    const tx = requestManager(app.db.dataSource, 300);
    const failed = await tx
      .transaction(async (m) => {
        await m.query(`UPDATE users SET name = 'Half Done' WHERE email = 'cx@demo.test'`);
        await m.query(`SELECT pg_sleep(0.5)`);
        await m.query(`SELECT 1`);
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect((await app.db.dataSource.query(`SELECT name FROM users WHERE email = 'cx@demo.test'`))[0].name).not.toBe('Half Done');
    expect(await app.db.dataSource.query(`SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
  });

  it('turns off with 0', () => {
    expect(requestManager(app.db.dataSource, 0)).toBe(app.db.dataSource.manager);
  });
});
