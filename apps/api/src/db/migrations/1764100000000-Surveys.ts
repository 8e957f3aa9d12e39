import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identified survey waves: contacts, waves with per-language questions, single-use invitations,
 * responses with a snapshot of the contact's segments, and detractor follow-ups.
 */
export class Surveys1764100000000 implements MigrationInterface {
  name = 'Surveys1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        language text NOT NULL,
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        org_unit_id uuid REFERENCES org_units(id) ON DELETE SET NULL,
        segments jsonb NOT NULL DEFAULT '{}'::jsonb,
        unsubscribed_at timestamptz,
        last_invited_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contacts_email_lowercase CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX contacts_email_per_org ON contacts (organization_id, email)`);
    await q.query(`CREATE INDEX contacts_owner_idx ON contacts (organization_id, owner_id)`);

    await q.query(`
      CREATE TABLE waves (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL,
        audience text NOT NULL CHECK (audience IN ('CUSTOMER','CANDIDATE','ASSOCIATE','EMPLOYEE')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','OPEN','CLOSED')),
        anonymous boolean NOT NULL,
        languages text[] NOT NULL,
        opens_at timestamptz,
        closes_at timestamptz,
        opened_at timestamptz,
        closed_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT waves_employee_anonymous CHECK (anonymous = (audience = 'EMPLOYEE')),
        CONSTRAINT waves_period CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
      )`);
    await q.query(`CREATE INDEX waves_organization_idx ON waves (organization_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE wave_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        position int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('NPS','REASON','SUGGESTION','RATING')),
        criterion text,
        texts jsonb NOT NULL,
        UNIQUE (wave_id, position),
        CONSTRAINT wave_questions_rating_criterion CHECK ((kind = 'RATING') = (criterion IS NOT NULL))
      )`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT','OPENED','RESPONDED','BOUNCED')),
        sent_at timestamptz,
        opened_at timestamptz,
        responded_at timestamptz,
        reminded_at timestamptz,
        reminders int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (wave_id, contact_id)
      )`);
    await q.query(`CREATE INDEX invitations_contact_idx ON invitations (contact_id)`);

    await q.query(`
      CREATE TABLE responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        audience text NOT NULL,
        invitation_id uuid UNIQUE REFERENCES invitations(id) ON DELETE SET NULL,
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
        category text NOT NULL CHECK (category IN ('PROMOTER','PASSIVE','DETRACTOR')),
        reason text,
        suggestion text,
        language text NOT NULL,
        ratings jsonb NOT NULL DEFAULT '[]'::jsonb,
        org_unit_id uuid REFERENCES org_units(id) ON DELETE SET NULL,
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        segments jsonb NOT NULL DEFAULT '{}'::jsonb,
        submitted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX responses_org_submitted_idx ON responses (organization_id, submitted_at DESC, id)`);
    await q.query(`CREATE INDEX responses_wave_idx ON responses (wave_id, category)`);

    await q.query(`
      CREATE TABLE follow_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        response_id uuid NOT NULL UNIQUE REFERENCES responses(id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CONTACTED','RESOLVED')),
        due_at timestamptz NOT NULL,
        contacted_at timestamptz,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX follow_ups_owner_idx ON follow_ups (organization_id, owner_id, status)`);
    await q.query(`
      CREATE TABLE follow_up_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        follow_up_id uuid NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX follow_up_notes_idx ON follow_up_notes (follow_up_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['follow_up_notes', 'follow_ups', 'responses', 'invitations', 'wave_questions', 'waves', 'contacts']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
