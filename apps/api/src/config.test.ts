import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'tandem-config-'));

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has working defaults for a new user', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ env: 'development', port: 4000, databaseUrl: null, smtpUrl: null, publicUrl: 'http://localhost:4000', logFormat: 'pretty' });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('keeps introspection for admins in production, open elsewhere, and takes the login limits', () => {
    const secret = 'x'.repeat(40);
    expect(loadConfig({ DATA_DIR: dataDir() }).introspection).toBe('everyone');
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', JWT_SECRET: secret }).introspection).toBe('admins');
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', JWT_SECRET: secret, GRAPHQL_INTROSPECTION: 'everyone' }).introspection).toBe('everyone');
    expect(failure({ GRAPHQL_INTROSPECTION: 'nobody' }).variable).toBe('GRAPHQL_INTROSPECTION');
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({ loginFailuresPerAccount: 10, loginFailuresPerAddress: 100, loginLockoutSeconds: 60 });
    expect(loadConfig({ DATA_DIR: dataDir(), LOGIN_FAILURES_PER_ACCOUNT: '0' }).loginFailuresPerAccount).toBe(0);
  });

  it('derives the key of stored secrets from SECRET_ENCRYPTION_KEY, else from the JWT secret, and takes the query timeout', () => {
    const jwt = 'j'.repeat(40);
    const derived = loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: jwt }).secretEncryptionKey;
    expect(derived).toHaveLength(32);
    expect(loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: jwt }).secretEncryptionKey.equals(derived)).toBe(true);
    const own = loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: jwt, SECRET_ENCRYPTION_KEY: 'k'.repeat(32) }).secretEncryptionKey;
    expect(own).toHaveLength(32);
    expect(own.equals(derived)).toBe(false);
    expect(failure({ SECRET_ENCRYPTION_KEY: 'short' }).variable).toBe('SECRET_ENCRYPTION_KEY');
    expect(loadConfig({ DATA_DIR: dataDir() }).queryTimeoutMs).toBe(15_000);
    expect(loadConfig({ DATA_DIR: dataDir(), QUERY_TIMEOUT_SECONDS: '0' }).queryTimeoutMs).toBe(0);
    expect(failure({ QUERY_TIMEOUT_SECONDS: '1.5' }).variable).toBe('QUERY_TIMEOUT_SECONDS');
  });

  it('derives SECRET_ENCRYPTION_KEY_PREVIOUS the same way: earlier keys or an earlier JWT secret, comma-separated', () => {
    const jwt = 'j'.repeat(40);
    const keyOf = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir(), ...env }).secretEncryptionKey;
    expect(loadConfig({ DATA_DIR: dataDir() }).previousSecretEncryptionKeys).toEqual([]);
    expect(loadConfig({ DATA_DIR: dataDir(), SECRET_ENCRYPTION_KEY_PREVIOUS: ' ' }).previousSecretEncryptionKeys).toEqual([]);
    const previous = loadConfig({ DATA_DIR: dataDir(), SECRET_ENCRYPTION_KEY: 'n'.repeat(32), SECRET_ENCRYPTION_KEY_PREVIOUS: `${'k'.repeat(32)}, ${jwt}` }).previousSecretEncryptionKeys;
    expect(previous).toHaveLength(2);
    expect(previous[0].equals(keyOf({ SECRET_ENCRYPTION_KEY: 'k'.repeat(32) }))).toBe(true);
    expect(previous[1].equals(keyOf({ JWT_SECRET: jwt }))).toBe(true);
    for (const bad of ['short', `${'k'.repeat(32)},`, `${'k'.repeat(32)},short`]) {
      const error = failure({ SECRET_ENCRYPTION_KEY_PREVIOUS: bad });
      expect(error.variable).toBe('SECRET_ENCRYPTION_KEY_PREVIOUS');
      expect(error.message).toContain('SECRET_ENCRYPTION_KEY_PREVIOUS');
      expect(error.message).not.toContain('k'.repeat(32));
    }
    expect(failure({ SECRET_ENCRYPTION_KEY_PREVIOUS: `${'k'.repeat(32)},short` }).message).toContain('key 2 has 5');
  });

  it('generates the development JWT secret once and keeps it under DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(readFileSync(path.join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ RUN_WORKERS: 'no' }, 'RUN_WORKERS'],
    [{ RUN_WORKERS: 'false' }, 'RUN_WORKERS'],
  ])('refuses %o naming %s', (env, variable) => {
    const error = failure(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('accepts a production setup with a long secret and a PostgreSQL URL', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    });
    expect(config).toMatchObject({ env: 'production', host: '0.0.0.0', databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', logFormat: 'json' });
  });

  it('takes METRICS_TOKEN (at least 32 printable characters) and OTEL_EXPORTER_OTLP_ENDPOINT, naming either when malformed', () => {
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({ metricsToken: null, otlpEndpoint: null });
    const token = 'm'.repeat(32);
    expect(loadConfig({ DATA_DIR: dataDir(), METRICS_TOKEN: token, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toMatchObject({ metricsToken: token, otlpEndpoint: 'http://127.0.0.1:4318' });
    for (const bad of ['short', 'm'.repeat(31), `${'m'.repeat(32)} x`]) {
      const error = failure({ METRICS_TOKEN: bad });
      expect(error.variable).toBe('METRICS_TOKEN');
      expect(error.message).toContain('METRICS_TOKEN');
      expect(error.message).not.toContain(bad);
    }
    expect(failure({ METRICS_TOKEN: 'short' }).message).toContain('at least 32 characters (got 5)');
    expect(failure({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' }).variable).toBe('OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(failure({ OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' }).variable).toBe('OTEL_EXPORTER_OTLP_ENDPOINT');
  });

  it('runs the job workers in the API process unless told not to, which needs PostgreSQL', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).runWorkers).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), RUN_WORKERS: 'false', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).runWorkers).toBe(false);
  });
});

describe('the settings turbo passes through', () => {
  /** Every variable loadConfig reads, in development and in production. */
  function settingsRead(): Set<string> {
    const read = new Set<string>();
    const recording = (env: Record<string, string>) =>
      new Proxy(env, {
        get(target, name) {
          if (typeof name === 'string') read.add(name);
          return target[name as string];
        },
      });
    loadConfig(recording({ DATA_DIR: dataDir() }));
    loadConfig(recording({ DATA_DIR: dataDir(), NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }));
    return read;
  }

  // turbo runs `npm start` in strict environment mode: a setting missing from a task's
  // passThroughEnv never reaches the server, and is ignored without a word.
  it.each(['start', 'worker'])('lists every setting the server reads for `%s`', (task) => {
    const turbo = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../turbo.json'), 'utf8')) as { tasks: Record<string, { passThroughEnv?: string[] }> };
    const passed = new Set(turbo.tasks[task].passThroughEnv ?? []);
    const read = settingsRead();
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((name) => !passed.has(name))).toEqual([]);
  });
});
