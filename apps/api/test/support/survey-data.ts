import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { categorize } from '@tandem/nps-core';

/**
 * Survey data written straight into the tables, for tests of what is computed from them (wave
 * results, analytics) without going through invitations and the respondent page.
 */

export interface ResponseRow {
  score: number;
  reason?: string | null;
  suggestion?: string | null;
  language?: string;
  orgUnitId?: string | null;
  ownerId?: string | null;
  segments?: Record<string, string>;
  submittedAt?: Date;
}

async function waveOf(db: EntityManager, waveId: string): Promise<{ organization_id: string; audience: string }> {
  const [wave] = await db.query(`SELECT organization_id, audience FROM waves WHERE id = $1`, [waveId]);
  if (!wave) throw new Error(`no wave ${waveId}`);
  return wave;
}

/** Identified responses of a wave; returns their ids in order. */
export async function insertResponses(db: EntityManager, waveId: string, rows: ResponseRow[]): Promise<string[]> {
  const wave = await waveOf(db, waveId);
  const ids: string[] = [];
  for (const row of rows) {
    const [{ id }] = await db.query(
      `INSERT INTO responses (organization_id, wave_id, audience, score, category, reason, suggestion, language,
                              org_unit_id, owner_id, segments, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        wave.organization_id,
        waveId,
        wave.audience,
        row.score,
        categorize(row.score),
        row.reason ?? null,
        row.suggestion ?? null,
        row.language ?? 'en',
        row.orgUnitId ?? null,
        row.ownerId ?? null,
        JSON.stringify(row.segments ?? {}),
        row.submittedAt ?? new Date(),
      ],
    );
    ids.push(id);
  }
  return ids;
}

/** One invitation per status given, each to a new contact of the wave's organization. */
export async function insertInvitations(db: EntityManager, waveId: string, statuses: string[]): Promise<void> {
  const wave = await waveOf(db, waveId);
  for (const status of statuses) {
    const [{ id: contactId }] = await db.query(
      `INSERT INTO contacts (organization_id, email, name, language) VALUES ($1, $2, 'Test Contact', 'en') RETURNING id`,
      [wave.organization_id, `contact-${randomUUID()}@test.test`],
    );
    await db.query(
      `INSERT INTO invitations (organization_id, wave_id, contact_id, token_hash, status) VALUES ($1, $2, $3, $4, $5)`,
      [wave.organization_id, waveId, contactId, randomBytes(32).toString('hex'), status],
    );
  }
}

/** The follow-up of a detractor's response. */
export async function insertFollowUp(
  db: EntityManager,
  responseId: string,
  f: { status: 'OPEN' | 'CONTACTED' | 'RESOLVED'; dueAt: Date; contactedAt?: Date | null; resolvedAt?: Date | null; ownerId?: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO follow_ups (organization_id, response_id, wave_id, owner_id, status, due_at, contacted_at, resolved_at)
     SELECT organization_id, id, wave_id, $2, $3, $4, $5, $6 FROM responses WHERE id = $1`,
    [responseId, f.ownerId ?? null, f.status, f.dueAt, f.contactedAt ?? null, f.resolvedAt ?? null],
  );
}
