import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incremental sync for integrators (issue 18): responses and follow-ups carry updated_at, kept by
 * the database itself so no writer can forget it. A follow-up is updated when its row changes or a
 * note is added. A response when its row changes, or when its themes do (a tag added, accepted or
 * removed): that second kind is kept in response_touches, one row per response, because an UPDATE
 * of a response fires the rollups' statement triggers, and tagging must not cost an answer's
 * counts a write. Response.updatedAt is the later of the two. Rows that exist when this runs take
 * its time (a fast default: no table rewrite). The (organization_id, time) indexes serve
 * `updatedSince`.
 */
export class SyncTimestamps1766010000000 implements MigrationInterface {
  name = 'SyncTimestamps1766010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE responses ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE follow_ups ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX responses_updated ON responses (organization_id, updated_at)`);
    await q.query(`CREATE INDEX follow_ups_updated ON follow_ups (organization_id, updated_at)`);
    await q.query(`
      CREATE FUNCTION tandem_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := clock_timestamp();
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER responses_touch BEFORE UPDATE ON responses FOR EACH ROW EXECUTE FUNCTION tandem_touch_updated_at()`);
    await q.query(`CREATE TRIGGER follow_ups_touch BEFORE UPDATE ON follow_ups FOR EACH ROW EXECUTE FUNCTION tandem_touch_updated_at()`);
    await q.query(`
      CREATE TABLE response_touches (
        response_id uuid PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        touched_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX response_touches_org ON response_touches (organization_id, touched_at)`);
    // A response being deleted (its tags go with it) is not touched: it is gone.
    await q.query(`
      CREATE FUNCTION tandem_touch_tagged_response() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        rid uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.response_id ELSE NEW.response_id END;
      BEGIN
        INSERT INTO response_touches (response_id, organization_id, touched_at)
        SELECT r.id, r.organization_id, clock_timestamp() FROM responses r WHERE r.id = rid
        ON CONFLICT (response_id) DO UPDATE SET touched_at = EXCLUDED.touched_at;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER response_themes_touch AFTER INSERT OR UPDATE OR DELETE ON response_themes FOR EACH ROW EXECUTE FUNCTION tandem_touch_tagged_response()`);
    await q.query(`
      CREATE FUNCTION tandem_touch_noted_follow_up() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE follow_ups SET updated_at = clock_timestamp() WHERE id = NEW.follow_up_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER follow_up_notes_touch AFTER INSERT ON follow_up_notes FOR EACH ROW EXECUTE FUNCTION tandem_touch_noted_follow_up()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER follow_up_notes_touch ON follow_up_notes`);
    await q.query(`DROP TRIGGER response_themes_touch ON response_themes`);
    await q.query(`DROP TRIGGER follow_ups_touch ON follow_ups`);
    await q.query(`DROP TRIGGER responses_touch ON responses`);
    await q.query(`DROP TABLE response_touches`);
    await q.query(`DROP FUNCTION tandem_touch_noted_follow_up(), tandem_touch_tagged_response(), tandem_touch_updated_at()`);
    await q.query(`DROP INDEX follow_ups_updated`);
    await q.query(`DROP INDEX responses_updated`);
    await q.query(`ALTER TABLE follow_ups DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE responses DROP COLUMN updated_at`);
  }
}
