import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const API = fileURLToPath(new URL('..', import.meta.url));

/**
 * The process as `npm start` runs it (src/main.ts on the embedded database): SIGTERM stops the
 * HTTP server, the job workers and the database in order and exits 0, well before main.ts's own
 * 15-second deadline forces an exit with 1.
 */
describe('shutting down', () => {
  it('exits cleanly and quickly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: API,
      env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'development', SEED_DEMO: 'false', PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tandem-shutdown-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect.poll(() => output, { timeout: 90_000, interval: 200 }).toContain('Tandem is running');
    const sent = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    expect(output).not.toContain('shutdown took longer');
    expect(code).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(Date.now() - sent).toBeLessThan(10_000);
  }, 120_000);
});
