import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Everything the server reads from its environment, validated once at start. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** A real PostgreSQL server; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl: string | null;
  /** Where the embedded database, the development JWT secret and the mail outbox live. */
  dataDir: string;
  jwtSecret: string;
  /**
   * SURVEY_LINK_SECRET: the key survey links are derived from (survey/invitations/tokens.ts), so a
   * mail job that runs again after a crash mails the same link, and a reminder repeats the link the
   * person already has. Defaults to a key derived from the JWT secret; set it on its own to rotate
   * JWT_SECRET without voiding the links of open waves.
   */
  surveyLinkSecret: string;
  /**
   * SECRET_ENCRYPTION_KEY: the AES-256-GCM key of secrets stored encrypted (users' TOTP secrets,
   * webhook endpoints' signing secrets),
   * derived (HKDF-SHA256) from the given text of at least 32 characters. Defaults to a key derived
   * from the JWT secret; set it on its own to rotate JWT_SECRET without losing second factors.
   */
  secretEncryptionKey: Buffer;
  /**
   * SECRET_ENCRYPTION_KEY_PREVIOUS: earlier values of SECRET_ENCRYPTION_KEY (or the earlier JWT
   * secret it was derived from), comma-separated, derived the same way. A stored secret is opened
   * with the current key, else with these; at start those that open only under one of these are
   * sealed again with the current key (kernel/sealed-column.ts).
   */
  previousSecretEncryptionKeys: Buffer[];
  /**
   * QUERY_TIMEOUT_SECONDS: the longest a GraphQL operation's database statement may run (default 15;
   * 0: no limit). On PostgreSQL a statement past it is cancelled (statement_timeout); on the embedded
   * database, which cannot cancel one, the operation's next statement is refused. Either way the
   * operation answers QUERY_TIMEOUT. Background jobs (imports, exports, mail) have no such limit.
   */
  queryTimeoutMs: number;
  /** MAIL_RATE_PER_SECOND: wave mails one process sends per second for one organization (default 1000; 0: no limit). */
  mailRatePerSecond: number;
  /**
   * MAIL_RETRY_LIMIT and MAIL_RETRY_DELAY_SECONDS: a wave mail batch whose mails fail runs again
   * up to this many times (default 6), the first after this delay (default 15 s), doubling with
   * jitter (about 16 minutes in all); after that its failed mails are listed as FAILED.
   */
  mailRetryLimit: number;
  mailRetryDelaySeconds: number;
  /**
   * MAIL_STEP_SECONDS: how long one step of a mail batch's job works before a next job goes on
   * (default 15). A step's time limit is four times this: after a crash, the batch goes on that
   * long later (plus up to JOB_MAINTENANCE_SECONDS on PostgreSQL).
   */
  mailStepSeconds: number;
  /** JOB_MAINTENANCE_SECONDS: how often the job queue fails jobs past their time limit so they run again (default 120). */
  jobMaintenanceSeconds: number;
  publicUrl: string;
  smtpUrl: string | null;
  /** The From address of outgoing mail (MAIL_FROM); defaults to no-reply at the public host. */
  mailFrom: string;
  outboxDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** LOG_FORMAT: readable lines in development, JSON lines (for a log collector) otherwise. */
  logFormat: 'pretty' | 'json';
  webDist: string;
  /** Seed the demo organization into an empty database. */
  seedDemo: boolean;
  /** GraphQL requests per minute per client address; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** API_CLIENT_RATE_LIMIT_PER_MINUTE: requests per minute per API client, from any address (default 600); 0 turns it off. */
  apiClientRateLimitPerMinute: number;
  /**
   * ANSWER_QUEUE_LIMIT: respondents' answers that may wait for the answer writer in one process
   * (default 5000); past it an answer is refused with HTTP 503 and Retry-After (OVERLOADED), which
   * the respondent's page retries. 0 turns the limit off.
   */
  answerQueueLimit: number;
  /** SUBSCRIPTION_CONNECTIONS_PER_CALLER: open subscription sockets one user or API client may hold per process (default 10). */
  subscriptionConnectionsPerCaller: number;
  /**
   * GRAPHQL_INTROSPECTION: who may ask the schema (__schema, __type) over HTTP. "admins": only a
   * signed-in ADMIN user (the web app's API explorer); "everyone": anyone. Default "admins" in
   * production, "everyone" elsewhere. Integrators read the committed SDL (apps/api/schema.graphql).
   * With "admins" the Apollo landing page (sandbox) is off too.
   */
  introspection: 'admins' | 'everyone';
  /**
   * LOGIN_FAILURES_PER_ACCOUNT (default 10) and LOGIN_FAILURES_PER_ADDRESS (default 100): failed
   * logins, refreshes or API token exchanges in a row for one account (email or client id), or from
   * one address within 15 minutes, before it is locked out for LOGIN_LOCKOUT_SECONDS (default 60), doubling with each
   * lock-out within a day (at most a day). 0 turns a limit off.
   */
  loginFailuresPerAccount: number;
  loginFailuresPerAddress: number;
  loginLockoutSeconds: number;
  /**
   * RUN_WORKERS: the API process runs the background job workers too (the default). On PostgreSQL
   * it may be false when separate worker processes (npm run worker) do the work; the embedded
   * database is one process's only, so there it must stay true.
   */
  runWorkers: boolean;
  /**
   * SCHEDULE_TICK_SECONDS: how often the scheduler's tick sweeps for due work by the app's clock
   * (reminders, follow-ups past their SLA, waves past closesAt, undispatched events); 0 turns it off.
   * Default 60.
   */
  scheduleTickSeconds: number;
  /**
   * WEBHOOK_ALLOW_PRIVATE_NETWORKS: webhooks may call private, loopback and link-local addresses
   * (default false: refused, except loopback in development and test, for a local receiver).
   */
  webhookAllowPrivateNetworks: boolean;
  /**
   * REDIS_URL (redis:// or rediss://): live subscriptions fan out through Redis pub/sub, so an
   * event handled by any process (an API or a worker) reaches subscribers connected to every API
   * process. Without it they fan out inside the process, which is enough for one process.
   */
  redisUrl: string | null;
  /**
   * METRICS_TOKEN: GET /metrics (Prometheus) answers only a request carrying
   * `Authorization: Bearer <METRICS_TOKEN>`; without the setting, or with another token, it is 404.
   * At least 32 characters, printable ASCII without spaces.
   */
  metricsToken: string | null;
  /**
   * OTEL_EXPORTER_OTLP_ENDPOINT (the OpenTelemetry standard variable): an OTLP/HTTP collector
   * (http:// or https://) that traces go to, at <endpoint>/v1/traces. Unset: no tracing is loaded.
   */
  otlpEndpoint: string | null;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

