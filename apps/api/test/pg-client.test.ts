import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTogether } from '../src/kernel/sql.js';
import { createLogger } from '../src/logger.js';
import { releaseInTransaction } from '../src/reporting/anonymity/release/service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * pg 8 deprecates a second client.query() on a client already busy ("Calling client.query() when
 * the client is already executing a query"): independent reads started at once on a transaction's
 * one connection (the demo seed makes its employee releases in one) queued on it. readTogether
 * (kernel/sql.ts) runs them at once on the pool and one after the other on a transaction.
 */
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
process.on('warning', onWarning);
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
}, 120_000);

afterAll(async () => {
  process.off('warning', onWarning);
  await app?.close();
});

describe('queries on one client', () => {
  it("makes an employee release inside a transaction (the demo seed's way) without queueing a query on a busy client", async () => {
    const [wave] = await app.db.dataSource.query(
      `SELECT w.id, w.organization_id FROM waves w JOIN organizations o ON o.id = w.organization_id
        WHERE o.slug = 'demo' AND w.audience = 'EMPLOYEE' AND w.status = 'CLOSED' LIMIT 1`,
    );
    const rolledBack = new Error('rolled back');
    await expect(
      app.db.dataSource.transaction(async (tx) => {
        await releaseInTransaction(tx, createLogger('silent'), wave.organization_id, wave.id, 5);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  });

  it('reads one after the other on a transaction, and at once on the pool', async () => {
    const run = async (db: Parameters<typeof readTogether>[0]) => {
      const steps: string[] = [];
      const read = (i: number) => async () => {
        steps.push(`start ${i}`);
        const [row] = await db.query(`SELECT $1::int AS i, pg_sleep(0.02)`, [i]);
        steps.push(`end ${i}`);
        return row.i as number;
      };
      const results = await readTogether<[number, number, number]>(db, [read(1), read(2), read(3)]);
      return { results, steps };
    };
    const inTransaction = await app.db.dataSource.transaction((tx) => run(tx));
    expect(inTransaction).toEqual({ results: [1, 2, 3], steps: ['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3'] });
    const onPool = await run(app.db.dataSource.manager);
    expect(onPool.results).toEqual([1, 2, 3]);
    expect(onPool.steps.slice(0, 3)).toEqual(['start 1', 'start 2', 'start 3']);
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  });
});
