import type { EntityManager } from 'typeorm';
import { waveTotalsLoader } from '../reporting/anonymity/index.js';
import { contactLoader } from '../survey/contacts/contact.loader.js';
import { followUpByResponseLoader, followUpNotesLoader } from '../survey/follow-ups/follow-up.loader.js';
import { improvementLoaders } from '../loop/improvements/improvement.loader.js';
import { discussionLoaders } from '../loop/discussions/discussion.loader.js';
import { orgUnitLoader } from '../identity/org-units/org-unit.loader.js';
import { responseLoader, responseUpdatedAtLoader } from '../survey/responses/response.loader.js';
import { themeByIdLoader, themeIdsByResponseLoader, waveAnalysisLoader } from '../survey/themes/theme.loader.js';
import { webhookAttemptsLoader } from '../integrations/webhooks/webhook.loader.js';
import { userLoader } from '../identity/users/user.loader.js';
import { latestMailBatchLoader, mailBatchLoader, mailFailuresLoader } from '../survey/invitations/mail-batch.loader.js';
import { waveLoader, waveQuestionsLoader } from '../survey/waves/wave.loader.js';
import {
  waveCommentsLoader,
  waveFirstReactionLoader,
  waveInvitationStatsLoader,
  waveNpsCountsLoader,
  waveScoreDistributionLoader,
} from '../reporting/wave-results/wave-results.loader.js';

/**
 * The DataLoaders of one request. Each is scoped to the caller's organization, so a loader can
 * never hand out another organization's row; without a caller every loader finds nothing.
 */
export function createLoaders(db: EntityManager, organizationId: string | null) {
  return {
    contact: contactLoader(db, organizationId),
    orgUnit: orgUnitLoader(db, organizationId),
    user: userLoader(db, organizationId),
    response: responseLoader(db, organizationId),
    responseUpdatedAt: responseUpdatedAtLoader(db, organizationId),
    followUpNotes: followUpNotesLoader(db, organizationId),
    followUpByResponse: followUpByResponseLoader(db, organizationId),
    wave: waveLoader(db, organizationId),
    waveQuestions: waveQuestionsLoader(db, organizationId),
    mailBatch: mailBatchLoader(db, organizationId),
    latestMailBatch: latestMailBatchLoader(db, organizationId),
    mailFailures: mailFailuresLoader(db, organizationId),
    waveInvitationStats: waveInvitationStatsLoader(db, organizationId),
    waveNpsCounts: waveNpsCountsLoader(db, organizationId),
    waveScoreDistribution: waveScoreDistributionLoader(db, organizationId),
    waveFirstReaction: waveFirstReactionLoader(db, organizationId),
    waveComments: waveCommentsLoader(db, organizationId),
    employeeWaveTotals: waveTotalsLoader(db, organizationId),
    improvements: improvementLoaders(db, organizationId),
    discussions: discussionLoaders(db, organizationId),
    themeById: themeByIdLoader(db, organizationId),
    acceptedThemeIdsByResponse: themeIdsByResponseLoader(db, organizationId, 'ACCEPTED'),
    suggestedThemeIdsByResponse: themeIdsByResponseLoader(db, organizationId, 'SUGGESTED'),
    waveAnalysis: waveAnalysisLoader(db, organizationId),
    webhookAttempts: webhookAttemptsLoader(db, organizationId),
  };
}

type LoaderRegistry = ReturnType<typeof createLoaders>;

// Every module's loaders become ctx.loaders' type: the kernel declares an empty Loaders interface.
declare module '../kernel/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends LoaderRegistry {}
}
