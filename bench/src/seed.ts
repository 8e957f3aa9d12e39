/**
 * `npm run bench:seed -- --responses N [--database-url URL]`
 *
 * Adds N answers to the demo organization (slug 'demo') of a database the server has already
 * migrated and seeded: ~75 % identified responses (customer, candidate, associate waves, with
 * invitations and detractor follow-ups) and ~25 % anonymous employee answers (with participations).
 * The bench dimensions — 50 org units, 20 owners, waves over the last 24 months, contact and
 * employee pools — are created first, idempotently. Rows are generated inside PostgreSQL
 * (INSERT … SELECT FROM generate_series), spread deterministically by hashing, in batches run on
 * two connections. The real indexes stay in place.
 */
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { apiModule, requireApiModule, withApiDataSource } from './api-build.js';
import { argValue } from './cli.js';
import { freezeThemeCatalogue, makeReleases } from './releases.js';
import { usedParams } from './sql-params.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The API build the bench runs and takes hooks from (BENCH_API_DIST overrides it, e.g. to try a hook). */
export const API_DIST = resolve(process.env.BENCH_API_DIST ?? resolve(REPO_ROOT, 'apps/api/dist'));

type Audience = 'CUSTOMER' | 'CANDIDATE' | 'ASSOCIATE' | 'EMPLOYEE';
type Identified = Exclude<Audience, 'EMPLOYEE'>;

/** Share of each audience in the answers added; waves of an audience share by how long they ran. */
const AUDIENCE_SHARE: Record<Audience, number> = { CUSTOMER: 0.45, CANDIDATE: 0.15, ASSOCIATE: 0.15, EMPLOYEE: 0.25 };
/** Typical response rate per audience; each wave varies it by up to ±5 points. */
const RESPONSE_RATE: Record<Audience, number> = { CUSTOMER: 0.55, CANDIDATE: 0.45, ASSOCIATE: 0.6, EMPLOYEE: 0.75 };
/** Shifts the score distribution: candidates are harder to please, associates a little easier. */
const AUDIENCE_BIAS: Record<Audience, number> = { CUSTOMER: 0, CANDIDATE: -0.05, ASSOCIATE: 0.03, EMPLOYEE: -0.04 };
/** Answers per INSERT statement. */
const BATCH = 25_000;

const DIVISIONS = ['North', 'South', 'East', 'West', 'Central'];
const TEAMS_PER_DIVISION = 9; // 5 divisions + 45 teams = 50 org units
const OWNERS = 20;

/** Weighted choices: [value, weight]. */
const REGIONS: [string, number][] = [['EU', 45], ['US', 25], ['CIS', 15], ['APAC', 15]];
const BUSINESS_AREAS: [string, number][] = [['Manufacturing', 25], ['Logistics', 25], ['Healthcare', 15], ['Retail', 20], ['IT services', 15]];
const PRODUCTS: Record<Identified, [string, number][]> = {
  CUSTOMER: [['Temporary staffing', 30], ['Managed services', 20], ['Permanent placement', 15], ['Payroll services', 10], ['RPO', 10], ['Executive search', 8], ['Training', 7]],
  CANDIDATE: [['Permanent placement', 70], ['Executive search', 30]],
  ASSOCIATE: [['Temporary staffing', 75], ['Managed services', 25]],
};
const EU_LANGUAGES: [string, number][] = [['en', 25], ['pl', 35], ['da', 20], ['sl', 20]];
const LOCATIONS: [string, number][] = [['Warsaw', 30], ['Copenhagen', 20], ['Ljubljana', 15], ['Moscow', 10], ['New York', 15], ['Singapore', 10]];
const LOCATION_LANGUAGE: Record<string, string> = { Warsaw: 'pl', Copenhagen: 'da', Ljubljana: 'sl', Moscow: 'ru', 'New York': 'en', Singapore: 'en' };
const TENURE_BANDS: [string, number][] = [['<1y', 25], ['1-3y', 35], ['3-5y', 20], ['5y+', 20]];

/**
 * Score distribution before bias (NPS ≈ +34): the upper bound of the uniform draw for scores 0..9;
 * 10 takes the rest. 0: 2 %, 1: 1 %, 2: 1.5 %, 3: 2 %, 4: 2.5 %, 5: 4 %, 6: 5 %, 7: 10 %, 8: 20 %, 9: 27 %, 10: 25 %.
 */
const SCORE_CDF = [0.02, 0.03, 0.045, 0.065, 0.09, 0.13, 0.18, 0.28, 0.48, 0.75];

const REASONS = {
  DETRACTOR: ['Replacements took too long', 'Invoices had errors again', 'Workers did not show up for the first shift', 'Hard to reach our account manager', 'Too little information during the process'],
  PASSIVE: ['Good service, but prices went up', 'Mostly reliable, onboarding could be smoother', 'Fine overall, communication is sometimes slow'],
  PROMOTER: ['Fast and reliable', 'Great candidates, all passed probation', 'Our account manager knows our business', 'Excellent communication throughout'],
};
const SUGGESTIONS = ['Weekly status updates', 'A backup contact when the manager is away', 'Confirm shifts a day in advance', 'Simpler timesheets', 'Clearer pricing'];

const DAY_MS = 24 * 3600_000;

// ---------------------------------------------------------------------------------------------
// SQL building blocks: deterministic pseudo-random numbers by hashing, weighted picks.

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (values: string[]) => `ARRAY[${values.map(lit).join(', ')}]::text[]`;

/** A uniform number in [0, 1) from hashing a bigint expression with a salt. */
const uniformOf = (bigintExpr: string, salt: number) => `((hashint8extended(${bigintExpr}, ${salt}) & 9007199254740991)::float8 / 9007199254740992.0)`;

/**
 * SQL: an id made of a kind tag and two numbers (a batch stamp and the row number, or a pool and an
 * index), so that bulk rows get ascending ids: they append to each primary-key and foreign-key
 * index instead of splitting pages all over it, which about halves the time of a bulk load with
 * every index in place. The API's own rows keep their random ids; a uuid key only needs to be
 * unique.
 */
const orderedId = (kind: number, hi: string, lo: string) =>
  `(${lit(kind.toString(16).padStart(4, '0'))} || lpad(to_hex(${hi}), 12, '0') || lpad(to_hex(${lo}), 16, '0'))::uuid`;
const ID_KIND = { contact: 0xbe01, invitation: 0xbe02, response: 0xbe03, followUp: 0xbe04, participation: 0xbe05, employee: 0xbe06 };

