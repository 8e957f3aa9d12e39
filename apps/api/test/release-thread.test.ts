import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTeam } from './support/employee-data.js';
import { createOrganization } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * A closed employee wave's release may outlive the request that started it: its audit can take
 * minutes (it runs on the release thread, release/off-thread.ts), and a request may only take
 * QUERY_TIMEOUT_SECONDS. Here the release's store is held up past the closing request's limit (1 s)
 * by another session holding the release's advisory lock; the release is stored all the same,
 * once the lock goes, because it is made with the data source's own connections. Made with the
 * request's, its store was cancelled at the limit and the wave stayed unreleased until a read
 * made it again — and a release whose audit took longer than the limit never got stored at all.
 *
 * PostgreSQL only: holding the lock takes a second session, and the embedded database has one.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!process.env.DATABASE_URL)('a release held up past the closing request’s time limit', () => {
  let app: TestApp;
  let hr: string;
  let waveId: string;
  const scores = [10, 9, 9, 8, 7, 6, 3, 10, 9, 0, 5, 8];

  beforeAll(async () => {
    app = await startTestApp({ env: { QUERY_TIMEOUT_SECONDS: '1' } });
    const db = app.db.dataSource.manager;
    const org = await createOrganization(db, 'release-thread', ['HR']);
    hr = await app.login(org.users.HR, org.password);
    waveId = (await app.gql(`mutation { createWave(input: { name: "Pulse", audience: EMPLOYEE }) { id } }`, {}, hr)).data.createWave.id;
    await app.gql(`mutation($id: ID!) { openWave(id: $id) { id } }`, { id: waveId }, hr);
    await insertTeam(db, waveId, { orgUnitId: org.unit.id, invited: 15, answers: scores.map((score) => ({ score, reason: 'A reason' })) });
  }, 240_000);
  afterAll(() => app?.close());

  it('is stored once the lock goes, every answer counted, though the request that closed the wave had ended long before', async () => {
    const lock = `employee-release:${waveId}`;
    const holder = app.db.dataSource.createQueryRunner();
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext($1))`, [lock]);
      const closed = await app.gql(`mutation($id: ID!) { closeWave(id: $id) { status } }`, { id: waveId }, hr);
      expect(closed.errors).toBeUndefined();
      expect(closed.data.closeWave.status).toBe('CLOSED');
      // Past the closing request's limit, the release waits on the lock; nothing is stored yet.
      await sleep(2_000);
      expect(await app.db.dataSource.query(`SELECT 1 FROM employee_releases WHERE wave_id = $1`, [waveId])).toEqual([]);
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lock]);
      await holder.release();
    }
    // No read asks for it meanwhile (a read would make it again): the table is watched directly.
    let stored = false;
    for (const end = Date.now() + 30_000; !stored && Date.now() < end; await sleep(100)) {
      stored = (await app.db.dataSource.query(`SELECT 1 FROM employee_releases WHERE wave_id = $1`, [waveId])).length === 1;
    }
    expect(stored, 'the release is stored after the lock goes').toBe(true);
    const res = await app.gql(`query($id: ID!) { wave(id: $id) { summary { responses promoters detractors suppressed } } }`, { id: waveId }, hr);
    expect(res.data.wave.summary).toEqual({
      responses: scores.length,
      promoters: scores.filter((s) => s >= 9).length,
      detractors: scores.filter((s) => s <= 6).length,
      suppressed: false,
    });
    const [{ left }] = await app.db.dataSource.query(`SELECT count(*)::int AS left FROM employee_answers WHERE wave_id = $1`, [waveId]);
    expect(left).toBe(0);
  }, 120_000);
});
