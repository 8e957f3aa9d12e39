import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The embedded database (PGlite) is one session underneath, reached through a pool of one. This
 * file always runs on it, even when DATABASE_URL is set, so both modes are tested on every run.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ embedded: true });
});
afterAll(() => app?.close());

describe('embedded database', () => {
  it('is what the server runs on here', async () => {
    expect(app.db.mode).toBe('embedded');
    expect(((await (await fetch(`${app.url}/readyz`)).json()) as any).database).toBe('embedded');
  });

  it('serves the demo login and concurrent transactions without mixing them', async () => {
    const logins = await Promise.all(
      Array.from({ length: 8 }, () => app.gql(`mutation { login(email: "admin@demo.test", password: "tandem-demo") { refreshToken } }`)),
    );
    const tokens = logins.map((r) => r.data!.login.refreshToken as string);
    // Eight refresh transactions at once: each must commit on its own.
    const refreshed = await Promise.all(tokens.map((t) => app.gql(`mutation($t: String!) { refresh(refreshToken: $t) { refreshToken } }`, { t })));
    expect(refreshed.every((r) => r.data?.refresh.refreshToken)).toBe(true);
    const [{ spent }] = await app.db.dataSource.query(`SELECT count(*)::int AS spent FROM refresh_tokens WHERE used_at IS NOT NULL`);
    expect(spent).toBe(8);
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      app.db.dataSource.transaction(async (tx) => {
        await tx.query(`INSERT INTO organizations (name, slug) VALUES ('Ghost', 'ghost')`);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await app.db.dataSource.query(`SELECT 1 FROM organizations WHERE slug = 'ghost'`);
    expect(rows).toHaveLength(0);
  });

  it('keeps the data between restarts when given a folder', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { openDatabase } = await import('../src/db/data-source.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'tandem-pglite-'));
    const first = await openDatabase({ databaseUrl: null, embeddedDir: dir });
    await first.dataSource.query(`INSERT INTO organizations (name, slug) VALUES ('Kept', 'kept')`);
    await first.close();
    const second = await openDatabase({ databaseUrl: null, embeddedDir: dir });
    expect(await second.dataSource.query(`SELECT name FROM organizations`)).toEqual([{ name: 'Kept' }]);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000); // it migrates a fresh database on disk: seconds alone, far more beside another test file
});
