import { ApiClientEntity } from '../features/auth/api-client.entity.js';
import { RefreshTokenEntity } from '../features/auth/refresh-token.entity.js';
import { OrgUnitEntity } from '../features/org-units/org-unit.entity.js';
import { OrganizationEntity } from '../features/organizations/organization.entity.js';
import { UserEntity } from '../features/users/user.entity.js';

export const entities = [OrganizationEntity, OrgUnitEntity, UserEntity, RefreshTokenEntity, ApiClientEntity];
