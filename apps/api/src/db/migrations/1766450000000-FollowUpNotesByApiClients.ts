import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An integrator's CRM closes the loop through the API (scope responses:write): a note it writes
 * names the API client, as a user's note names its author. The client's name is read through the
 * id, so a renamed client shows its current name; a deleted one leaves the note unattributed.
 */
export class FollowUpNotesByApiClients1766450000000 implements MigrationInterface {
  name = 'FollowUpNotesByApiClients1766450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE follow_up_notes ADD COLUMN api_client_id uuid REFERENCES api_clients(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE follow_up_notes DROP COLUMN api_client_id`);
  }
}