// src/config.ts and dist/config.js sit at the same depth, so one relative path serves both.
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = path.resolve(packageRoot, '../..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function port(env: Env): number {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return 4000;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535) throw new ConfigError('PORT', `must be a whole number from 0 to 65535 (got "${raw}")`);
  return value;
}

function count(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number (got "${raw}")`);
  return Number(raw);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${parsed.protocol}//")`);
  }
  return raw;
}

function mailFrom(env: Env, publicUrl: string): string {
  const raw = env.MAIL_FROM;
  if (raw === undefined || raw === '') return `Tandem <no-reply@${new URL(publicUrl).hostname}>`;
  if (!/^[^@\s<>]+@[^@\s<>]+$|^[^<>]*<[^@\s<>]+@[^@\s<>]+>$/.test(raw.trim())) {
    throw new ConfigError('MAIL_FROM', `must be an address like "Tandem <surveys@example.com>" (got "${raw}")`);
  }
  return raw.trim();
}

/** In production the secret must be given; elsewhere one is generated once and kept under dataDir. */
function jwtSecret(env: Env, mode: Config['env'], dataDir: string): string {
  const raw = env.JWT_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
    return raw;
  }
  if (mode === 'production') throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** SURVEY_LINK_SECRET when given (at least 32 characters), else a key derived from the JWT secret. */
function surveyLinkSecret(env: Env, jwt: string): string {
  const raw = env.SURVEY_LINK_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('SURVEY_LINK_SECRET', 'must be at least 32 characters long');
    return raw;
  }
  return createHmac('sha256', jwt).update('tandem survey links').digest('base64url');
}

/** The AES-256 key of stored secrets: HKDF-SHA256 of a key's text (or of the JWT secret) to 32 bytes. */
const storedSecretsKey = (material: string) => Buffer.from(hkdfSync('sha256', material, 'tandem', 'tandem stored secrets v1', 32));

/** SECRET_ENCRYPTION_KEY when given (at least 32 characters), else the JWT secret, through HKDF to 32 bytes. */
function secretEncryptionKey(env: Env, jwt: string): Buffer {
  const raw = env.SECRET_ENCRYPTION_KEY;
  if (raw !== undefined && raw !== '' && raw.length < 32) throw new ConfigError('SECRET_ENCRYPTION_KEY', 'must be at least 32 characters long');
  return storedSecretsKey(raw !== undefined && raw !== '' ? raw : jwt);
}

