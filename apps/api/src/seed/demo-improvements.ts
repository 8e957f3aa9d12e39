import type { EntityManager } from 'typeorm';
import type { ImprovementStatus } from '../loop/improvements/improvement.enums.js';

const DAY = 24 * 3600_000;

interface DemoStep {
  to: ImprovementStatus;
  daysAgo: number;
  by: string;
  note?: string;
}

interface DemoImprovement {
  title: string;
  description: string;
  owner: string;
  unit: string | null;
  audience: 'CUSTOMER' | 'CANDIDATE' | 'ASSOCIATE' | 'EMPLOYEE';
  /** Days from now; negative: in the past. */
  dueInDays: number | null;
  /** The response (and its follow-up, if any) of this contact in the wave of this status. */
  responses: { email: string; wave: 'CLOSED' | 'OPEN'; audience: string }[];
  /** An employee wave linked as a wave, with an org unit. */
  employeeWave?: { unit: string };
  /** Theme names linked when the demo catalogue has them. */
  themes: string[];
  steps: DemoStep[];
}

const CX = 'cx@demo.test';
const HR = 'hr@demo.test';
const MARTA = 'manager@demo.test';
const IRINA = 'manager.cis@demo.test';

/**
 * A handful of improvements across every status, each with its history and linked to the demo's
 * feedback: the shift confirmations Piotr asked for were implemented about two months ago, between
 * the two customer waves, so its effect compares the previous wave's answers with the current one's.
 */
const IMPROVEMENTS: DemoImprovement[] = [
  {
    title: 'Confirm every shift by text the day before',
    description: 'Temporary workers missed first shifts. Every placed shift is now confirmed with the worker and the client by text message the day before.',
    owner: MARTA,
    unit: 'Sales',
    audience: 'CUSTOMER',
    dueInDays: -70,
    responses: [{ email: 'piotr.wisniewski@logis-pl.example', wave: 'CLOSED', audience: 'CUSTOMER' }],
    // No themes: its effect is the NPS of the Sales customers, so the demo shows numbers on both sides.
    themes: [],
    steps: [
      { to: 'PROPOSED', daysAgo: 105, by: MARTA },
      { to: 'PLANNED', daysAgo: 98, by: MARTA, note: 'Agreed with operations: text confirmations from the planning tool.' },
      { to: 'IN_PROGRESS', daysAgo: 84, by: MARTA, note: 'Pilot with Logis and two other logistics clients.' },
      { to: 'IMPLEMENTED', daysAgo: 60, by: MARTA, note: 'Live for every client in Sales.' },
    ],
  },
  {
    title: 'Check invoices against the current rate card before sending',
    description: 'Invoices went out with rates from an old rate card. Billing checks every invoice against the rate card in force, and one person owns each client\'s invoices.',
    owner: IRINA,
    unit: 'Sales EU',
    audience: 'CUSTOMER',
    dueInDays: -5,
    responses: [
      { email: 'e.kuznetsova@ural-service.example', wave: 'CLOSED', audience: 'CUSTOMER' },
      { email: 'e.kuznetsova@ural-service.example', wave: 'OPEN', audience: 'CUSTOMER' },
    ],
    themes: ['Invoicing'],
    steps: [
      { to: 'PROPOSED', daysAgo: 95, by: IRINA },
      { to: 'PLANNED', daysAgo: 40, by: CX, note: 'Billing has capacity from next month.' },
      { to: 'IN_PROGRESS', daysAgo: 3, by: IRINA, note: 'The same error came back in the current wave; named owners for the CIS clients first.' },
    ],
  },
  {
    title: 'A standby list of trained workers per key client',
    description: 'Replacements for sick workers took too long. Keep three trained standby workers for each key client.',
    owner: CX,
    unit: 'Operations',
    audience: 'CUSTOMER',
    dueInDays: 30,
    responses: [{ email: 'luka.horvat@kovina.example', wave: 'CLOSED', audience: 'CUSTOMER' }],
    themes: ['Replacements'],
    steps: [
      { to: 'PROPOSED', daysAgo: 100, by: CX },
      { to: 'PLANNED', daysAgo: 20, by: CX, note: 'Start with Kovina, then the other manufacturing clients.' },
    ],
  },
  {
    title: 'Safety induction for temporary workers before their first day',
    description: 'Workers did not know the store\'s safety procedures. A short safety induction, per client site, before the first shift.',
    owner: MARTA,
    unit: 'Sales EU',
    audience: 'CUSTOMER',
    dueInDays: 45,
    responses: [{ email: 't.lewandowski@bazar-sklepy.example', wave: 'OPEN', audience: 'CUSTOMER' }],
    themes: ['Onboarding'],
    steps: [{ to: 'PROPOSED', daysAgo: 4, by: MARTA }],
  },
  {
    title: 'Clearer career paths in Operations',
    description: 'Employee feedback from Operations asks where a role can lead. Publish the career steps and the training that goes with each.',
    owner: HR,
    unit: 'Operations',
    audience: 'EMPLOYEE',
    dueInDays: 60,
    responses: [],
    employeeWave: { unit: 'Operations' },
    themes: ['Career growth'],
    steps: [
      { to: 'PROPOSED', daysAgo: 80, by: HR },
      { to: 'PLANNED', daysAgo: 60, by: HR, note: 'Workshops with team leads planned.' },
      { to: 'IN_PROGRESS', daysAgo: 10, by: HR },
    ],
  },
  {
    title: 'A client portal for timesheets',
    description: 'Suggested by a grocery client. Not now: the payroll system replacement next year brings its own portal.',
    owner: CX,
    unit: null,
    audience: 'CUSTOMER',
    dueInDays: null,
    responses: [{ email: 'sarah.davis@greenleaf-grocers.example', wave: 'CLOSED', audience: 'CUSTOMER' }],
    themes: [],
    steps: [
      { to: 'PROPOSED', daysAgo: 90, by: CX },
      { to: 'REJECTED', daysAgo: 75, by: CX, note: 'Covered by the payroll system replacement next year.' },
    ],
  },
];

