import type { EntityManager } from 'typeorm';

/**
 * Account value for the demo (issue 19): every customer contact (invited to or answering a
 * CUSTOMER survey) gets a plausible annual value, so the board's "Revenue at risk" card shows data
 * on a fresh clone. Deterministic (from the email's md5): about one in ten has none, the others
 * spread log-uniformly from 2,000 to 250,000, rounded to hundreds.
 */
export async function seedAccountValues(tx: EntityManager, organizationId: string): Promise<void> {
  await tx.query(
    `UPDATE contacts c
        SET annual_value = CASE WHEN u < 0.1 THEN NULL ELSE round(2000 * power(125, (u - 0.1) / 0.9), -2) END
       FROM (SELECT id, ('x' || substr(md5(email), 1, 6))::bit(24)::int / 16777216.0 AS u FROM contacts WHERE organization_id = $1) h
      WHERE c.id = h.id AND c.organization_id = $1
        AND (EXISTS (SELECT 1 FROM responses r WHERE r.contact_id = c.id AND r.audience = 'CUSTOMER')
          OR EXISTS (SELECT 1 FROM invitations i JOIN waves w ON w.id = i.wave_id WHERE i.contact_id = c.id AND w.audience = 'CUSTOMER'))`,
    [organizationId],
  );
}
