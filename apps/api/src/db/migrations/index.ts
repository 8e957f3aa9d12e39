import { Foundation1764000000000 } from './1764000000000-Foundation.js';
import { Surveys1764100000000 } from './1764100000000-Surveys.js';
import { EmployeeSurveys1764400000000 } from './1764400000000-EmployeeSurveys.js';
import { NpsRollups1764500000000 } from './1764500000000-NpsRollups.js';
import { BoardTargets1764600000000 } from './1764600000000-BoardTargets.js';
import { ClosedLoop1764700000000 } from './1764700000000-ClosedLoop.js';
import { RollupRebuild1764900000000 } from './1764900000000-RollupRebuild.js';
import { WriterShards1765000000000 } from './1765000000000-WriterShards.js';
import { Awards1764800000000 } from './1764800000000-Awards.js';
import { EmployeeReleases1765100000000 } from './1765100000000-EmployeeReleases.js';
import { AdminBasics1765300000000 } from './1765300000000-AdminBasics.js';
import { RespondentTexts1765400000000 } from './1765400000000-RespondentTexts.js';
import { RosterChanges1765500000000 } from './1765500000000-RosterChanges.js';
import { JobQueue1765610000000 } from './1765610000000-JobQueue.js';
import { DomainEvents1765620000000 } from './1765620000000-DomainEvents.js';
import { Schedules1765800000000 } from './1765800000000-Schedules.js';
import { ImportJobs1765900000000 } from './1765900000000-ImportJobs.js';
import { MailBatches1766000000000 } from './1766000000000-MailBatches.js';
import { SyncTimestamps1766010000000 } from './1766010000000-SyncTimestamps.js';
import { ContactExternalIds1766020000000 } from './1766020000000-ContactExternalIds.js';
import { Exports1766030000000 } from './1766030000000-Exports.js';
import { DeletedRecords1766040000000 } from './1766040000000-DeletedRecords.js';
import { ApiClientLifecycle1766100000000 } from './1766100000000-ApiClientLifecycle.js';
import { Webhooks1766200000000 } from './1766200000000-Webhooks.js';
import { TransactionAttributes1766400000000 } from './1766400000000-TransactionAttributes.js';
import { TransactionalProgrammes1766410000000 } from './1766410000000-TransactionalProgrammes.js';
import { TransactionRollups1766420000000 } from './1766420000000-TransactionRollups.js';
import { EmployeeReleaseCriteria1766430000000 } from './1766430000000-EmployeeReleaseCriteria.js';
import { FrontLineFeed1766440000000 } from './1766440000000-FrontLineFeed.js';
import { FollowUpNotesByApiClients1766450000000 } from './1766450000000-FollowUpNotesByApiClients.js';
import { ContactErasedEvents1766460000000 } from './1766460000000-ContactErasedEvents.js';
import { AccountValue1766500000000 } from './1766500000000-AccountValue.js';
import { TeamDiscussions1766520000000 } from './1766520000000-TeamDiscussions.js';
import { SecondFactorAndSessions1766530000000 } from './1766530000000-SecondFactorAndSessions.js';
import { AuditLog1766550000000 } from './1766550000000-AuditLog.js';
import { Privacy1766551000000 } from './1766551000000-Privacy.js';
import { SubmissionIds1766540000000 } from './1766540000000-SubmissionIds.js';
import { LatestAnswers1766600000000 } from './1766600000000-LatestAnswers.js';
import { RecoveryCodes1766610000000 } from './1766610000000-RecoveryCodes.js';
import { DeletedEmployees1766620000000 } from './1766620000000-DeletedEmployees.js';
import { DeliveryWords1766621000000 } from './1766621000000-DeliveryWords.js';
import { WebhookSecretRotation1766720000000 } from './1766720000000-WebhookSecretRotation.js';
import { BoardPerGroup1766734000000 } from './1766734000000-BoardPerGroup.js';

/** Every migration, oldest first. Listed by hand so the build needs no glob loading. */
export const migrations = [Foundation1764000000000, Surveys1764100000000, EmployeeSurveys1764400000000, NpsRollups1764500000000, BoardTargets1764600000000,
  ClosedLoop1764700000000, Awards1764800000000,
  RollupRebuild1764900000000, WriterShards1765000000000, EmployeeReleases1765100000000,
  AdminBasics1765300000000, RespondentTexts1765400000000, RosterChanges1765500000000,
  JobQueue1765610000000, DomainEvents1765620000000,
  Schedules1765800000000, ImportJobs1765900000000,
  MailBatches1766000000000, SyncTimestamps1766010000000, ContactExternalIds1766020000000,
  Exports1766030000000, DeletedRecords1766040000000, ApiClientLifecycle1766100000000, Webhooks1766200000000,
  TransactionAttributes1766400000000, TransactionalProgrammes1766410000000, TransactionRollups1766420000000, EmployeeReleaseCriteria1766430000000,
  FrontLineFeed1766440000000, FollowUpNotesByApiClients1766450000000,
  ContactErasedEvents1766460000000, AccountValue1766500000000, TeamDiscussions1766520000000, SecondFactorAndSessions1766530000000,
  SubmissionIds1766540000000, AuditLog1766550000000, Privacy1766551000000,
  LatestAnswers1766600000000, RecoveryCodes1766610000000, DeletedEmployees1766620000000, DeliveryWords1766621000000,
  WebhookSecretRotation1766720000000, BoardPerGroup1766734000000];