export async function seedImprovements(
  tx: EntityManager,
  organizationId: string,
  users: Map<string, string>,
  units: Map<string, string>,
  now: Date,
): Promise<void> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const themes: { id: string; name: string }[] = await tx.query(`SELECT id, lower(name) AS name FROM themes WHERE organization_id = $1`, [organizationId]);
  const themeIds = new Map(themes.map((t) => [t.name, t.id]));
  // The latest closed employee pulse (demo-history.ts adds earlier ones).
  const [employeeWave]: { id: string }[] = await tx.query(
    `SELECT id FROM waves WHERE organization_id = $1 AND audience = 'EMPLOYEE' AND status = 'CLOSED' ORDER BY opened_at DESC LIMIT 1`,
    [organizationId],
  );
  for (const imp of IMPROVEMENTS) {
    const last = imp.steps.at(-1)!;
    const implemented = imp.steps.find((s) => s.to === 'IMPLEMENTED');
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO improvements (organization_id, title, description, status, owner_id, org_unit_id, audience, due_date, implemented_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        organizationId,
        imp.title,
        imp.description,
        last.to,
        users.get(imp.owner) ?? null,
        imp.unit ? units.get(imp.unit) ?? null : null,
        imp.audience,
        imp.dueInDays === null ? null : new Date(now.getTime() + imp.dueInDays * DAY).toISOString().slice(0, 10),
        implemented ? ago(implemented.daysAgo) : null,
        users.get(imp.steps[0].by) ?? null,
        ago(imp.steps[0].daysAgo),
        ago(last.daysAgo),
      ],
    );
    let from: ImprovementStatus | null = null;
    for (const step of imp.steps) {
      await tx.query(
        `INSERT INTO improvement_events (improvement_id, organization_id, from_status, to_status, note, by_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, organizationId, from, step.to, step.note ?? null, users.get(step.by) ?? null, ago(step.daysAgo)],
      );
      from = step.to;
    }
    for (const r of imp.responses) {
      await tx.query(
        `WITH picked AS (
           SELECT r.id AS response_id, f.id AS follow_up_id
             FROM responses r JOIN contacts c ON c.id = r.contact_id JOIN waves w ON w.id = r.wave_id
             LEFT JOIN follow_ups f ON f.response_id = r.id
            WHERE r.organization_id = $1 AND c.email = $2 AND w.status = $3 AND w.audience = $4
            LIMIT 1),
         linked AS (INSERT INTO improvement_responses (improvement_id, response_id) SELECT $5, response_id FROM picked RETURNING 1)
         INSERT INTO improvement_follow_ups (improvement_id, follow_up_id) SELECT $5, follow_up_id FROM picked WHERE follow_up_id IS NOT NULL`,
        [organizationId, r.email, r.wave, r.audience, id],
      );
    }
    if (imp.employeeWave && employeeWave) {
      await tx.query(`INSERT INTO improvement_waves (improvement_id, wave_id, org_unit_id) VALUES ($1, $2, $3)`, [id, employeeWave.id, units.get(imp.employeeWave.unit) ?? null]);
    }
    for (const name of imp.themes) {
      const themeId = themeIds.get(name.toLowerCase());
      if (!themeId) throw new Error(`Demo improvement "${imp.title}" links the theme "${name}", which the demo catalogue (demo-themes.ts) does not have`);
      await tx.query(`INSERT INTO improvement_themes (improvement_id, theme_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, themeId]);
    }
  }
}
