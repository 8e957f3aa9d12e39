import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Texts respondents read, per language (issue 15, item 6): a wave's public survey title (so the
 * internal wave name never reaches a respondent), and translations of theme names and improvement
 * titles, each falling back to the original. Maps of language code → text. And (item 8) the
 * audiences a theme belongs to, so each audience's results list only its own themes.
 */
export class RespondentTexts1765400000000 implements MigrationInterface {
  name = 'RespondentTexts1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE waves ADD COLUMN public_titles jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`ALTER TABLE themes ADD COLUMN name_translations jsonb NOT NULL DEFAULT '{}'::jsonb`);
    // The audiences a theme belongs to; empty: every audience. Theme results list each audience's own.
    await q.query(`ALTER TABLE themes ADD COLUMN audiences text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE improvements ADD COLUMN title_translations jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE improvements DROP COLUMN title_translations`);
    await q.query(`ALTER TABLE themes DROP COLUMN audiences`);
    await q.query(`ALTER TABLE themes DROP COLUMN name_translations`);
    await q.query(`ALTER TABLE waves DROP COLUMN public_titles`);
  }
}
