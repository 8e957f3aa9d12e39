import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team discussions (issue 20, loop/discussions): after a wave closes, each team records the day it
 * discussed its results, how many took part, notes, whether it publishes its actions on the public
 * "you said, we did" page, and the actions it agreed. Each action is an improvement (improvements
 * already carry org_unit_id, and improvement_waves links it to the wave and team);
 * team_discussion_actions ties it to its discussion and stamps the reminders sent about it, so each
 * goes out once. notification_preferences.last_news_at stamps the monthly programme news digest.
 * Nothing here refers to an employee or an answer: a discussion is about a team and a wave.
 */
export class TeamDiscussions1766520000000 implements MigrationInterface {
  name = 'TeamDiscussions1766520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE team_discussions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        org_unit_id uuid NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
        held_on date NOT NULL,
        participants int NOT NULL CHECK (participants >= 1),
        notes text,
        publish boolean NOT NULL DEFAULT false,
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (wave_id, org_unit_id)
      )`);
    await q.query(`CREATE INDEX team_discussions_org_wave_idx ON team_discussions (organization_id, wave_id)`);
    await q.query(`
      CREATE TABLE team_discussion_actions (
        improvement_id uuid PRIMARY KEY REFERENCES improvements(id) ON DELETE CASCADE,
        discussion_id uuid NOT NULL REFERENCES team_discussions(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        position int NOT NULL,
        reminded_at timestamptz,
        overdue_alerted_at timestamptz
      )`);
    await q.query(`CREATE INDEX team_discussion_actions_discussion_idx ON team_discussion_actions (discussion_id, position)`);
    await q.query(`CREATE INDEX team_discussion_actions_org_idx ON team_discussion_actions (organization_id)`);
    await q.query(`ALTER TABLE notification_preferences ADD COLUMN last_news_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_preferences DROP COLUMN last_news_at`);
    await q.query(`DROP TABLE team_discussion_actions`);
    await q.query(`DROP TABLE team_discussions`);
  }
}
