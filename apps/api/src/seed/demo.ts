import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../logger.js';
import type { AppServices } from '../kernel/context.js';
import { ApiClientEntity } from '../identity/auth/api-client.entity.js';
import { hashSecret } from '../kernel/passwords.js';
import { OrgUnitEntity } from '../identity/org-units/org-unit.entity.js';
import { OrganizationEntity } from '../identity/organizations/organization.entity.js';
import { UserEntity, type Role } from '../identity/users/user.entity.js';
import { DEMO_MANAGERS, mailDemoInvitations, seedSurveys } from './demo-surveys.js';
import { mailDemoEmployeeInvitations, seedEmployeeReleases, seedEmployees } from './demo-employees.js';
import { seedBoard } from './demo-board.js';
import { seedThemes } from './demo-themes.js';
import { seedImprovements } from './demo-improvements.js';
import { seedAwardsData } from './demo-awards.js';
import { seedHistory } from './demo-history.js';
import { seedTransactions } from './demo-transactions.js';
import { notifyDemoTeamPacks } from './demo-team-packs.js';
import { mailDemoNews, seedDiscussions } from './demo-discussions.js';
import { seedAccountValues } from './demo-account-values.js';
import { DEMO_DIGEST_READER, mailDemoDigest } from './demo-digest.js';

export const DEMO_PASSWORD = 'tandem-demo';
export const DEMO_API_CLIENT = { clientId: 'demo-integrator', clientSecret: 'tandem-demo-integrator-secret' };

/** The demo org chart: name → parent name. */
const ORG_UNITS: [string, string | null][] = [
  ['Demo Company', null],
  ['Sales', 'Demo Company'],
  ['Sales EU', 'Sales'],
  ['Sales US', 'Sales'],
  ['Customer Service', 'Demo Company'],
  ['Recruitment', 'Demo Company'],
  ['Operations', 'Demo Company'],
  ['People & Culture', 'Demo Company'],
];

const USERS: { email: string; name: string; roles: Role[]; unit: string; language: string }[] = [
  { email: 'admin@demo.test', name: 'Ada Admin', roles: ['ADMIN'], unit: 'Demo Company', language: 'en' },
  { email: 'hr@demo.test', name: 'Hanna Hansen', roles: ['HR'], unit: 'People & Culture', language: 'da' },
  { email: 'cx@demo.test', name: 'Carlos Xavier', roles: ['CX'], unit: 'Customer Service', language: 'en' },
  { email: 'manager@demo.test', name: 'Marta Nowak', roles: ['MANAGER'], unit: 'Sales EU', language: 'pl' },
  { email: 'leader@demo.test', name: 'Luka Novak', roles: ['LEADER'], unit: 'Demo Company', language: 'sl' },
];

async function seedOrgChart(tx: EntityManager, organizationId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [name, parent] of ORG_UNITS) {
    const unit = await tx.save(OrgUnitEntity, tx.create(OrgUnitEntity, { organizationId, name, parentId: parent ? ids.get(parent)! : null }));
    ids.set(name, unit.id);
  }
  return ids;
}

export interface SeedOptions {
  /**
   * With an outbox mailer, the invitation mails of the open waves' unanswered invitations are
   * written to the outbox, so the respondent page can be tried from a real link.
   */
  app?: AppServices;
}

/**
 * On a database with no organization yet, creates the demo organization in one transaction: org
 * chart, users, API client, a survey cycle (demo-surveys.ts), and the employee roster with two
 * anonymous employee waves (demo-employees.ts).
 */
/** Every demo login, for the last lines of the start-up log (and the README's table). */
export const DEMO_LOGINS = [...USERS, ...DEMO_MANAGERS].map((u) => ({ email: u.email, roles: u.roles, language: u.language }));

