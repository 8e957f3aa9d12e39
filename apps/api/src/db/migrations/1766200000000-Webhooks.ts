import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (issue 18). An endpoint is an organization's https URL, the event types it takes and an
 * optional org-unit filter, with the signing secret (kept to sign; shown to the admin once). The
 * webhooks consumer of the event outbox writes one delivery per matching endpoint and event (the
 * unique key makes a consumer that runs twice write it once); each try of a delivery is an attempt
 * row. failing_since is the first failure after the last success: three days of it disable the
 * endpoint.
 */
export class Webhooks1766200000000 implements MigrationInterface {
  name = 'Webhooks1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        url text NOT NULL,
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        org_unit_ids uuid[] NOT NULL DEFAULT '{}',
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        failing_since timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_organization_idx ON webhook_endpoints (organization_id, created_at)`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        event text NOT NULL,
        event_id uuid,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RETRYING', 'SUCCEEDED', 'FAILED')),
        attempts int NOT NULL DEFAULT 0,
        last_status_code int,
        last_latency_ms int,
        last_error text,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_id)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE webhook_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        attempt int NOT NULL,
        status_code int,
        latency_ms int NOT NULL,
        error text,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (delivery_id, attempt)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_attempts`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}