/**
 * SQL: a 64-hex-digit token hash for a bulk invitation or participation, unique, whose token nobody
 * knows. Like orderedId it starts with the batch stamp and row number, so that bulk rows append to
 * the unique index rather than split pages all over it.
 */
const bulkTokenHash = (stamp: string, n: string, key: string) =>
  `lpad(to_hex(${stamp}), 14, '0') || lpad(to_hex(${n}), 8, '0') || md5('bench-token' || ${key}) || left(md5('bench-token+' || ${key}), 10)`;

/** The cumulative thresholds of a weighted choice (without the last, which is 1). */
export function cumulative(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.slice(0, -1).map((w) => Number(((sum += w) / total).toFixed(6)));
}

/** SQL picking a value of `choices` by the uniform number `u` (an SQL expression). */
function pick(choices: [string, number][], u: string): string {
  if (choices.length === 1) return lit(choices[0][0]);
  const thresholds = cumulative(choices.map(([, w]) => w));
  return `(${textArray(choices.map(([v]) => v))})[width_bucket(${u}, ARRAY[${thresholds.join(', ')}]::float8[]) + 1]`;
}

/** SQL: a 0–10 score from a uniform number shifted by a bias, and its category. */
const scoreOf = (u: string, bias: string) => `width_bucket(least(0.999999, greatest(0.0, ${u} + ${bias})), ARRAY[${SCORE_CDF.join(', ')}]::float8[])::smallint`;
const categoryOf = (score: string) => `CASE WHEN ${score} >= 9 THEN 'PROMOTER' WHEN ${score} >= 7 THEN 'PASSIVE' ELSE 'DETRACTOR' END`;

/** SQL: a comment for about `share` of the answers, chosen by the uniform number `u`, else NULL. */
function commentOf(texts: string[], u: string, share: number): string {
  return `CASE WHEN ${u} < ${share} THEN (${textArray(texts)})[1 + floor(${u} / ${share} * ${texts.length})::int] END`;
}
const reasonOf = (category: string, u: string) =>
  `CASE ${category} WHEN 'PROMOTER' THEN ${commentOf(REASONS.PROMOTER, u, 0.35)} WHEN 'PASSIVE' THEN ${commentOf(REASONS.PASSIVE, u, 0.35)} ELSE ${commentOf(REASONS.DETRACTOR, u, 0.35)} END`;

/** SQL: invitation / participation n of a batch answered, so that exactly `answered` of `invited` are, spread evenly. */
const answeredExpr = (n: string, answered: string, invited: string) =>
  `floor((${n} + 1)::numeric * ${answered}::numeric / ${invited}::numeric) > floor(${n}::numeric * ${answered}::numeric / ${invited}::numeric)`;

// ---------------------------------------------------------------------------------------------
// Dimensions: org units, owners, waves, contacts, employees.

export interface WaveSpec {
  name: string;
  audience: Audience;
  opensAt: Date;
  closesAt: Date;
  /** Still running: OPEN, closing at the end of its period. */
  open: boolean;
}

const quarterName = (d: Date) => `${d.getUTCFullYear()} Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
const halfName = (d: Date) => `${d.getUTCFullYear()} H${Math.floor(d.getUTCMonth() / 6) + 1}`;

/**
 * The bench waves: quarterly customer NPS and eNPS waves (the last 8 quarters), half-yearly
 * candidate and associate waves (the last 4 half-years) — all inside the last 24 months; the
 * current period's waves are OPEN. Names are calendar periods, so reruns find the same waves.
 */
export function waveSpecs(now: Date): WaveSpec[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const periods = (months: number, count: number) =>
    Array.from({ length: count }, (_, k) => {
      const first = Math.floor(m / months) * months - k * months;
      return { opensAt: new Date(Date.UTC(y, first, 1)), closesAt: new Date(Date.UTC(y, first + months, 1)) };
    }).reverse();
  const specs: WaveSpec[] = [];
  const add = (audience: Audience, title: string, months: number, count: number, name: (d: Date) => string) => {
    for (const p of periods(months, count)) specs.push({ name: `Bench ${title} ${name(p.opensAt)}`, audience, ...p, open: p.closesAt > now });
  };
  add('CUSTOMER', 'customer NPS', 3, 8, quarterName);
  add('CANDIDATE', 'candidate experience', 6, 4, halfName);
  add('ASSOCIATE', 'associate pulse', 6, 4, halfName);
  add('EMPLOYEE', 'eNPS', 3, 8, quarterName);
  return specs;
}

/** Splits `total` into integers proportional to `weights` (largest remainder), summing to `total`. */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i] += 1;
  }
  return parts;
}

/** A small stable string hash, for per-wave variations. */
function hashString(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

const rateOf = (wave: { name: string; audience: Audience }) => RESPONSE_RATE[wave.audience] + ((hashString(wave.name) % 11) - 5) / 100;

interface Wave extends WaveSpec {
  id: string;
  /** Position in waveSpecs: a stable number for hash keys. */
  seq: number;
}

interface Dimensions {
  organizationId: string;
  teamIds: string[];
  ownerIds: string[];
  waves: Wave[];
}

async function loadDefaultQuestions(): Promise<(audience: Audience) => { kind: string; texts: Record<string, string> }[]> {
  const mod = await requireApiModule<{ defaultQuestions(a: Audience): { kind: string; texts: Record<string, string> }[] }>(API_DIST, 'survey/waves/default-questions.js');
  return mod.defaultQuestions;
}

export const WAVE_LANGUAGES = ['en', 'pl', 'da', 'ru', 'sl'];

/**
 * Inserts a wave with the standard questions unless the organization has one of that name; its id
 * either way. An employee wave gets its theme catalogue frozen, as openWave does.
 */
export async function ensureWave(db: pg.ClientBase, organizationId: string, spec: WaveSpec, createdBy: string | null): Promise<string> {
  const found = await db.query<{ id: string }>(`SELECT id FROM waves WHERE organization_id = $1 AND name = $2`, [organizationId, spec.name]);
  if (found.rows[0]) return found.rows[0].id;
  const questions = (await loadDefaultQuestions())(spec.audience);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO waves (organization_id, name, audience, status, anonymous, languages, opens_at, closes_at, opened_at, closed_at, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, $9, $10, $7::timestamptz - interval '3 days') RETURNING id`,
    [organizationId, spec.name, spec.audience, spec.open ? 'OPEN' : 'CLOSED', spec.audience === 'EMPLOYEE', WAVE_LANGUAGES, spec.opensAt, spec.closesAt, spec.open ? null : spec.closesAt, createdBy],
  );
  for (const [i, q] of questions.entries()) {
    await db.query(`INSERT INTO wave_questions (wave_id, position, kind, texts) VALUES ($1, $2, $3, $4)`, [rows[0].id, i + 1, q.kind, JSON.stringify(q.texts)]);
  }
  if (spec.audience === 'EMPLOYEE') await freezeThemeCatalogue(db, organizationId, rows[0].id, API_DIST);
  return rows[0].id;
}