/** The demo logins as the last lines a developer sees after `npm start`. */
export async function logDemoLogins(dataSource: DataSource, logger: Logger): Promise<void> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM organizations WHERE slug = 'demo'`);
  if (!count) return;
  const width = Math.max(...DEMO_LOGINS.map((l) => l.email.length));
  logger.info(
    ['Demo logins (password "' + DEMO_PASSWORD + '"):', ...DEMO_LOGINS.map((l) => `  ${l.email.padEnd(width)}  ${l.roles.join(', ')} (${l.language})`)].join('\n'),
  );
}

export async function seedDemoIfEmpty(dataSource: DataSource, logger: Logger, options: SeedOptions = {}): Promise<boolean> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM organizations`);
  if (count > 0) return false;
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const now = new Date();
  const surveys = await dataSource.transaction(async (tx) => {
    const org = await tx.save(OrganizationEntity, tx.create(OrganizationEntity, { name: 'Demo Company', slug: 'demo', settings: {} }));
    const units = await seedOrgChart(tx, org.id);
    const users = new Map<string, string>();
    for (const u of [...USERS, ...DEMO_MANAGERS]) {
      const { identifiers } = await tx.insert(UserEntity, { ...u, organizationId: org.id, orgUnitId: units.get(u.unit)!, passwordHash, active: true });
      users.set(u.email, identifiers[0].id as string);
    }
    await tx.insert(ApiClientEntity, {
      organizationId: org.id,
      name: 'Demo integrator',
      clientId: DEMO_API_CLIENT.clientId,
      secretHash: await hashSecret(DEMO_API_CLIENT.clientSecret),
      scopes: ['responses:read', 'responses:write', 'contacts:write', 'analytics:read', 'surveys:send'],
    });
    const identified = await seedSurveys(tx, org.id, users, units, now);
    const employees = await seedEmployees(tx, org.id, users, units, now);
    // A year of closed waves before the current cycle (demo-history.ts): themes and improvements see them.
    await seedHistory(tx, org.id, users, units, now);
    // A transactional programme with six months of transactions (demo-transactions.ts).
    await seedTransactions(tx, org.id, users, units, now);
    await seedBoard(tx, org.id, users.get('leader@demo.test') ?? null, now);
    await seedThemes(tx, org.id, now);
    await seedEmployeeReleases(tx, org.id, logger);
    // After the surveys, employees and themes: improvements link to their rows.
    await seedImprovements(tx, org.id, users, units, now);
    // Enough answers per team in the last two quarters for the leaderboards (demo-awards.ts).
    await seedAwardsData(tx, org.id, users, units, now);
    // After the closed waves and improvements: team discussions and their actions (demo-discussions.ts).
    await seedDiscussions(tx, org.id, users, units, now);
    // Last: every customer contact exists by now (revenue at risk on the board).
    await seedAccountValues(tx, org.id);
    return { identified, employees };
  });
  const mailed = options.app
    ? (await mailDemoInvitations(options.app, dataSource.manager, surveys.identified)) +
      (await mailDemoEmployeeInvitations(options.app, dataSource.manager, surveys.employees))
    : 0;
  const digests = options.app ? await mailDemoDigest(options.app, dataSource.manager, logger) : 0;
  // The latest closed wave's team packs: their managers' mails go to the outbox through the background jobs.
  const packManagers = options.app ? await notifyDemoTeamPacks(dataSource, options.app) : 0;
  // The leader's monthly programme news (demo-discussions.ts), in the outbox at once.
  const news = options.app ? await mailDemoNews(options.app, dataSource.manager) : 0;
  const [counts] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM contacts) AS contacts, (SELECT count(*)::int FROM employees) AS employees,
            (SELECT count(*)::int FROM waves) AS waves, (SELECT count(*)::int FROM responses) AS responses`,
  );
  logger.info(
    { ...counts, ...(mailed ? { outbox: options.app!.config.outboxDir, mailed } : {}), ...(packManagers ? { teamPackMails: packManagers } : {}) },
    `Seeded the demo organization: ${counts.contacts} contacts, ${counts.employees} employees, ${counts.waves} waves, ${counts.responses} answers` +
      (mailed ? `; ${mailed} demo invitation mails with survey links are in ${options.app!.config.outboxDir}` : '') +
      (digests ? `, with ${DEMO_DIGEST_READER}'s weekly digest` : '') +
      (news ? ' and the leader\'s monthly programme news' : ''),
  );
  return true;
}
