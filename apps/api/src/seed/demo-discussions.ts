import type { EntityManager } from 'typeorm';
import type { AppServices } from '../kernel/context.js';
import { buildContext, systemPrincipal } from '../kernel/context.js';
import { createLoaders } from '../graphql/loaders.js';
import { PROGRAMME_NEWS, sendNewsDigest } from '../loop/news/news-digest.js';

const DAY = 24 * 3600_000;

interface DemoAction {
  title: string;
  description: string;
  owner: string;
  dueInDays: number;
  /** The steps it went through, oldest first, each some days ago (none: still PROPOSED). */
  steps: { to: 'PLANNED' | 'IN_PROGRESS' | 'IMPLEMENTED'; daysAgo: number }[];
}

interface DemoDiscussion {
  wave: 'EMPLOYEE' | 'CUSTOMER';
  unit: string;
  by: string;
  heldDaysAgo: number;
  participants: number;
  notes: string;
  publish: boolean;
  actions: DemoAction[];
}

/**
 * Team discussions after the demo's closed waves (issue 20), so the board's coverage, the wave's
 * coverage card, the improvements board and the public page's team section have something on a
 * fresh clone. Sales EU is left to record (the manager's own team: the tour and the browser test).
 */
const DISCUSSIONS: DemoDiscussion[] = [
  {
    wave: 'EMPLOYEE',
    unit: 'Customer Service',
    by: 'hr@demo.test',
    heldDaysAgo: 0,
    participants: 6,
    notes: 'We read the released comments together. Workload peaks on Mondays came up most; people want to hear earlier about changes in the shift plan.',
    publish: false,
    actions: [
      { title: 'Monday back-up rota', description: 'Two people from the back office answer the phone on Monday mornings.', owner: 'cx@demo.test', dueInDays: 2, steps: [{ to: 'PLANNED', daysAgo: 0 }] },
      { title: 'Shift plan a week ahead', description: 'The next week’s plan is published every Thursday.', owner: 'hr@demo.test', dueInDays: 21, steps: [] },
    ],
  },
  {
    wave: 'CUSTOMER',
    unit: 'Sales US',
    by: 'manager.us@demo.test',
    heldDaysAgo: 50,
    participants: 5,
    notes: 'Clients asked for more news while a search runs. We agreed on a weekly status mail and a call after the first week of every placement.',
    publish: true,
    actions: [
      { title: 'Weekly status mail during a search', description: 'Every Friday, one short mail per open search.', owner: 'manager.us@demo.test', dueInDays: -20, steps: [{ to: 'PLANNED', daysAgo: 48 }, { to: 'IN_PROGRESS', daysAgo: 40 }, { to: 'IMPLEMENTED', daysAgo: 25 }] },
      { title: 'Call after the first week of a placement', description: 'The account manager calls the client on day 7.', owner: 'manager.us@demo.test', dueInDays: 25, steps: [{ to: 'PLANNED', daysAgo: 45 }] },
    ],
  },
];

export async function seedDiscussions(tx: EntityManager, organizationId: string, users: Map<string, string>, units: Map<string, string>, now: Date): Promise<void> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
  for (const d of DISCUSSIONS) {
    const [wave]: { id: string }[] = await tx.query(
      `SELECT id FROM waves WHERE organization_id = $1 AND audience = $2 AND status = 'CLOSED' AND kind = 'WAVE' ORDER BY closed_at DESC LIMIT 1`,
      [organizationId, d.wave],
    );
    const unitId = units.get(d.unit);
    const by = users.get(d.by) ?? null;
    if (!wave || !unitId) continue;
    const held = ago(d.heldDaysAgo);
    const [{ id: discussionId }]: { id: string }[] = await tx.query(
      `INSERT INTO team_discussions (organization_id, wave_id, org_unit_id, held_on, participants, notes, publish, recorded_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
      [organizationId, wave.id, unitId, held.toISOString().slice(0, 10), d.participants, d.notes, d.publish, by, held],
    );
    for (const [position, a] of d.actions.entries()) {
      const last = a.steps.at(-1);
      const status = last?.to ?? 'PROPOSED';
      const owner = users.get(a.owner) ?? null;
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO improvements (organization_id, title, description, status, owner_id, org_unit_id, audience, due_date, implemented_at, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [organizationId, a.title, a.description, status, owner, unitId, d.wave, day(a.dueInDays), status === 'IMPLEMENTED' ? ago(last!.daysAgo) : null, by, held, last ? ago(last.daysAgo) : held],
      );
      let from: string | null = null;
      for (const [i, step] of [{ to: 'PROPOSED', daysAgo: d.heldDaysAgo }, ...a.steps].entries()) {
        await tx.query(`INSERT INTO improvement_events (improvement_id, organization_id, from_status, to_status, by_id, at) VALUES ($1, $2, $3, $4, $5, $6)`, [
          id, organizationId, from, step.to, i === 0 ? by : owner, ago(step.daysAgo),
        ]);
        from = step.to;
      }
      await tx.query(`INSERT INTO improvement_waves (improvement_id, wave_id, org_unit_id) VALUES ($1, $2, $3)`, [id, wave.id, unitId]);
      await tx.query(`INSERT INTO team_discussion_actions (improvement_id, discussion_id, organization_id, position) VALUES ($1, $2, $3, $4)`, [id, discussionId, organizationId, position]);
    }
  }
}

/**
 * For a demo on the outbox mailer: the leader's monthly programme news (last month's) is written to
 * the outbox at once, rather than on the 1st. Answers how many were written (0 or 1).
 */
export async function mailDemoNews(app: AppServices, db: EntityManager): Promise<number> {
  if (app.mailer.kind !== 'outbox') return 0;
  const [leader]: { id: string; organization_id: string }[] = await db.query(`SELECT id, organization_id FROM users WHERE email = 'leader@demo.test'`);
  if (!leader) return 0;
  const ctx = buildContext({
    requestId: 'seed:news',
    logger: app.logger,
    app,
    db,
    principal: systemPrincipal(leader.organization_id),
    authError: null,
    createLoaders,
  });
  return (await sendNewsDigest(ctx, { organizationId: leader.organization_id, kind: PROGRAMME_NEWS, id: leader.id }, { force: true })) ? 1 : 0;
}