/** The demo organization's id, or an error that says how to get one. */
export async function demoOrganization(db: pg.ClientBase): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM organizations WHERE slug = 'demo'`).catch((error: Error) => {
    throw new Error(`${error.message}: is the database migrated? Start the API once against it (it migrates and seeds the demo).`);
  });
  if (!rows[0]) throw new Error('No demo organization (slug "demo"): start the API once against this database with SEED_DEMO=true.');
  return rows[0].id;
}

async function ensureDimensions(db: pg.ClientBase, now: Date): Promise<Dimensions> {
  const organizationId = await demoOrganization(db);
  const root = await db.query<{ id: string }>(`SELECT id FROM org_units WHERE organization_id = $1 AND parent_id IS NULL ORDER BY created_at LIMIT 1`, [organizationId]);
  const divisionNames = DIVISIONS.map((d) => `Division ${d}`);
  await db.query(
    `INSERT INTO org_units (organization_id, parent_id, name) SELECT $1, $2, unnest($3::text[])
     ON CONFLICT (organization_id, lower(name)) DO NOTHING`,
    [organizationId, root.rows[0].id, divisionNames],
  );
  const units = async (names: string[]) => {
    const { rows } = await db.query<{ id: string; name: string }>(`SELECT id, name FROM org_units WHERE organization_id = $1 AND name = ANY($2::text[])`, [organizationId, names]);
    const byName = new Map(rows.map((r) => [r.name, r.id]));
    return names.map((n) => byName.get(n)!);
  };
  const divisionIds = await units(divisionNames);
  const teams = DIVISIONS.flatMap((d, i) => Array.from({ length: TEAMS_PER_DIVISION }, (_, t) => ({ name: `${d} ${t + 1}`, parentId: divisionIds[i] })));
  await db.query(
    `INSERT INTO org_units (organization_id, parent_id, name) SELECT $1, unnest($2::uuid[]), unnest($3::text[])
     ON CONFLICT (organization_id, lower(name)) DO NOTHING`,
    [organizationId, teams.map((t) => t.parentId), teams.map((t) => t.name)],
  );
  const teamIds = await units(teams.map((t) => t.name));

  // Owners log in with the demo password: their hash is copied from the demo leader.
  const owners = Array.from({ length: OWNERS }, (_, i) => String(i + 1).padStart(2, '0'));
  await db.query(
    `INSERT INTO users (organization_id, org_unit_id, email, name, password_hash, roles, language)
     SELECT $1, unnest($2::uuid[]), 'bench-owner-' || n || '@demo.test', 'Bench Owner ' || n,
            (SELECT password_hash FROM users WHERE organization_id = $1 ORDER BY email = 'leader@demo.test' DESC LIMIT 1), '{MANAGER}', 'en'
       FROM unnest($3::text[]) AS n
     ON CONFLICT (email) DO NOTHING`,
    [organizationId, owners.map((_, i) => teamIds[(i * 7) % teamIds.length]), owners],
  );
  const ownerRows = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE organization_id = $1 AND email = ANY($2::text[]) ORDER BY email`,
    [organizationId, owners.map((n) => `bench-owner-${n}@demo.test`)],
  );
  const creator = await db.query<{ id: string }>(`SELECT id FROM users WHERE organization_id = $1 AND email = 'cx@demo.test'`, [organizationId]);

  const waves: Wave[] = [];
  for (const [seq, spec] of waveSpecs(now).entries()) {
    waves.push({ ...spec, seq, id: await ensureWave(db, organizationId, spec, creator.rows[0]?.id ?? null) });
  }
  return { organizationId, teamIds, ownerIds: ownerRows.rows.map((r) => r.id), waves };
}

const contactPrefix = (audience: Identified) => `bench-${audience.toLowerCase()}-`;
const contactKey = (audience: Identified, index: string) => `(${Object.keys(PRODUCTS).indexOf(audience) + 1}::bigint * 1000000000 + ${index})`;

/**
 * SQL (a LATERAL subquery) for the attributes of pool contact `index` of an audience: region,
 * business_area, product, language, owner_idx (1..OWNERS) and unit_idx (1..45). A pure function of
 * the index, so a response computes its contact's snapshot without reading the contact.
 */
function contactAttributes(audience: Identified, index: string): string {
  const key = contactKey(audience, index);
  return `(SELECT r.*, CASE r.region WHEN 'EU' THEN ${pick(EU_LANGUAGES, uniformOf(key, 4))} WHEN 'CIS' THEN 'ru' ELSE 'en' END AS language
             FROM (SELECT ${pick(REGIONS, uniformOf(key, 1))} AS region, ${pick(BUSINESS_AREAS, uniformOf(key, 2))} AS business_area,
                          ${pick(PRODUCTS[audience], uniformOf(key, 3))} AS product,
                          1 + floor(${uniformOf(key, 5)} * ${OWNERS})::int AS owner_idx,
                          1 + floor(${uniformOf(key, 6)} * ${DIVISIONS.length * TEAMS_PER_DIVISION})::int AS unit_idx) r)`;
}
const segmentsOf = (c: string) => `jsonb_build_object('region', ${c}.region, 'business_area', ${c}.business_area, 'product', ${c}.product)`;
const contactId = (audience: Identified, index: string) => orderedId(ID_KIND.contact, String(Object.keys(PRODUCTS).indexOf(audience) + 1), index);

/** SQL (a LATERAL subquery) for pool employee `index`: location, tenure_band, language and unit_idx. */
function employeeAttributes(index: string): string {
  const key = `${index}::bigint`;
  const language = `(${textArray(Object.values(LOCATION_LANGUAGE))})[array_position(${textArray(Object.keys(LOCATION_LANGUAGE))}, r.location)]`;
  return `(SELECT r.*, ${language} AS language
             FROM (SELECT ${pick(LOCATIONS, uniformOf(key, 21))} AS location, ${pick(TENURE_BANDS, uniformOf(key, 22))} AS tenure_band,
                          1 + floor(${uniformOf(key, 23)} * ${DIVISIONS.length * TEAMS_PER_DIVISION})::int AS unit_idx) r)`;
}
const employeeId = (index: string) => orderedId(ID_KIND.employee, '0', index);

