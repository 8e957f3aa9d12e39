import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../logger.js';
import { ApiClientEntity } from '../features/auth/api-client.entity.js';
import { hashSecret } from '../features/auth/passwords.js';
import { OrgUnitEntity } from '../features/org-units/org-unit.entity.js';
import { OrganizationEntity } from '../features/organizations/organization.entity.js';
import { UserEntity, type Role } from '../features/users/user.entity.js';

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

/** On a database with no organization yet, creates the demo organization in one transaction. */
export async function seedDemoIfEmpty(dataSource: DataSource, logger: Logger): Promise<boolean> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM organizations`);
  if (count > 0) return false;
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  await dataSource.transaction(async (tx) => {
    const org = await tx.save(OrganizationEntity, tx.create(OrganizationEntity, { name: 'Demo Company', slug: 'demo', settings: {} }));
    const units = await seedOrgChart(tx, org.id);
    for (const u of USERS) {
      await tx.insert(UserEntity, { ...u, organizationId: org.id, orgUnitId: units.get(u.unit)!, passwordHash, active: true });
    }
    await tx.insert(ApiClientEntity, {
      organizationId: org.id,
      name: 'Demo integrator',
      clientId: DEMO_API_CLIENT.clientId,
      secretHash: await hashSecret(DEMO_API_CLIENT.clientSecret),
      scopes: ['responses:read', 'responses:write', 'contacts:write', 'analytics:read'],
    });
  });
  logger.info(
    { logins: USERS.map((u) => `${u.email} (${u.roles.join(', ')})`), password: DEMO_PASSWORD, apiClient: DEMO_API_CLIENT.clientId },
    `Seeded the demo organization. Log in as ${USERS.map((u) => u.email).join(', ')} with password "${DEMO_PASSWORD}"`,
  );
  return true;
}
