import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../kernel/batch.js';
import { ImprovementEntity } from '../improvements/improvement.entity.js';

/** The request's loaders of team discussions: the actions (improvements) of each discussion, in the order agreed; one statement per batch. */
export function discussionLoaders(db: EntityManager, organizationId: string | null) {
  return {
    actions: new DataLoader<string, ImprovementEntity[]>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid))];
      if (!organizationId || valid.length === 0) return ids.map(() => []);
      const links: { improvement_id: string; discussion_id: string }[] = await db.query(
        `SELECT improvement_id, discussion_id FROM team_discussion_actions WHERE organization_id = $1 AND discussion_id = ANY($2::uuid[]) ORDER BY position`,
        [organizationId, valid],
      );
      const rows = links.length
        ? await db.createQueryBuilder(ImprovementEntity, 'i').where('i.organization_id = :organizationId AND i.id IN (:...ids)', { organizationId, ids: links.map((l) => l.improvement_id) }).getMany()
        : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      const grouped = new Map<string, ImprovementEntity[]>();
      for (const l of links) {
        const row = byId.get(l.improvement_id);
        if (!row) continue;
        grouped.set(l.discussion_id, [...(grouped.get(l.discussion_id) ?? []), row]);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}