/** SECRET_ENCRYPTION_KEY_PREVIOUS: earlier keys (or JWT secrets), comma-separated, each at least 32 characters, through the same HKDF. */
function previousSecretEncryptionKeys(env: Env): Buffer[] {
  const raw = env.SECRET_ENCRYPTION_KEY_PREVIOUS;
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((part, i) => {
    const value = part.trim();
    if (value.length < 32) {
      throw new ConfigError('SECRET_ENCRYPTION_KEY_PREVIOUS', `must be keys of at least 32 characters each, separated by commas (key ${i + 1} has ${value.length})`);
    }
    return storedSecretsKey(value);
  });
}

/** METRICS_TOKEN: at least 32 printable ASCII characters, no spaces (it travels in a header). */
function metricsToken(env: Env): string | null {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return null;
  if (!/^[\x21-\x7e]+$/.test(raw)) throw new ConfigError('METRICS_TOKEN', 'must be printable ASCII characters without spaces');
  if (raw.length < 32) throw new ConfigError('METRICS_TOKEN', `must be at least 32 characters (got ${raw.length})`);
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const mode = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const p = port(env);
  const dataDir = path.resolve(env.DATA_DIR || path.join(repoRoot, 'var'));
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${p}`;
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const runWorkers = oneOf(env, 'RUN_WORKERS', ['true', 'false'] as const, 'true') === 'true';
  if (!runWorkers && !databaseUrl) {
    throw new ConfigError('RUN_WORKERS', 'can be false only with DATABASE_URL: the embedded database runs its jobs inside the API process');
  }
  const jwt = jwtSecret(env, mode, dataDir);
  return {
    env: mode,
    port: p,
    host: env.HOST || (mode === 'production' ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    dataDir,
    jwtSecret: jwt,
    surveyLinkSecret: surveyLinkSecret(env, jwt),
    secretEncryptionKey: secretEncryptionKey(env, jwt),
    previousSecretEncryptionKeys: previousSecretEncryptionKeys(env),
    queryTimeoutMs: count(env, 'QUERY_TIMEOUT_SECONDS', 15) * 1000,
    mailRatePerSecond: count(env, 'MAIL_RATE_PER_SECOND', 1000),
    mailRetryLimit: count(env, 'MAIL_RETRY_LIMIT', 6),
    mailRetryDelaySeconds: count(env, 'MAIL_RETRY_DELAY_SECONDS', 15),
    mailStepSeconds: Math.max(1, count(env, 'MAIL_STEP_SECONDS', 15)),
    jobMaintenanceSeconds: Math.max(1, count(env, 'JOB_MAINTENANCE_SECONDS', 120)),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: mailFrom(env, publicUrl),
    outboxDir: path.resolve(env.OUTBOX_DIR || path.join(dataDir, 'outbox')),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, mode === 'test' ? 'warn' : 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['pretty', 'json'] as const, mode === 'development' ? 'pretty' : 'json'),
    webDist: path.resolve(env.WEB_DIST || path.join(repoRoot, 'apps/web/dist')),
    seedDemo: oneOf(env, 'SEED_DEMO', ['true', 'false'] as const, 'true') === 'true',
    rateLimitPerMinute: count(env, 'RATE_LIMIT_PER_MINUTE', 1200),
    apiClientRateLimitPerMinute: count(env, 'API_CLIENT_RATE_LIMIT_PER_MINUTE', 600),
    subscriptionConnectionsPerCaller: count(env, 'SUBSCRIPTION_CONNECTIONS_PER_CALLER', 10),
    introspection: oneOf(env, 'GRAPHQL_INTROSPECTION', ['admins', 'everyone'] as const, mode === 'production' ? 'admins' : 'everyone'),
    loginFailuresPerAccount: count(env, 'LOGIN_FAILURES_PER_ACCOUNT', 10),
    loginFailuresPerAddress: count(env, 'LOGIN_FAILURES_PER_ADDRESS', 100),
    loginLockoutSeconds: Math.max(1, count(env, 'LOGIN_LOCKOUT_SECONDS', 60)),
    answerQueueLimit: count(env, 'ANSWER_QUEUE_LIMIT', 5000),
    runWorkers,
    scheduleTickSeconds: count(env, 'SCHEDULE_TICK_SECONDS', 60),
    webhookAllowPrivateNetworks: oneOf(env, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS', ['true', 'false'] as const, 'false') === 'true',
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    metricsToken: metricsToken(env),
    otlpEndpoint: url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']),
  };
}