/** Contacts 0..count-1 of an audience's pool (bench-customer-0000042@bench.example). Adds only the missing tail. */
async function ensureContacts(db: pg.ClientBase, d: Dimensions, audience: Identified, count: number): Promise<void> {
  const prefix = contactPrefix(audience);
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts WHERE organization_id = $1 AND email LIKE $2`, [d.organizationId, `${prefix}%`]);
  if (rows[0].n >= count) return;
  await db.query(
    `INSERT INTO contacts (id, organization_id, email, name, language, owner_id, org_unit_id, segments, last_invited_at, created_at, updated_at)
     SELECT ${contactId(audience, 'i')}, $1, ${lit(prefix)} || lpad(i::text, 7, '0') || '@bench.example', 'Bench contact ' || i,
            c.language, ($2::uuid[])[c.owner_idx], ($3::uuid[])[c.unit_idx], ${segmentsOf('c')},
            now(), now() - interval '800 days', now() - interval '800 days'
       FROM generate_series($4::int, $5::int - 1) AS i
      CROSS JOIN LATERAL ${contactAttributes(audience, 'i')} c`,
    [d.organizationId, d.ownerIds, d.teamIds, rows[0].n, count],
  );
}

/**
 * Employees 0..count-1 (bench-employee-0000042@bench.example), each with the roster's audit-trail
 * row of their arrival (roster_changes ADDED, as a roster import writes it). Adds only the missing tail.
 */
async function ensureEmployees(db: pg.ClientBase, d: Dimensions, count: number): Promise<void> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM employees WHERE organization_id = $1 AND email LIKE 'bench-employee-%'`, [d.organizationId]);
  if (rows[0].n >= count) return;
  await db.query(
    `WITH added AS (
       INSERT INTO employees (id, organization_id, email, name, language, org_unit_id, location, tenure_band, created_at, updated_at)
       SELECT ${employeeId('i')}, $1, 'bench-employee-' || lpad(i::text, 7, '0') || '@bench.example', 'Bench employee ' || i,
              e.language, ($2::uuid[])[e.unit_idx], e.location, e.tenure_band, now() - interval '800 days', now() - interval '800 days'
         FROM generate_series($3::int, $4::int - 1) AS i
        CROSS JOIN LATERAL ${employeeAttributes('i')} e
       RETURNING id, org_unit_id, created_at
     )
     INSERT INTO roster_changes (organization_id, employee_id, kind, org_unit_id, at)
     SELECT $1, id, 'ADDED', org_unit_id, created_at FROM added ORDER BY id`,
    [d.organizationId, d.teamIds, rows[0].n, count],
  );
}

// ---------------------------------------------------------------------------------------------
// The batches.

interface Batch {
  wave: Wave;
  /** Invitations (participations) the wave already had before this batch. */
  offset: number;
  invited: number;
  answered: number;
  /** Increases from batch to batch and run to run (seconds since 1970 × 10,000 + batch number). */
  stamp: number;
}

/** Parameters of both batch statements, in this order. */
const batchParams = (d: Dimensions, b: Batch, now: Date, trendStart: Date) => [
  d.organizationId, // $1
  b.wave.id, // $2
  b.offset, // $3
  b.invited, // $4
  b.answered, // $5
  b.wave.opensAt, // $6
  now, // $7
  trendStart, // $8: the score trend runs from here, over TREND_DAYS
  b.wave.open ? now : new Date(Math.min(now.getTime(), b.wave.closesAt.getTime())), // $9: answers come in until then
  b.wave.seq, // $10
  d.teamIds, // $11
  b.stamp, // $12: orders the batch's ids and token hashes after everything inserted before
  d.ownerIds, // $13 (identified batches only)
];

/** SQL: the score bias of a unit (unit_idx), fixed per unit, within ±3.5 × scale. */
const unitBias = (unitIdx: string, scale: number) => `(((${unitIdx} * 5) % 8)::float8 - 3.5) * ${scale}`;
/** The score trend's span: it starts with the first bench wave (trendStart). */
const TREND_DAYS = 730;
/**
 * SQL: scores improve over the 24 months, by 0.08 of the distribution from start to end; `u` is
 * the answer's position in the wave's answering period (answeredAt). Written so that everything
 * but `u` folds into float constants at planning time. Anchored to calendar dates (the waves'),
 * never to the time of the run, so an answer of a closed wave comes out the same on every run: a
 * released wave that grows has its earlier answers generated again (reopenReleasedWaves).
 */
const timeBias = (u: string) => {
  const ratio = (from: string, to: string) => `(extract(epoch FROM ${to}::timestamptz - ${from}::timestamptz) / ${TREND_DAYS * 86_400}.0)::float8`;
  return `0.08::float8 * (${ratio('$8', '$6')} + ${u} * ${ratio('$6', '$9')} - 0.5::float8)`;
};
/** Per-row key of a wave's invitation / participation number `index`: unique across waves, the same on every run. */
const rowKey = (index: string) => `($10::bigint * 10000000000 + ${index})`;
/** SQL: when the answer came in, at position `u` (0..1) of the wave's answering period. */
const answeredAt = (u: string) => `$6::timestamptz + ${u} * ($9::timestamptz - $6::timestamptz)`;

/**
 * One statement: `invited` invitations of an identified wave (to pool contacts offset..), of which
 * `answered` RESPONDED with a response carrying its contact's snapshot (owner, org unit, segments,
 * language, as the API stores it), and a follow-up for every detractor. Everything per row is
 * computed once, in the materialized CTE g.
 */
