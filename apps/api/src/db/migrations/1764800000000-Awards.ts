import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leaderboards and awards (issue 8):
 *  - the organization setting leaderboardMinResponses (in organizations.settings, default 10 in
 *    code) must be a whole number of at least 1 when present;
 *  - award_periods: one row per organization and period (a year, or a quarter of it) that was ever
 *    finalized, FINALIZED or REOPENED, with who finalized and who reopened it last;
 *  - awards: the frozen podium (ranks 1–3) of every category of a finalized period. The winner's
 *    name and numbers are copied, and entity_id has no foreign key: later answers, renames, moves
 *    in the org chart or deletions never change an award;
 *  - award_events: every finalize and reopen, with who, when and the reopening note.
 */
export class Awards1764800000000 implements MigrationInterface {
  name = 'Awards1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organizations ADD CONSTRAINT organizations_leaderboard_min_responses CHECK (
        NOT (settings ? 'leaderboardMinResponses')
        OR (jsonb_typeof(settings -> 'leaderboardMinResponses') = 'number'
            AND (settings ->> 'leaderboardMinResponses')::numeric >= 1
            AND (settings ->> 'leaderboardMinResponses')::numeric = trunc((settings ->> 'leaderboardMinResponses')::numeric)))`);

    await q.query(`
      CREATE TABLE award_periods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        quarter int CHECK (quarter BETWEEN 1 AND 4),
        label text NOT NULL,
        status text NOT NULL CHECK (status IN ('FINALIZED','REOPENED')),
        finalized_by uuid REFERENCES users(id) ON DELETE SET NULL,
        finalized_at timestamptz NOT NULL,
        reopened_by uuid REFERENCES users(id) ON DELETE SET NULL,
        reopened_at timestamptz,
        reopen_note text CHECK (length(reopen_note) <= 2000)
      )`);
    await q.query(`CREATE UNIQUE INDEX award_periods_per_org ON award_periods (organization_id, year, (coalesce(quarter, 0)))`);

    await q.query(`
      CREATE TABLE awards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        period_id uuid NOT NULL REFERENCES award_periods(id) ON DELETE CASCADE,
        period text NOT NULL,
        year int NOT NULL,
        quarter int,
        category text NOT NULL,
        entity text NOT NULL CHECK (entity IN ('TEAM','MANAGER')),
        metric text NOT NULL CHECK (metric IN ('NPS','RESPONSE_RATE','NPS_IMPROVEMENT','IMPROVEMENTS_IMPLEMENTED')),
        audience text CHECK (audience IN ('CUSTOMER','CANDIDATE','ASSOCIATE','EMPLOYEE')),
        entity_id uuid,
        winner_name text NOT NULL,
        value double precision NOT NULL,
        responses int NOT NULL,
        invited int,
        nps double precision,
        ci_low double precision,
        ci_high double precision,
        significant boolean,
        rank int NOT NULL CHECK (rank BETWEEN 1 AND 3),
        finalized_at timestamptz NOT NULL,
        UNIQUE (period_id, category, rank)
      )`);
    await q.query(`CREATE INDEX awards_org_year_idx ON awards (organization_id, year, quarter, category, rank)`);

    await q.query(`
      CREATE TABLE award_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        period_id uuid NOT NULL REFERENCES award_periods(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('FINALIZED','REOPENED')),
        by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        by_name text NOT NULL,
        note text CHECK (length(note) <= 2000),
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX award_events_period_idx ON award_events (period_id, at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE award_events`);
    await q.query(`DROP TABLE awards`);
    await q.query(`DROP TABLE award_periods`);
    await q.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_leaderboard_min_responses`);
  }
}
