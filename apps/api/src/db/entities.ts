import { ApiClientEntity } from '../features/auth/api-client.entity.js';
import { RefreshTokenEntity } from '../features/auth/refresh-token.entity.js';
import { ContactEntity } from '../features/contacts/contact.entity.js';
import { EmployeeEntity } from '../features/employees/employee.entity.js';
import { ParticipationEntity } from '../features/employees/participation.entity.js';
import { FollowUpEntity, FollowUpNoteEntity } from '../features/follow-ups/follow-up.entity.js';
import {
  ImprovementEntity,
  ImprovementEventEntity,
  ImprovementFollowUpEntity,
  ImprovementResponseEntity,
  ImprovementThemeEntity,
  ImprovementWaveEntity,
} from '../features/improvements/improvement.entity.js';
import { InvitationEntity } from '../features/invitations/invitation.entity.js';
import { OrgUnitEntity } from '../features/org-units/org-unit.entity.js';
import { OrganizationEntity } from '../features/organizations/organization.entity.js';
import { ResponseEntity } from '../features/responses/response.entity.js';
import { ResponseThemeEntity, ThemeEntity } from '../features/themes/theme.entity.js';
import { UserEntity } from '../features/users/user.entity.js';
import { WaveQuestionEntity } from '../features/waves/wave-question.entity.js';
import { WaveEntity } from '../features/waves/wave.entity.js';

export const entities = [
  OrganizationEntity,
  OrgUnitEntity,
  UserEntity,
  RefreshTokenEntity,
  ApiClientEntity,
  ContactEntity,
  WaveEntity,
  WaveQuestionEntity,
  InvitationEntity,
  ResponseEntity,
  FollowUpEntity,
  FollowUpNoteEntity,
  EmployeeEntity,
  ParticipationEntity,
  ThemeEntity,
  ResponseThemeEntity,
  ImprovementEntity,
  ImprovementEventEntity,
  ImprovementResponseEntity,
  ImprovementFollowUpEntity,
  ImprovementThemeEntity,
  ImprovementWaveEntity,
];