export function identifiedBatchSql(audience: Identified): string {
  const key = rowKey('k.ci');
  const tx = transactionAttributes(audience, key);
  const bias = `(${AUDIENCE_BIAS[audience]}::float8
      + CASE c.region WHEN 'CIS' THEN -0.06::float8 WHEN 'APAC' THEN 0.03::float8 WHEN 'US' THEN 0.02::float8 ELSE 0::float8 END
      + ${unitBias('c.unit_idx', 0.015)} + ${timeBias('t.u_at')})`;
  const followUpKey = `hashtextextended(r.invitation_id::text, 0)`;
  return `
    WITH g AS (
      SELECT k.n, k.ci, c.*, ${answeredAt('t.u_at')} AS at, ${answeredExpr('k.n', '$5', '$4')} AS answered,
             ${orderedId(ID_KIND.invitation, '$12::bigint', 'k.n')} AS invitation_id,
             ${bulkTokenHash('$12::bigint', 'k.n', key)} AS token_hash,
             ${scoreOf(uniformOf(key, 2), bias)} AS score,
             ${uniformOf(key, 3)} AS u_reason, ${uniformOf(key, 4)} AS u_suggestion,
             ${tx}
        FROM generate_series(0, $4::int - 1) AS n
       CROSS JOIN LATERAL (SELECT n, $3::bigint + n AS ci) k
       CROSS JOIN LATERAL ${contactAttributes(audience, 'k.ci')} c
       CROSS JOIN LATERAL (SELECT ${uniformOf(key, 7)} AS u_at) t
    ),
    invitations AS (
      INSERT INTO invitations (id, organization_id, wave_id, contact_id, token_hash, status, sent_at, opened_at, responded_at, created_at)
      SELECT g.invitation_id, $1::uuid, $2::uuid, ${contactId(audience, 'g.ci')}, g.token_hash,
             CASE WHEN g.answered THEN 'RESPONDED' ELSE 'SENT' END, $6::timestamptz,
             CASE WHEN g.answered THEN greatest($6::timestamptz, g.at - interval '4 minutes') END,
             CASE WHEN g.answered THEN g.at END, $6::timestamptz
        FROM g
    ),
    responses AS (
      INSERT INTO responses (id, organization_id, wave_id, audience, invitation_id, contact_id, score, category, reason, suggestion,
                             language, org_unit_id, owner_id, segments, submitted_at,
                             product, channel, served_by, served_by_name, touchpoint)
      SELECT ${orderedId(ID_KIND.response, '$12::bigint', 'g.n')}, $1::uuid, $2::uuid, ${lit(audience)}, g.invitation_id,
             ${contactId(audience, 'g.ci')}, g.score, ${categoryOf('g.score')},
             ${reasonOf(categoryOf('g.score'), 'g.u_reason')}, ${commentOf(SUGGESTIONS, 'g.u_suggestion', 0.2)},
             g.language, ($11::uuid[])[g.unit_idx], ($13::uuid[])[g.owner_idx], ${segmentsOf('g')}, g.at,
             g.tx_product, g.tx_channel, g.tx_served_by, g.tx_served_by_name, g.tx_touchpoint
        FROM g
       WHERE g.answered
      RETURNING id, invitation_id, owner_id, submitted_at, category
    )
    INSERT INTO follow_ups (id, organization_id, response_id, wave_id, owner_id, status, due_at, contacted_at, resolved_at, created_at)
    SELECT overlay(r.id::text PLACING ${lit(ID_KIND.followUp.toString(16))} FROM 1 FOR 4)::uuid, $1::uuid, r.id, $2::uuid, r.owner_id, f.status,
           r.submitted_at + interval '48 hours',
           CASE WHEN f.status <> 'OPEN' THEN least($7::timestamptz, r.submitted_at + f.hours * interval '1 hour') END,
           CASE WHEN f.status = 'RESOLVED' THEN least($7::timestamptz, r.submitted_at + (f.hours + 30) * interval '1 hour') END,
           r.submitted_at
      FROM responses r
     CROSS JOIN LATERAL (SELECT ${uniformOf(followUpKey, 5)} AS u, 2 + floor(${uniformOf(followUpKey, 6)} * 60) AS hours OFFSET 0) x
     CROSS JOIN LATERAL (
       SELECT CASE
                WHEN r.submitted_at > $7::timestamptz - interval '2 days' THEN 'OPEN'
                WHEN r.submitted_at < $7::timestamptz - interval '30 days'
                  THEN CASE WHEN x.u < 0.85 THEN 'RESOLVED' WHEN x.u < 0.95 THEN 'CONTACTED' ELSE 'OPEN' END
                ELSE CASE WHEN x.u < 0.4 THEN 'RESOLVED' WHEN x.u < 0.7 THEN 'CONTACTED' ELSE 'OPEN' END
              END AS status, x.hours
     ) f
     WHERE r.category = 'DETRACTOR'`;
}

/** Transactional answers (issue 19): what a transaction gives an answer of the customer waves. */
export const TRANSACTIONS = {
  /** Share of customer answers that answer a transaction; the rest have none of the attributes. */
  share: 0.6,
  products: ['Current account', 'Savings', 'Mortgage', 'Credit card', 'Car loan', 'Home insurance', 'Pension', 'Investments'],
  channels: ['web', 'phone', 'branch'],
  touchpoints: ['purchase', 'delivery', 'support case', 'renewal'],
  /** Serving employees, ext:EMP-001.. with a name each. */
  servers: 200,
} as const;

/**
 * SQL select-list entries (tx_product, tx_channel, tx_served_by, tx_served_by_name, tx_touchpoint) of a row with
 * key `key`: for a share of customer answers a transaction's attributes, uniform over the products,
 * channels, touchpoints and serving employees; null otherwise.
 */
function transactionAttributes(audience: Identified, key: string): string {
  if (audience !== 'CUSTOMER') return `NULL::text AS tx_product, NULL::text AS tx_channel, NULL::text AS tx_served_by, NULL::text AS tx_served_by_name, NULL::text AS tx_touchpoint`;
  const on = `${uniformOf(key, 31)} < ${TRANSACTIONS.share}`;
  const pick = (values: readonly string[], salt: number) => `CASE WHEN ${on} THEN (${textArray([...values])})[1 + floor(${uniformOf(key, salt)} * ${values.length})::int] END`;
  const server = `lpad((1 + floor(${uniformOf(key, 34)} * ${TRANSACTIONS.servers}))::int::text, 3, '0')`;
  return `${pick(TRANSACTIONS.products, 32)} AS tx_product, ${pick(TRANSACTIONS.channels, 33)} AS tx_channel,
             CASE WHEN ${on} THEN 'ext:EMP-' || ${server} END AS tx_served_by, CASE WHEN ${on} THEN 'Agent ' || ${server} END AS tx_served_by_name,
             ${pick(TRANSACTIONS.touchpoints, 35)} AS tx_touchpoint`;
}

