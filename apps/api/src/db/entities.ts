import { ApiClientEntity } from '../identity/auth/api-client.entity.js';
import { RefreshTokenEntity } from '../identity/users/refresh-token.entity.js';
import { ContactEntity } from '../survey/contacts/contact.entity.js';
import { EmployeeEntity } from '../survey/employees/employee.entity.js';
import { ParticipationEntity } from '../survey/invitations/participation.entity.js';
import { FollowUpEntity, FollowUpNoteEntity } from '../survey/follow-ups/follow-up.entity.js';
import {
  ImprovementEntity,
  ImprovementEventEntity,
  ImprovementFollowUpEntity,
  ImprovementResponseEntity,
  ImprovementThemeEntity,
  ImprovementWaveEntity,
} from '../loop/improvements/improvement.entity.js';
import { InvitationEntity } from '../survey/invitations/invitation.entity.js';
import { OrgUnitEntity } from '../identity/org-units/org-unit.entity.js';
import { OrganizationEntity } from '../identity/organizations/organization.entity.js';
import { ResponseEntity } from '../survey/responses/response.entity.js';
import { ResponseThemeEntity, ThemeEntity } from '../survey/themes/theme.entity.js';
import { UserEntity } from '../identity/users/user.entity.js';
import { NotificationEntity, NotificationPreferencesEntity } from '../identity/notifications/notification.entity.js';
import { WaveQuestionEntity } from '../survey/waves/wave-question.entity.js';
import { WebhookAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from '../integrations/webhooks/webhook.entity.js';
import { WaveEntity } from '../survey/waves/wave.entity.js';
import { TransactionEntity } from '../survey/transactions/transaction.entity.js';

export const entities = [
  OrganizationEntity,
  OrgUnitEntity,
  UserEntity,
  NotificationEntity,
  NotificationPreferencesEntity,
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
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  TransactionEntity,
];
