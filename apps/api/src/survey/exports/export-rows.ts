import type { EntityManager } from 'typeorm';

/** The lines of an export's file (export.service.ts): its columns, and the rows of one chunk. */

export type ExportKind = 'RESPONSES' | 'FOLLOW_UPS';

export const EXPORT_COLUMNS: Record<ExportKind, readonly string[]> = {
  RESPONSES: [
    'id', 'submitted_at', 'updated_at', 'wave_id', 'wave_name', 'audience', 'score', 'category', 'reason', 'suggestion', 'language',
    'contact_id', 'contact_email', 'contact_name', 'contact_external_id', 'owner_email', 'org_unit', 'themes', 'ratings', 'segments',
  ],
  FOLLOW_UPS: [
    'id', 'created_at', 'updated_at', 'status', 'due_at', 'contacted_at', 'resolved_at', 'overdue_at', 'escalated_at', 'response_id',
    'wave_id', 'wave_name', 'score', 'contact_email', 'contact_name', 'contact_external_id', 'owner_email', 'notes',
  ],
};

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One query per chunk, its rows in the given order, every column as text or JSON. */
const SQL: Record<ExportKind, string> = {
  RESPONSES: `
    SELECT r.id, ${ISO('r.submitted_at')} AS submitted_at,
           ${ISO('greatest(r.updated_at, coalesce(t.touched_at, r.updated_at))')} AS updated_at,
           r.wave_id, w.name AS wave_name, r.audience, r.score, r.category, r.reason, r.suggestion, r.language,
           r.contact_id, c.email AS contact_email, c.name AS contact_name, c.external_id AS contact_external_id,
           u.email AS owner_email, ou.name AS org_unit,
           (SELECT coalesce(string_agg(th.name, '; ' ORDER BY th.name), '') FROM response_themes rt JOIN themes th ON th.id = rt.theme_id
             WHERE rt.response_id = r.id AND rt.status = 'ACCEPTED') AS themes,
           r.ratings, r.segments
      FROM unnest($2::uuid[]) WITH ORDINALITY AS k(id, n)
      JOIN responses r ON r.id = k.id AND r.organization_id = $1
      JOIN waves w ON w.id = r.wave_id
      LEFT JOIN response_touches t ON t.response_id = r.id
      LEFT JOIN contacts c ON c.id = r.contact_id
      LEFT JOIN users u ON u.id = r.owner_id
      LEFT JOIN org_units ou ON ou.id = r.org_unit_id
     ORDER BY k.n`,
  FOLLOW_UPS: `
    SELECT f.id, ${ISO('f.created_at')} AS created_at, ${ISO('f.updated_at')} AS updated_at, f.status, ${ISO('f.due_at')} AS due_at,
           ${ISO('f.contacted_at')} AS contacted_at, ${ISO('f.resolved_at')} AS resolved_at, ${ISO('f.overdue_at')} AS overdue_at,
           ${ISO('f.escalated_at')} AS escalated_at, f.response_id, f.wave_id, w.name AS wave_name, r.score,
           c.email AS contact_email, c.name AS contact_name, c.external_id AS contact_external_id, u.email AS owner_email,
           (SELECT coalesce(string_agg(n.text, ' | ' ORDER BY n.created_at), '') FROM follow_up_notes n WHERE n.follow_up_id = f.id) AS notes
      FROM unnest($2::uuid[]) WITH ORDINALITY AS k(id, n)
      JOIN follow_ups f ON f.id = k.id AND f.organization_id = $1
      JOIN waves w ON w.id = f.wave_id
      JOIN responses r ON r.id = f.response_id
      LEFT JOIN contacts c ON c.id = r.contact_id
      LEFT JOIN users u ON u.id = f.owner_id
     ORDER BY k.n`,
};

/**
 * A CSV cell: quoted when it holds a quote, comma or line break; a text that a spreadsheet would
 * run as a formula (=, +, -, @ first) gets a leading apostrophe, so opening a file of customers'
 * comments cannot run one of them.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The lines (each ending in \n) of the rows with these ids, in their order. */
export async function exportRows(db: EntityManager, kind: ExportKind, format: 'CSV' | 'NDJSON', organizationId: string, ids: string[]): Promise<string[]> {
  const rows: Record<string, unknown>[] = await db.query(SQL[kind], [organizationId, ids]);
  const columns = EXPORT_COLUMNS[kind];
  return rows.map((row) =>
    format === 'CSV' ? `${columns.map((c) => csvCell(row[c])).join(',')}\n` : `${JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])))}\n`,
  );
}