/**
 * One statement: `invited` participations of an employee wave (pool employees offset..), each with
 * the wave's snapshot of the person (unit, location, tenure band, as createParticipations takes it
 * from the roster), of which `answered` responded, and as many anonymous answers as the product
 * keeps them once moved out of staging (migration EmployeeReleases): the snapshot's cell, score,
 * texts and language — no id, no time, no category — inserted in shuffled order, so nothing links
 * an answer to a participation.
 *
 * With `participations: false`, the answers alone: the same rows again for the batch's earlier
 * participations, when a released wave grows (its release deleted its answers; reopenReleasedWaves).
 * Each row is a function of the wave and the employee's number, so they come out identical.
 */
export function employeeBatchSql({ participations = true } = {}): string {
  const key = rowKey('k.ei');
  const bias = `(${AUDIENCE_BIAS.EMPLOYEE}::float8 + ${unitBias('e.unit_idx', 0.02)}
      + CASE e.tenure_band WHEN '<1y' THEN 0.04::float8 WHEN '5y+' THEN -0.03::float8 ELSE 0::float8 END + ${timeBias('t.u_at')})`;
  const g = `
      SELECT k.n, k.ei, e.*, ${answeredExpr('k.n', '$5', '$4')} AS answered,
             ${scoreOf(uniformOf(key, 12), bias)} AS score,
             ${uniformOf(key, 13)} AS u_reason, ${uniformOf(key, 14)} AS u_suggestion, ${uniformOf(key, 15)} AS u_order
             ${participations ? `, ${bulkTokenHash('$12::bigint', 'k.n', key)} AS token_hash` : ''}
        FROM generate_series(0, $4::int - 1) AS n
       CROSS JOIN LATERAL (SELECT n, $3::bigint + n AS ei) k
       CROSS JOIN LATERAL ${employeeAttributes('k.ei')} e
       CROSS JOIN LATERAL (SELECT ${uniformOf(key, 11)} AS u_at) t`;
  // A reminder a week after the invitation, for those who had not answered by then (never after now).
  const insertParticipations = `,
    participations AS (
      INSERT INTO employee_participations (id, organization_id, wave_id, employee_id, token_hash, responded, invited_on, reminded_on, reminders,
                                           org_unit_id, location, tenure_band)
      SELECT ${orderedId(ID_KIND.participation, '$12::bigint', 'g.n')}, $1::uuid, $2::uuid, ${employeeId('g.ei')}, g.token_hash,
             g.answered, $6::date, CASE WHEN NOT g.answered THEN least($6::date + 7, $7::date) END, CASE WHEN g.answered THEN 0 ELSE 1 END,
             ($11::uuid[])[g.unit_idx], g.location, g.tenure_band
        FROM g
    )`;
  return `
    WITH g AS (${g}
    )${participations ? insertParticipations : ''}
    INSERT INTO employee_answers (organization_id, wave_id, org_unit_id, location, tenure_band, score, reason, suggestion, language)
    SELECT $1::uuid, $2::uuid, ($11::uuid[])[g.unit_idx], g.location, g.tenure_band, g.score,
           ${reasonOf(categoryOf('g.score'), 'g.u_reason')}, ${commentOf(SUGGESTIONS, 'g.u_suggestion', 0.15)}, g.language
      FROM g
     WHERE g.answered
     ORDER BY g.u_order`;
}

/**
 * Batches of at most BATCH answers per wave, continuing after what each wave already has, in
 * round-robin order over the waves: two connections then write to different waves, whose rows
 * (and any per-wave aggregate rows a trigger maintains) do not contend.
 */
function planBatches(waves: Wave[], counts: number[], existing: Map<string, number>, now: Date): Batch[] {
  const perWave = waves.map((wave, i) => {
    const batches: Batch[] = [];
    let offset = existing.get(wave.id) ?? 0;
    let left = counts[i];
    const rate = rateOf(wave);
    while (left > 0) {
      const answered = Math.min(BATCH, left);
      const invited = Math.max(answered, Math.round(answered / rate));
      batches.push({ wave, offset, invited, answered, stamp: 0 });
      offset += invited;
      left -= answered;
    }
    return batches;
  });
  const longest = Math.max(0, ...perWave.map((b) => b.length));
  const ordered = Array.from({ length: longest }, (_, k) => perWave.flatMap((b) => (k < b.length ? [b[k]] : []))).flat();
  return ordered.map((b, i) => ({ ...b, stamp: Math.floor(now.getTime() / 1000) * 10_000 + i }));
}

/** How many answers each wave gets: audience shares, then by how long each wave has run. */
function planCounts(waves: Wave[], total: number, now: Date): number[] {
  const audiences = Object.keys(AUDIENCE_SHARE) as Audience[];
  const perAudience = allocate(total, audiences.map((a) => AUDIENCE_SHARE[a]));
  const counts = waves.map(() => 0);
  audiences.forEach((audience, ai) => {
    const idx = waves.flatMap((w, i) => (w.audience === audience ? [i] : []));
    const shares = allocate(perAudience[ai], idx.map((i) => Math.max(DAY_MS, Math.min(now.getTime(), waves[i].closesAt.getTime()) - waves[i].opensAt.getTime())));
    idx.forEach((i, k) => (counts[i] = shares[k]));
  });
  return counts;
}

async function countsBy(db: pg.ClientBase, table: string, waveIds: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ wave_id: string; n: number }>(`SELECT wave_id, count(*)::int AS n FROM ${table} WHERE wave_id = ANY($1::uuid[]) GROUP BY wave_id`, [waveIds]);
  return new Map(rows.map((r) => [r.wave_id, r.n]));
}

/**
 * Closed employee waves that already have their release (from a smaller size) and get more answers
 * now. A release is made once and deleted the wave's answers; so that the release made after this
 * seed covers every participation, the old one goes and the earlier answers are generated again
 * from the wave's earlier batches, read back from its participations (their ids hold the batch
 * stamp, their employees the pool numbers): the same rows, since an answer is a function of the
 * wave and the employee's number (employeeBatchSql). The release is deleted only once they are
 * back, and answers found beside a release (a run stopped half-way here) are deleted before, so a
 * stop at any point loses nothing and counts nothing twice. Returns how many answers came back.
 */
