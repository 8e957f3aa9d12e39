/**
 * Concurrent submitResponse from many clients, each with its own single-use links; afterwards every
 * accepted answer must be stored exactly once, a used link refused, and every query still exact.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Options } from '../cli.js';
import { graphql, GraphQLRequestError } from '../http.js';
import { stats } from '../measure.js';
import type { Api } from '../processes.js';
import type { SubmitResult } from '../report.js';
import { ensureWave } from '../seed.js';
import { stillExact } from './queries.js';

const SUBMIT = `mutation Submit($token: String!, $input: ResponseInput!) { submitResponse(token: $token, input: $input) { ok } }`;
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A fresh OPEN customer wave with one SENT invitation per token, to contacts made for it; tokens
 * are 32 random bytes in base64url and only their sha256 hex is stored, as the API does.
 */
async function prepareSubmissions(db: pg.Client, organizationId: string, clients: number, perClient: number): Promise<{ waveId: string; tokens: string[][] }> {
  const now = new Date();
  const tag = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const waveId = await ensureWave(
    db,
    organizationId,
    { name: `Bench live submissions ${tag}`, audience: 'CUSTOMER', opensAt: new Date(now.getTime() - 86_400_000), closesAt: new Date(now.getTime() + 30 * 86_400_000), open: true },
    null,
  );
  const owners = (await db.query<{ id: string }>(`SELECT id FROM users WHERE organization_id = $1 AND 'MANAGER' = ANY(roles) ORDER BY email`, [organizationId])).rows.map((r) => r.id);
  const units = (await db.query<{ id: string }>(`SELECT id FROM org_units WHERE organization_id = $1 ORDER BY name`, [organizationId])).rows.map((r) => r.id);
  const regions = ['EU', 'US', 'CIS', 'APAC'];
  const tokens = Array.from({ length: clients }, () => Array.from({ length: perClient }, () => randomBytes(32).toString('base64url')));
  const all = tokens.flat();
  for (let start = 0; start < all.length; start += 5000) {
    const chunk = all.slice(start, start + 5000);
    const emails = chunk.map((_, i) => `bench-live-${tag}-${start + i}@bench.example`);
    const segments = chunk.map((_, i) => JSON.stringify({ region: regions[(start + i) % 4], business_area: 'Logistics', product: 'Temporary staffing' }));
    await db.query(
      `WITH c AS (
         INSERT INTO contacts (organization_id, email, name, language, owner_id, org_unit_id, segments)
         SELECT $1, t.email, 'Bench live ' || t.n, 'en', ($5::uuid[])[1 + (t.n % greatest(cardinality($5::uuid[]), 1))::int],
                ($6::uuid[])[1 + (t.n % greatest(cardinality($6::uuid[]), 1))::int], t.segments::jsonb
           FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(email, segments, n)
         RETURNING id, email
       )
       INSERT INTO invitations (organization_id, wave_id, contact_id, token_hash, status, sent_at)
       SELECT $1, $7, c.id, h.hash, 'SENT', now() FROM c JOIN unnest($2::text[], $4::text[]) AS h(email, hash) ON h.email = c.email`,
      [organizationId, emails, segments, chunk.map(sha256), owners, units, waveId],
    );
  }
  return { waveId, tokens };
}

export async function submitConcurrently(api: Api, db: pg.Client, organizationId: string, o: Options, now: Date): Promise<SubmitResult> {
  const { waveId, tokens } = await prepareSubmissions(db, organizationId, o.clients, o.tokensPerClient);
  const count = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM responses WHERE organization_id = $1`, [organizationId])).rows[0].n;
  const before = await count();
  const accepted: string[] = [];
  const refused: string[] = [];
  const errors = new Map<string, number>();
  const latencies: number[] = [];
  let ranOut = 0;
  const started = performance.now();
  const deadline = started + o.submitSeconds * 1000;
  await Promise.all(
    tokens.map(async (mine, client) => {
      let i = 0;
      while (performance.now() < deadline) {
        const token = mine[i++];
        if (!token) return void ranOut++;
        const score = (client * 7 + i * 3) % 11;
        const t = performance.now();
        try {
          await graphql(api.url, SUBMIT, { token, input: { score, reason: score <= 6 ? 'Bench: slow replacements' : null, language: 'en' } });
          accepted.push(token);
        } catch (error) {
          refused.push(token);
          const message = error instanceof Error ? error.message : String(error);
          errors.set(message, (errors.get(message) ?? 0) + 1);
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // A used link must not answer again.
  const again = await Promise.all(
    accepted.slice(0, 20).map((token) =>
      graphql(api.url, SUBMIT, { token, input: { score: 10, language: 'en' } }).then(
        () => false,
        (e: unknown) => e instanceof GraphQLRequestError && e.code === 'CONFLICT',
      ),
    ),
  );
  const after = await count();
  const stored = await db.query<{ accepted_stored: number; refused_stored: number; responses: number; invitations: number }>(
    `SELECT count(*) FILTER (WHERE i.token_hash = ANY($2::text[]))::int AS accepted_stored,
            count(*) FILTER (WHERE i.token_hash = ANY($3::text[]))::int AS refused_stored,
            count(*)::int AS responses, count(DISTINCT r.invitation_id)::int AS invitations
       FROM responses r JOIN invitations i ON i.id = r.invitation_id WHERE r.wave_id = $1`,
    [waveId, accepted.map(sha256), refused.map(sha256)],
  );
  const s = stored.rows[0];
  const lost = accepted.length - s.accepted_stored;
  const duplicated = s.responses - s.invitations + s.refused_stored + Math.max(0, after - before - accepted.length);
  const exactAfter = await stillExact(api, db, organizationId, now);
  const result: SubmitResult = {
    clients: o.clients,
    seconds,
    submitted: accepted.length,
    failed: refused.length,
    errors: [...errors].slice(0, 5).map(([m, n]) => `${n}× ${m}`),
    answersPerSecond: accepted.length / seconds,
    latency: stats(latencies),
    lost,
    duplicated,
    reuseRefused: again.every(Boolean),
    exactAfter,
  };
  console.log(
    `  submitResponse: ${accepted.length} answers from ${o.clients} clients in ${seconds.toFixed(1)} s = ${Math.round(result.answersPerSecond)}/s ` +
      `(p50 ${result.latency.p50} / p95 ${result.latency.p95} ms); failed ${refused.length}; responses +${after - before}; lost ${lost}; counted twice ${duplicated}; ` +
      `reuse refused ${result.reuseRefused}; aggregates exact after ${exactAfter ?? '–'}${ranOut ? `; ${ranOut} clients ran out of tokens` : ''}`,
  );
  if (errors.size) console.log(`  errors: ${result.errors.join(' | ')}`);
  return result;
}
