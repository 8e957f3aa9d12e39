import type { EntityManager } from 'typeorm';
import { hashSecret } from '../../src/kernel/passwords.js';
import { OrgUnitEntity } from '../../src/identity/org-units/org-unit.entity.js';
import { OrganizationEntity } from '../../src/identity/organizations/organization.entity.js';
import { UserEntity, type Role } from '../../src/identity/users/user.entity.js';

/** A second organization beside the demo one, with one user per given role, for tenancy tests. */
export async function createOrganization(db: EntityManager, slug: string, roles: Role[], password = 'other-password') {
  const org = await db.save(OrganizationEntity, db.create(OrganizationEntity, { name: `Org ${slug}`, slug, settings: {} }));
  const unit = await db.save(OrgUnitEntity, db.create(OrgUnitEntity, { organizationId: org.id, name: `${slug} HQ`, parentId: null }));
  const passwordHash = await hashSecret(password);
  const users: Record<string, string> = {};
  for (const role of roles) {
    const email = `${role.toLowerCase()}@${slug}.test`;
    await db.insert(UserEntity, { organizationId: org.id, orgUnitId: unit.id, email, name: `${role} of ${slug}`, roles: [role], passwordHash, language: 'en', active: true });
    users[role] = email;
  }
  return { org, unit, users, password };
}