async function reopenReleasedWaves(db: pg.ClientBase, waves: Wave[], regenerate: (batches: Batch[]) => Promise<void>): Promise<number> {
  const closed = waves.filter((w) => w.audience === 'EMPLOYEE' && !w.open);
  if (closed.length === 0) return 0;
  const { rows: released } = await db.query<{ wave_id: string }>(`SELECT wave_id FROM employee_releases WHERE wave_id = ANY($1::uuid[])`, [closed.map((w) => w.id)]);
  const again: Batch[] = [];
  for (const { wave_id } of released) {
    const wave = closed.find((w) => w.id === wave_id)!;
    const { rows } = await db.query<{ stamp: string; offset: number; invited: number; answered: number }>(
      `SELECT substr(replace(id::text, '-', ''), 5, 12) AS stamp,
              min(('x' || right(replace(employee_id::text, '-', ''), 16))::bit(64)::bigint)::int AS offset,
              count(*)::int AS invited, count(*) FILTER (WHERE responded)::int AS answered
         FROM employee_participations WHERE wave_id = $1 AND id::text LIKE $2
        GROUP BY 1 ORDER BY 1`,
      [wave.id, `${ID_KIND.participation.toString(16)}%`],
    );
    again.push(...rows.map((r) => ({ wave, offset: r.offset, invited: r.invited, answered: r.answered, stamp: parseInt(r.stamp, 16) })));
  }
  if (released.length === 0) return 0;
  const ids = released.map((r) => r.wave_id);
  await db.query(`DELETE FROM employee_answers WHERE wave_id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM employee_answer_staging WHERE wave_id = ANY($1::uuid[])`, [ids]);
  await regenerate(again);
  await db.query(`DELETE FROM employee_releases WHERE wave_id = ANY($1::uuid[])`, [ids]);
  return again.reduce((n, b) => n + b.answered, 0);
}

// ---------------------------------------------------------------------------------------------

type RebuildRollups = (dataSource: unknown, organizationId: string) => Promise<unknown>;

/** The API build's `rebuildRollups` (reporting/base/rollups.js), or null while it has none. */
async function findRebuildRollups(apiDist: string): Promise<RebuildRollups | null> {
  const rollups = await apiModule<{ rebuildRollups?: RebuildRollups }>(apiDist, 'reporting/base/rollups.js');
  return typeof rollups?.rebuildRollups === 'function' ? rollups.rebuildRollups : null;
}

/**
 * The one hook that keeps derived aggregates exact after a bulk insert. When the API's build has
 * `reporting/base/rollups.js` exporting `rebuildRollups(dataSource, organizationId)`, it is
 * called with a TypeORM DataSource made by the API's own `createDataSource` (db/data-source.js).
 */
