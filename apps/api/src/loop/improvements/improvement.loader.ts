import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { isUuid } from '../../kernel/batch.js';
import { FollowUpEntity } from '../../survey/follow-ups/follow-up.entity.js';
import { ResponseEntity } from '../../survey/responses/response.entity.js';
import { toThemeType, type ThemeType } from '../../survey/themes/theme.type.js';
import { ThemeEntity } from '../../survey/themes/theme.entity.js';
import { waveLinksSql } from './improvement.service.js';
import { DONE_STATUSES } from './improvement-status.js';
import { ImprovementEventEntity, ImprovementWaveEntity } from './improvement.entity.js';

function grouped<V>(keys: readonly string[], rows: V[], keyOf: (row: V) => string): V[][] {
  const byKey = new Map<string, V[]>();
  for (const row of rows) {
    const list = byKey.get(keyOf(row));
    if (list) list.push(row);
    else byKey.set(keyOf(row), [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

/** A loader of lists per improvement id: one statement per batch, nothing for ids that are not uuids or without an organization. */
function listLoader<V>(organizationId: string | null, load: (org: string, ids: string[]) => Promise<V[]>, keyOf: (row: V) => string) {
  return new DataLoader<string, V[]>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    if (!organizationId || valid.length === 0) return ids.map(() => []);
    return grouped(ids, await load(organizationId, valid), keyOf);
  });
}

export interface ThemeRow {
  improvement_id: string;
  id: string;
  name: string;
  parent_id: string | null;
  name_translations?: Record<string, string>;
  audiences?: string[];
}

/**
 * The request's loaders of the improvements feature (one entry in graphql/loaders.ts). Each is scoped
 * to the organization; links are returned whole and filtered for the caller by the field resolvers.
 */
export function improvementLoaders(db: EntityManager, organizationId: string | null) {
  return {
    /** History, oldest first. */
    events: listLoader(
      organizationId,
      (org, ids) =>
        db
          .createQueryBuilder(ImprovementEventEntity, 'e')
          .where('e.organization_id = :org AND e.improvement_id IN (:...ids)', { org, ids })
          .orderBy('e.at', 'ASC')
          .addOrderBy('e.id', 'ASC')
          .getMany(),
      (e) => e.improvementId,
    ),
    /** Themes by name, mapped to the API's Theme (one grouped statement: improvement_themes JOIN themes). */
    themes: listLoader<ThemeRow>(
      organizationId,
      (org, ids) =>
        db.query(
          `SELECT it.improvement_id, t.id, t.name, t.parent_id, t.name_translations, t.audiences
             FROM improvement_themes it JOIN themes t ON t.id = it.theme_id
            WHERE t.organization_id = $1 AND it.improvement_id = ANY($2::uuid[])
            ORDER BY lower(t.name), t.id`,
          [org, ids],
        ),
      (r) => r.improvement_id,
    ),
    /** Linked responses, newest first (two statements per batch: the links, then the rows). */
    responses: new DataLoader<string, ResponseEntity[]>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid))];
      if (!organizationId || valid.length === 0) return ids.map(() => []);
      const links: { improvement_id: string; response_id: string }[] = await db.query(
        `SELECT l.improvement_id, l.response_id FROM improvement_responses l JOIN improvements i ON i.id = l.improvement_id
          WHERE i.organization_id = $1 AND l.improvement_id = ANY($2::uuid[])`,
        [organizationId, valid],
      );
      const rows = links.length ? await db.find(ResponseEntity, { where: { organizationId, id: In([...new Set(links.map((l) => l.response_id))]) }, order: { submittedAt: 'DESC' } }) : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return grouped(ids, links, (l) => l.improvement_id).map((list) => list.flatMap((l) => (byId.has(l.response_id) ? [byId.get(l.response_id)!] : [])));
    }),
    /** Linked follow-ups (two statements per batch). */
    followUps: new DataLoader<string, FollowUpEntity[]>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid))];
      if (!organizationId || valid.length === 0) return ids.map(() => []);
      const links: { improvement_id: string; follow_up_id: string }[] = await db.query(
        `SELECT l.improvement_id, l.follow_up_id FROM improvement_follow_ups l JOIN improvements i ON i.id = l.improvement_id
          WHERE i.organization_id = $1 AND l.improvement_id = ANY($2::uuid[])`,
        [organizationId, valid],
      );
      const rows = links.length ? await db.findBy(FollowUpEntity, { organizationId, id: In([...new Set(links.map((l) => l.follow_up_id))]) }) : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return grouped(ids, links, (l) => l.improvement_id).map((list) => list.flatMap((l) => (byId.has(l.follow_up_id) ? [byId.get(l.follow_up_id)!] : [])));
    }),
    /** Waves linked as a whole or with an org unit. */
    waves: listLoader(
      organizationId,
      (org, ids) =>
        db
          .createQueryBuilder(ImprovementWaveEntity, 'l')
          .innerJoin('improvements', 'i', 'i.id = l.improvement_id')
          .where('i.organization_id = :org AND l.improvement_id IN (:...ids)', { org, ids })
          .orderBy('l.id', 'ASC')
          .getMany(),
      (l) => l.improvementId,
    ),
    /**
     * Per wave id: how many improvements linked to it (as a wave, or through a linked response or
     * follow-up of it) reached IMPLEMENTED or VERIFIED — the wave's stage 4. One grouped statement
     * for a whole page of waves.
     */
    doneByWave: new DataLoader<string, number>(async (waveIds) => {
      const valid = [...new Set(waveIds.filter(isUuid))];
      if (!organizationId || valid.length === 0) return waveIds.map(() => 0);
      const rows: { wave_id: string; n: number }[] = await db.query(
        `SELECT l.wave_id, count(DISTINCT i.id)::int AS n
           FROM (${waveLinksSql('$1', '$2')}) l
           JOIN improvements i ON i.id = l.improvement_id
          WHERE i.organization_id = $1 AND i.status = ANY($3::text[])
          GROUP BY l.wave_id`,
        [organizationId, valid, DONE_STATUSES],
      );
      const counts = new Map(rows.map((r) => [r.wave_id, r.n]));
      return waveIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export const themeOf = (row: ThemeRow): ThemeType =>
  toThemeType(Object.assign(new ThemeEntity(), {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    nameTranslations: row.name_translations ?? {},
    audiences: row.audiences ?? [],
    description: null,
    keywords: {},
  }));