export async function rebuildAggregates(databaseUrl: string, organizationId: string, apiDist = API_DIST): Promise<string> {
  const rebuildRollups = await findRebuildRollups(apiDist);
  if (!rebuildRollups) return 'no rollups to rebuild';
  return withApiDataSource(databaseUrl, apiDist, async (dataSource) => {
    const started = performance.now();
    await rebuildRollups(dataSource, organizationId);
    return `rebuilt rollups in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  });
}

/** User triggers (not constraint triggers) on the tables the seed writes, as table.trigger. */
async function userTriggers(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname || '.' || t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
        AND c.relname IN ('responses', 'employee_answers', 'invitations', 'employee_participations', 'follow_ups', 'contacts', 'employees', 'roster_changes')
      ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/**
 * Bulk mode: the batches run with session_replication_role = replica, which skips triggers —
 * foreign-key checks (the generated rows are valid by construction) and any trigger that maintains
 * aggregates. Only when nothing is lost by it: no such trigger, or a rebuild hook that redoes their
 * work afterwards. Needs a superuser; otherwise the batches run with triggers.
 */
async function chooseBulkMode(db: pg.ClientBase, apiDist: string): Promise<{ replica: boolean; note: string }> {
  const triggers = await userTriggers(db);
  const tables = [...new Set(triggers.map((t) => t.split('.')[0]))].join(', ');
  const rebuild = await findRebuildRollups(apiDist);
  if (triggers.length > 0 && !rebuild) {
    return { replica: false, note: `with the triggers on ${tables} (no rebuildRollups to redo their work after a bulk load)` };
  }
  try {
    await db.query(`SET session_replication_role = replica`);
    await db.query(`RESET session_replication_role`);
  } catch {
    return { replica: false, note: 'triggers on: session_replication_role needs a superuser' };
  }
  return { replica: true, note: triggers.length ? `bulk mode: triggers on ${tables} skipped, then rebuilt` : 'bulk mode: foreign-key checks skipped (rows valid by construction)' };
}

export interface SeedResult {
  added: number;
  identified: number;
  employee: number;
  invitations: number;
  participations: number;
  /** Inserting the answers and everything that comes with them (dimensions, pools, batches). */
  seconds: number;
  answersPerSecond: number;
  rowsPerSecond: number;
  vacuumSeconds: number;
  rollups: string;
  /** The releases of the closed employee waves (releases.ts): how long, how audited, checked against the answers. */
  releases: string;
  /** Every release made equals a recount of the answers it was made from; null when none was made. */
  releasesExact: boolean | null;
  /** How the batches ran: with triggers, or in bulk mode (see chooseBulkMode). */
  bulkMode: string;
}

/** Runs tasks on `workers` connections, each taking the next task when done. */
async function inParallel<T>(databaseUrl: string, workers: number, setup: string, tasks: T[], run: (db: pg.Client, task: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, tasks.length) }, async () => {
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        await db.query(setup);
        while (next < tasks.length) await run(db, tasks[next++]);
      } finally {
        await db.end();
      }
    }),
  );
}

export async function seedResponses(
  databaseUrl: string,
  total: number,
  log: (line: string) => void = console.log,
  /** releases: false leaves closed employee waves unreleased (their audit takes hours on a small host; identified queries do not read them). */
  options: { releases?: boolean } = {},
): Promise<SeedResult> {
  if (!Number.isInteger(total) || total < 0) throw new Error(`--responses must be a whole number ≥ 0 (got ${total})`);
  const now = new Date();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const started = performance.now();
  try {
    const phases: string[] = [];
    let mark = started;
    const phase = (name: string) => {
      const t = performance.now();
      phases.push(`${name} ${((t - mark) / 1000).toFixed(1)} s`);
      mark = t;
    };
    const d = await ensureDimensions(db, now);
    // The score trend starts with the first wave: a calendar date, the same on every run this quarter.
    const trendStart = new Date(Math.min(...d.waves.map((w) => w.opensAt.getTime())));
    phase('dimensions');
    const counts = planCounts(d.waves, total, now);
    const identifiedWaves = d.waves.filter((w) => w.audience !== 'EMPLOYEE');
    const employeeWaves = d.waves.filter((w) => w.audience === 'EMPLOYEE');
    const invitedBefore = await countsBy(db, 'invitations', identifiedWaves.map((w) => w.id));
    const participatedBefore = await countsBy(db, 'employee_participations', employeeWaves.map((w) => w.id));
    const batches = planBatches(d.waves, counts, new Map([...invitedBefore, ...participatedBefore]), now);

    // Pools large enough for every wave's invitations / participations (one per contact / employee and wave).
    const need = new Map<Audience, number>();
    for (const b of batches) need.set(b.wave.audience, Math.max(need.get(b.wave.audience) ?? 0, b.offset + b.invited));
    const workers = Math.max(1, Math.min(2, cpus().length));
    const mode = await chooseBulkMode(db, API_DIST);
    const setup = `SET synchronous_commit = off; SET jit = off; SET work_mem = '64MB'${mode.replica ? '; SET session_replication_role = replica' : ''}`;
    const pools = [
      ...(['CUSTOMER', 'CANDIDATE', 'ASSOCIATE'] as const).map((a) => (conn: pg.Client) => ensureContacts(conn, d, a, need.get(a) ?? 0)),
      (conn: pg.Client) => ensureEmployees(conn, d, need.get('EMPLOYEE') ?? 0),
    ];
    await inParallel(databaseUrl, workers, setup, pools, (conn, ensure) => ensure(conn));
    phase('contact and employee pools');

    const run = (sql: string, b: Batch) => {
      const { text, values } = usedParams(sql, batchParams(d, b, now, trendStart));
      return (conn: pg.Client) => conn.query(text, values).then(() => undefined);
    };
    // Released waves that grow get their earlier answers back first (timed apart from the seed).
    const reopenStarted = performance.now();
    const growing = d.waves.filter((w, i) => counts[i] > 0);
    const regenerated = await reopenReleasedWaves(db, growing, (again) =>
      inParallel(databaseUrl, workers, setup, again, (conn, b) => run(employeeBatchSql({ participations: false }), b)(conn)),
    );
    const reopenSeconds = (performance.now() - reopenStarted) / 1000;
    mark = performance.now();

    await inParallel(databaseUrl, workers, setup, batches, (conn, b) =>
      run(b.wave.audience === 'EMPLOYEE' ? employeeBatchSql() : identifiedBatchSql(b.wave.audience), b)(conn),
    );
    phase(`${batches.length} batches`);
    const seconds = (performance.now() - started) / 1000 - reopenSeconds;

    // Closed employee waves are released, as closeWave does; their answers go with it.
    const unreleased = await db.query<{ id: string }>(
      `SELECT w.id FROM waves w WHERE w.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM employee_releases r WHERE r.wave_id = w.id) ORDER BY w.closes_at`,
      [d.waves.filter((w) => w.audience === 'EMPLOYEE' && !w.open).map((w) => w.id)],
    );
    // --no-releases: the API would release a closed wave on the first read of it (ensureReleases),
    // blocking its event loop for the audit's minutes; the waves are marked open with no closing date instead.
    if (options.releases === false && unreleased.rows.length > 0) {
      await db.query(`UPDATE waves SET status = 'OPEN', closes_at = NULL WHERE id = ANY($1::uuid[])`, [unreleased.rows.map((r) => r.id)]);
    }
    const released = options.releases === false
      ? { waves: 0, seconds: 0, exact: null, note: `${unreleased.rows.length} closed employee waves left unreleased and marked open (--no-releases)` }
      : await makeReleases(db, databaseUrl, d.organizationId, unreleased.rows.map((r) => r.id), API_DIST, workers);
    const releases = regenerated
      ? `${released.note}, after generating again the ${regenerated.toLocaleString('en')} earlier answers of those released before in ${reopenSeconds.toFixed(1)} s`
      : released.note;

    const sum = (f: (b: Batch) => number, employee: boolean) => batches.filter((b) => (b.wave.audience === 'EMPLOYEE') === employee).reduce((a, b) => a + f(b), 0);
    const identified = sum((b) => b.answered, false);
    const employee = sum((b) => b.answered, true);
    const invitations = sum((b) => b.invited, false);
    const participations = sum((b) => b.invited, true);

    const vacuumStarted = performance.now();
    await db.query(
      `VACUUM (ANALYZE) responses, invitations, follow_ups, contacts, employee_answers, employee_participations, employees, roster_changes,
                        employee_releases, employee_release_groups, employee_release_comments, employee_release_themes`,
    );
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;

    const rebuilt = await rebuildAggregates(databaseUrl, d.organizationId);
    // The rebuild rewrote the rollups after the VACUUM ANALYZE above: without fresh statistics the
    // planner takes nps_rollup for empty (sorting 4,800 month rows of 200 serving employees by text
    // before grouping them: 7 ms instead of 2), where a server with autovacuum would have analysed it.
    const analyzeStarted = performance.now();
    await db.query('ANALYZE');
    const rollups = `${rebuilt}, ANALYZE ${((performance.now() - analyzeStarted) / 1000).toFixed(1)} s`;
    const rows = identified + employee + invitations + participations;
    const result: SeedResult = {
      added: total,
      identified,
      employee,
      invitations,
      participations,
      seconds,
      answersPerSecond: total / seconds,
      rowsPerSecond: rows / seconds,
      vacuumSeconds,
      rollups,
      releases,
      releasesExact: released.exact,
      bulkMode: mode.note,
    };
    log(
      `Added ${total.toLocaleString('en')} answers (${identified.toLocaleString('en')} identified responses, ${employee.toLocaleString('en')} employee answers) ` +
        `with ${invitations.toLocaleString('en')} invitations and ${participations.toLocaleString('en')} participations in ${seconds.toFixed(1)} s: ` +
        `${Math.round(result.answersPerSecond).toLocaleString('en')} answers/s, ${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s ` +
        `(${phases.join(', ')}; ${mode.note}; then ${releases}; VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s; ${rollups})`,
    );
    return result;
  } finally {
    await db.end();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const responses = Number(argValue(args, 'responses'));
  const databaseUrl = argValue(args, 'database-url') ?? process.env.DATABASE_URL;
  if (!argValue(args, 'responses') || !Number.isInteger(responses) || responses < 0) {
    console.error('usage: npm run bench:seed -- --responses N [--database-url postgres://…]  (DATABASE_URL by default)');
    process.exit(2);
  }
  if (!databaseUrl) {
    console.error('Set DATABASE_URL or pass --database-url: the database the API has migrated and seeded (the embedded database is not supported).');
    process.exit(2);
  }
  await seedResponses(databaseUrl, responses, console.log, { releases: !args.includes('--no-releases') });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
