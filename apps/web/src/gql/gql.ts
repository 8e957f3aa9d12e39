/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment NpsScore on NpsSummary {\n    responses\n    nps\n    ciLow\n    ciHigh\n    marginOfError\n    band\n    suppressed\n    hiddenReason\n  }\n": typeof types.NpsScoreFragmentDoc,
    "\n  fragment NpsSummaryFields on NpsSummary {\n    ...NpsScore @unmask\n    promoters\n    passives\n    detractors\n  }\n": typeof types.NpsSummaryFieldsFragmentDoc,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    rowsTotal\n    rowsDone\n    progress\n    errorCount\n    errors {\n      line\n      field\n      message\n      reason\n      params {\n        name\n        value\n      }\n    }\n    result {\n      imported\n      created\n      updated\n      deactivated\n    }\n    preview {\n      added {\n        count\n        people {\n          email\n          name\n        }\n      }\n      updated {\n        count\n        people {\n          email\n          name\n        }\n      }\n      leaving {\n        count\n        people {\n          email\n          name\n        }\n      }\n    }\n    message\n  }\n": typeof types.ImportJobFieldsFragmentDoc,
    "\n  mutation StartContactImport($uploadId: ID!, $dryRun: Boolean) {\n    startContactImport(uploadId: $uploadId, dryRun: $dryRun) {\n      ...ImportJobFields @unmask\n    }\n  }\n": typeof types.StartContactImportDocument,
    "\n  mutation StartRosterImport($uploadId: ID!, $dryRun: Boolean) {\n    startRosterImport(uploadId: $uploadId, dryRun: $dryRun) {\n      ...ImportJobFields @unmask\n    }\n  }\n": typeof types.StartRosterImportDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields @unmask\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          readAt\n          contactName\n          score\n          comment\n          waveName\n          ownerName\n          link\n        }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query ReleasedComments($filter: NpsFilter!) {\n    employeeComments(filter: $filter) {\n      suppressed\n      hiddenReason\n      comments\n    }\n  }\n": typeof types.ReleasedCommentsDocument,
    "\n  query EmployeeThemeMentions($filter: NpsFilter!) {\n    themeResults(filter: $filter) {\n      theme {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      suppressed\n      share\n      mentions {\n        responses\n      }\n    }\n  }\n": typeof types.EmployeeThemeMentionsDocument,
    "\n  mutation Login($email: String!, $password: String!, $totpCode: String) {\n    login(email: $email, password: $password, totpCode: $totpCode) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Refresh($refreshToken: String!) {\n    refresh(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n": typeof types.RefreshDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      roles\n      orgUnit {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query NavCounts {\n    navCounts {\n      item\n      count\n      urgent\n    }\n  }\n": typeof types.NavCountsDocument,
    "\n  query HomeOrganization {\n    organization {\n      id\n      name\n    }\n    navCounts {\n      item\n      count\n    }\n  }\n": typeof types.HomeOrganizationDocument,
    "\n  query Account {\n    me {\n      id\n      name\n      email\n      roles\n      totpEnabled\n      orgUnit {\n        id\n        name\n      }\n    }\n    myNotificationPreferences {\n      mails {\n        kind\n        enabled\n      }\n      digestFrequency\n      language\n    }\n  }\n": typeof types.AccountDocument,
    "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      mails {\n        kind\n        enabled\n      }\n      digestFrequency\n      language\n    }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      current\n      userAgent\n      address\n      startedAt\n      lastActiveAt\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation RevokeMySession($id: ID!) {\n    revokeMySession(id: $id)\n  }\n": typeof types.RevokeMySessionDocument,
    "\n  query PasswordLink($token: String!) {\n    passwordLink(token: $token) {\n      purpose\n      name\n      expiresAt\n    }\n  }\n": typeof types.PasswordLinkDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n": typeof types.SetPasswordDocument,
    "\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n": typeof types.StartTotpEnrolmentDocument,
    "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code)\n  }\n": typeof types.ConfirmTotpDocument,
    "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n": typeof types.DisableTotpDocument,
    "\n  fragment BoardAudienceCard on BoardAudience {\n    audience\n    responseRate\n    significantChange\n    target\n    targetReached\n    targetProgress\n    summary {\n      ...NpsScore @unmask\n    }\n    previous {\n      nps\n      suppressed\n    }\n    benchmarks {\n      id\n      name\n      value\n      source\n    }\n    trend {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n": typeof types.BoardAudienceCardFragmentDoc,
    "\n  query Board($period: PeriodInput) {\n    organization {\n      id\n      anonymityThreshold\n    }\n    board(period: $period) {\n      period\n      previousPeriod\n      from\n      to\n      followUpsOpen\n      followUpsOverdue\n      improvementsByStatus {\n        status\n        count\n      }\n      audiences {\n        audience\n        ...BoardAudienceCard\n      }\n      ...BoardTopThemes\n      ...BoardSla\n      ...BoardRevenueAtRisk\n    }\n  }\n": typeof types.BoardDocument,
    "\n  query NpsTargets($year: Int) {\n    npsTargets(year: $year) {\n      id\n      audience\n      year\n      quarter\n      period\n      value\n    }\n  }\n": typeof types.NpsTargetsDocument,
    "\n  query Benchmarks {\n    benchmarks {\n      id\n      audience\n      name\n      value\n      source\n    }\n  }\n": typeof types.BenchmarksDocument,
    "\n  mutation SetNpsTarget($audience: Audience!, $period: PeriodInput!, $value: Float!) {\n    setNpsTarget(audience: $audience, period: $period, value: $value) {\n      id\n      period\n      value\n    }\n  }\n": typeof types.SetNpsTargetDocument,
    "\n  mutation RemoveNpsTarget($audience: Audience!, $period: PeriodInput!) {\n    removeNpsTarget(audience: $audience, period: $period)\n  }\n": typeof types.RemoveNpsTargetDocument,
    "\n  mutation AddBenchmark($input: AddBenchmarkInput!) {\n    addBenchmark(input: $input) {\n      id\n    }\n  }\n": typeof types.AddBenchmarkDocument,
    "\n  mutation RemoveBenchmark($id: ID!) {\n    removeBenchmark(id: $id)\n  }\n": typeof types.RemoveBenchmarkDocument,
    "\n  fragment BoardSla on Board {\n    followUpSla {\n      decided\n      closedInTime\n      share\n      byWave {\n        id\n        name\n        decided\n        closedInTime\n        share\n      }\n      byOwner {\n        id\n        name\n        decided\n        closedInTime\n        share\n      }\n    }\n  }\n": typeof types.BoardSlaFragmentDoc,
    "\n  fragment BoardRevenueAtRisk on Board {\n    revenueAtRisk(audience: CUSTOMER, top: 5) {\n      answered\n      valued\n      valueAnswered\n      valueAtRisk\n      valueTotal\n      coverage\n      weightedNps\n      nps\n      byOrgUnit {\n        id\n        name\n        valued\n        value\n        valueAtRisk\n        weightedNps\n      }\n      byOwner {\n        id\n        name\n        valued\n        value\n        valueAtRisk\n        weightedNps\n      }\n    }\n  }\n": typeof types.BoardRevenueAtRiskFragmentDoc,
    "\n  fragment BoardTopThemes on Board {\n    topThemes {\n      audience\n      amongDetractors {\n        count\n        share\n        theme {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n      amongPromoters {\n        count\n        share\n        theme {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardTopThemesFragmentDoc,
    "\n  fragment ContactFields on Contact {\n    id\n    email\n    name\n    language\n    unsubscribed\n    lastInvitedAt\n    owner {\n      id\n      name\n      email\n    }\n    orgUnit {\n      id\n      name\n    }\n    segments {\n      key\n      value\n    }\n    annualValue\n  }\n": typeof types.ContactFieldsFragmentDoc,
    "\n  mutation CreateContact($input: ContactInput!) {\n    createContact(input: $input) {\n      ...ContactFields\n    }\n  }\n": typeof types.CreateContactDocument,
    "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      ...ContactFields\n    }\n  }\n": typeof types.UpdateContactDocument,
    "\n  query Contacts($filter: ContactFilter, $first: Int, $after: String, $order: ContactOrder) {\n    contacts(filter: $filter, first: $first, after: $after, order: $order) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          email\n          name\n          language\n          unsubscribed\n          lastInvitedAt\n          owner {\n            id\n            name\n            email\n          }\n          orgUnit {\n            id\n            name\n          }\n          segments {\n            key\n            value\n          }\n          annualValue\n        }\n      }\n    }\n  }\n": typeof types.ContactsDocument,
    "\n  query ContactOwners {\n    users(role: MANAGER) {\n      id\n      name\n      email\n    }\n  }\n": typeof types.ContactOwnersDocument,
    "\n  query ContactOrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.ContactOrgUnitsDocument,
    "\n  query Employees($filter: EmployeeFilter, $first: Int, $after: String) {\n    employees(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        cursor\n        node {\n          email\n          name\n          language\n          location\n          tenureBand\n          active\n          orgUnit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.EmployeesDocument,
    "\n  mutation RestoreEmployees($emails: [String!]!) {\n    restoreEmployees(emails: $emails) {\n      restored\n    }\n  }\n": typeof types.RestoreEmployeesDocument,
    "\n  query ExploreOptions($audience: Audience, $status: WaveStatus) {\n    orgUnits {\n      id\n      name\n    }\n    users(role: MANAGER) {\n      id\n      name\n    }\n    waves(first: 100, filter: { audience: $audience, status: $status }) {\n      edges {\n        node {\n          id\n          name\n          audience\n        }\n      }\n    }\n    transactionValues(audience: $audience) {\n      products\n      channels\n      touchpoints\n      servedBy {\n        key\n        name\n      }\n    }\n  }\n": typeof types.ExploreOptionsDocument,
    "\n  query ExploreSummary($filter: NpsFilter!) {\n    organization {\n      id\n      anonymityThreshold\n    }\n    npsSummary(filter: $filter) {\n      ...NpsSummaryFields @unmask\n    }\n  }\n": typeof types.ExploreSummaryDocument,
    "\n  query ExploreBreakdown($filter: NpsFilter!, $by: BreakdownDimension!, $segmentKey: String) {\n    npsBreakdown(filter: $filter, by: $by, segmentKey: $segmentKey) {\n      key\n      label\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n": typeof types.ExploreBreakdownDocument,
    "\n  query ExploreTrend($filter: NpsFilter!, $interval: TrendInterval!) {\n    npsTrend(filter: $filter, interval: $interval) {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n": typeof types.ExploreTrendDocument,
    "\n  query ExploreCriteria($filter: NpsFilter!) {\n    criterionResults(filter: $filter) {\n      criterion\n      n\n      mean\n      ciLow\n      ciHigh\n      distribution\n      lowSample\n      suppressed\n      hiddenReason\n      previousMean\n    }\n  }\n": typeof types.ExploreCriteriaDocument,
    "\n  query ExploreKeyDrivers($filter: NpsFilter!) {\n    keyDrivers(filter: $filter) {\n      criterion\n      rank\n      n\n      correlation\n      ciLow\n      ciHigh\n      lowSample\n    }\n  }\n": typeof types.ExploreKeyDriversDocument,
    "\n  mutation TurnOffDigest($token: String!) {\n    turnOffDigest(token: $token)\n  }\n": typeof types.TurnOffDigestDocument,
    "\n  query FeedFollows {\n    myFollows {\n      kind\n      key\n      name\n      byDefault\n    }\n    followOptions {\n      orgUnits {\n        key\n        name\n      }\n      products {\n        key\n        name\n      }\n      owners {\n        key\n        name\n      }\n    }\n  }\n": typeof types.FeedFollowsDocument,
    "\n  mutation Follow($kind: FollowKind!, $key: String!) {\n    follow(kind: $kind, key: $key) {\n      kind\n      key\n      name\n      byDefault\n    }\n  }\n": typeof types.FollowDocument,
    "\n  mutation Unfollow($kind: FollowKind!, $key: String!) {\n    unfollow(kind: $kind, key: $key) {\n      kind\n      key\n      name\n      byDefault\n    }\n  }\n": typeof types.UnfollowDocument,
    "\n  query Feed($filter: FeedFilter, $first: Int) {\n    feed(filter: $filter, first: $first) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n      }\n      thanks {\n        id\n        contactName\n        score\n        comment\n      }\n      edges {\n        node {\n          id\n          submittedAt\n          score\n          category\n          reason\n          suggestion\n          product\n          servedByName\n          servedByMe\n          read\n          contactName\n          orgUnit {\n            id\n            name\n          }\n          wave {\n            id\n            name\n          }\n          followUp {\n            id\n            status\n            owner {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    followOptions {\n      orgUnits {\n        key\n        name\n      }\n      products {\n        key\n        name\n      }\n    }\n  }\n": typeof types.FeedDocument,
    "\n  mutation MarkFeedRead($ids: [ID!], $all: Boolean) {\n    markFeedRead(ids: $ids, all: $all)\n  }\n": typeof types.MarkFeedReadDocument,
    "\n  mutation ContactCustomer($responseId: ID!) {\n    contactCustomer(responseId: $responseId) {\n      id\n      followUp {\n        id\n        status\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ContactCustomerDocument,
    "\n  mutation DismissThanks($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.DismissThanksDocument,
    "\n  fragment FollowUpCard on FollowUp {\n    id\n    status\n    dueAt\n    overdue\n    escalatedAt\n    owner {\n      id\n      name\n    }\n    wave {\n      id\n      name\n    }\n    response {\n      id\n      score\n      category\n      reason\n      suggestion\n      language\n      contact {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.FollowUpCardFragmentDoc,
    "\n  fragment FollowUpDetail on FollowUp {\n    id\n    status\n    dueAt\n    overdue\n    overdueAt\n    escalatedAt\n    escalatedTo {\n      id\n      name\n    }\n    createdAt\n    contactedAt\n    resolvedAt\n    owner {\n      id\n      name\n      email\n    }\n    wave {\n      id\n      name\n    }\n    response {\n      id\n      score\n      category\n      reason\n      suggestion\n      language\n      submittedAt\n      ratings {\n        criterion\n        value\n      }\n      contact {\n        id\n        name\n        email\n      }\n    }\n    notes {\n      id\n      text\n      createdAt\n      author {\n        id\n        name\n      }\n    }\n  }\n": typeof types.FollowUpDetailFragmentDoc,
    "\n  mutation UpdateFollowUp($id: ID!, $input: FollowUpUpdateInput!) {\n    updateFollowUp(id: $id, input: $input) {\n      id\n      ...FollowUpDetail\n      ...FollowUpCard\n    }\n  }\n": typeof types.UpdateFollowUpDocument,
    "\n  query FollowUps($filter: FollowUpFilter, $first: Int, $after: String) {\n    followUps(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          dueAt\n          response {\n            score\n          }\n          ...FollowUpCard\n          ...FollowUpDetail\n        }\n      }\n    }\n  }\n": typeof types.FollowUpsDocument,
    "\n  query FollowUp($id: ID!) {\n    followUp(id: $id) {\n      id\n      ...FollowUpDetail\n    }\n  }\n": typeof types.FollowUpDocument,
    "\n  query CxHome {\n    queue: responses(filter: { hasComment: true, untagged: true }, first: 1) {\n      totalCount\n    }\n    overdue: followUps(filter: { overdue: true }, first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          dueAt\n          owner {\n            id\n            name\n          }\n          response {\n            id\n            score\n            contact {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CxHomeDocument,
    "\n  query HrHome {\n    waves(filter: { audience: EMPLOYEE, status: OPEN }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          invited\n          responded\n          responseRate\n          closesAt\n        }\n      }\n    }\n  }\n": typeof types.HrHomeDocument,
    "\n  query ManagerHome($me: ID!, $from: Date!, $to: Date!) {\n    waiting: followUps(filter: { status: OPEN }, first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          dueAt\n          overdue\n          response {\n            id\n            score\n            reason\n            contact {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    overdue: followUps(filter: { overdue: true }, first: 1) {\n      totalCount\n    }\n    mine: npsSummary(filter: { ownerIds: [$me], from: $from, to: $to }) {\n      ...NpsScore @unmask\n    }\n  }\n": typeof types.ManagerHomeDocument,
    "\n  query ImprovementOwners {\n    users {\n      id\n      name\n    }\n  }\n": typeof types.ImprovementOwnersDocument,
    "\n  mutation UpdateImprovement($id: ID!, $input: UpdateImprovementInput!) {\n    updateImprovement(id: $id, input: $input) {\n      id\n      title\n      titleTranslations {\n        language\n        text\n      }\n      description\n      dueDate\n      overdue\n      owner {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpdateImprovementDocument,
    "\n  fragment ImprovementEffect on ImprovementEffect {\n    change\n    significant\n    themesApplied\n    tooEarly\n    minimumResponses\n    beforeFrom\n    beforeTo\n    afterFrom\n    afterTo\n    before {\n      responses\n      nps\n      ciLow\n      ciHigh\n      suppressed\n    }\n    after {\n      responses\n      nps\n      ciLow\n      ciHigh\n      suppressed\n    }\n  }\n": typeof types.ImprovementEffectFragmentDoc,
    "\n  mutation SetImprovementStatus($id: ID!, $status: ImprovementStatus!, $note: String) {\n    setImprovementStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      nextStatuses\n      overdue\n      implementedAt\n    }\n  }\n": typeof types.SetImprovementStatusDocument,
    "\n  query Improvement($id: ID!) {\n    improvement(id: $id) {\n      id\n      title\n      titleTranslations {\n        language\n        text\n      }\n      description\n      status\n      nextStatuses\n      canEdit\n      audience\n      dueDate\n      overdue\n      createdAt\n      implementedAt\n      owner {\n        id\n        name\n      }\n      createdBy {\n        id\n        name\n      }\n      orgUnit {\n        id\n        name\n      }\n      themes {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n      }\n      responses {\n        id\n        score\n        category\n        reason\n        suggestion\n        language\n        submittedAt\n      }\n      followUps {\n        id\n        status\n        owner {\n          name\n        }\n      }\n      waves {\n        wave {\n          id\n          name\n          audience\n        }\n        orgUnit {\n          id\n          name\n        }\n      }\n      history {\n        from\n        to\n        note\n        at\n        by {\n          name\n        }\n      }\n      effect {\n        ...ImprovementEffect\n      }\n    }\n  }\n": typeof types.ImprovementDocument,
    "\n  query Improvements($filter: ImprovementFilter, $first: Int) {\n    improvements(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          titleTranslations {\n            language\n            text\n          }\n          status\n          nextStatuses\n          audience\n          dueDate\n          overdue\n          owner {\n            id\n            name\n          }\n          orgUnit {\n            id\n            name\n          }\n          themes {\n            id\n            name\n            nameTranslations {\n              language\n              text\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ImprovementsDocument,
    "\n  query ImprovementFilters {\n    orgUnits {\n      id\n      name\n    }\n    themes {\n      id\n      name\n      nameTranslations {\n        language\n        text\n      }\n    }\n    users {\n      id\n      name\n    }\n  }\n": typeof types.ImprovementFiltersDocument,
    "\n  mutation CreateImprovement($input: CreateImprovementInput!) {\n    createImprovement(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreateImprovementDocument,
    "\n  mutation ShareWaveOutcome($waveId: ID!) {\n    shareWaveOutcome(waveId: $waveId)\n  }\n": typeof types.ShareWaveOutcomeDocument,
    "\n  mutation CreateImprovementFromFollowUp($followUpId: ID!, $title: String) {\n    createImprovementFromFollowUp(followUpId: $followUpId, title: $title) {\n      id\n    }\n  }\n": typeof types.CreateImprovementFromFollowUpDocument,
    "\n  query YouSaidWeDid($token: String!, $language: String) {\n    youSaidWeDid(token: $token, language: $language) {\n      waveName\n      organizationName\n      language\n      languages\n      improvements {\n        title\n        description\n        implementedOn\n      }\n    }\n  }\n": typeof types.YouSaidWeDidDocument,
    "\n  query AwardCertificate($id: ID!) {\n    organization {\n      id\n      name\n    }\n    award(id: $id) {\n      id\n      period\n      entity\n      metric\n      audience\n      winnerName\n      rank\n      value\n      responses\n      invited\n      ciLow\n      ciHigh\n      finalizedAt\n    }\n  }\n": typeof types.AwardCertificateDocument,
    "\n  query AwardHistory($year: Int) {\n    awards(year: $year) {\n      id\n      period\n      entity\n      metric\n      audience\n      winnerName\n      value\n      reopened\n      runnersUp {\n        id\n        rank\n        winnerName\n        value\n      }\n    }\n    awardPeriods(year: $year) {\n      id\n      period\n      status\n      events {\n        kind\n        byName\n        at\n        note\n      }\n    }\n  }\n": typeof types.AwardHistoryDocument,
    "\n  query Leaderboard($input: LeaderboardInput!) {\n    organization {\n      id\n      leaderboardMinResponses\n      anonymityThreshold\n    }\n    leaderboardLevels {\n      level\n      unitNames\n      isDefault\n    }\n    leaderboard(input: $input) {\n      rank\n      entityId\n      name\n      value\n      rankedBy\n      ciLow\n      ciHigh\n      responses\n      invited\n      eligible\n      note\n      significant\n      previous {\n        responses\n        nps\n      }\n    }\n  }\n": typeof types.LeaderboardDocument,
    "\n  mutation FinalizeAwards($input: PeriodInput!) {\n    finalizeAwards(input: $input) {\n      id\n    }\n  }\n": typeof types.FinalizeAwardsDocument,
    "\n  query ApiClients {\n    apiClients {\n      id\n      name\n      clientId\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      previousSecretExpiresAt\n    }\n  }\n": typeof types.ApiClientsDocument,
    "\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      clientSecret\n      client {\n        id\n        name\n        clientId\n      }\n    }\n  }\n": typeof types.CreateApiClientDocument,
    "\n  mutation RotateApiClientSecret($id: ID!) {\n    rotateApiClientSecret(id: $id) {\n      clientSecret\n      client {\n        id\n        name\n        clientId\n        previousSecretExpiresAt\n      }\n    }\n  }\n": typeof types.RotateApiClientSecretDocument,
    "\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiClientDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $after: String) {\n    auditLog(filter: $filter, first: 50, after: $after) {\n      entries {\n        id\n        at\n        actorKind\n        actorName\n        kind\n        action\n        objectType\n        objectIds\n        outcome\n        ip\n        userAgent\n        requestId\n      }\n      endCursor\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditLogCsv($filter: AuditLogFilter) {\n    auditLogCsv(filter: $filter)\n  }\n": typeof types.AuditLogCsvDocument,
    "\n  query Jobs {\n    jobQueues {\n      name\n      queued\n      scheduled\n      retrying\n      active\n      completedLastHour\n      failedLastHour\n      deadLettered\n      waitP50Ms\n      waitP95Ms\n      runP95Ms\n    }\n    deadLetteredJobs(first: 50) {\n      id\n      queue\n      error\n      attempts\n      failedAt\n    }\n  }\n": typeof types.JobsDocument,
    "\n  mutation RetryDeadLetteredJob($id: ID!) {\n    retryDeadLetteredJob(id: $id) {\n      id\n      queue\n    }\n  }\n": typeof types.RetryDeadLetteredJobDocument,
    "\n  query UnitManagers {\n    users {\n      id\n      name\n      email\n    }\n  }\n": typeof types.UnitManagersDocument,
    "\n  mutation RenameOrgUnit($id: ID!, $name: String!) {\n    renameOrgUnit(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.RenameOrgUnitDocument,
    "\n  mutation MoveOrgUnit($id: ID!, $parentId: ID) {\n    moveOrgUnit(id: $id, parentId: $parentId) {\n      id\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.MoveOrgUnitDocument,
    "\n  mutation SetOrgUnitManager($id: ID!, $userId: ID) {\n    setOrgUnitManager(id: $id, userId: $userId) {\n      id\n      manager {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SetOrgUnitManagerDocument,
    "\n  mutation DeleteOrgUnit($id: ID!) {\n    deleteOrgUnit(id: $id)\n  }\n": typeof types.DeleteOrgUnitDocument,
    "\n  query OrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n      manager {\n        id\n        name\n      }\n    }\n  }\n": typeof types.OrgUnitsDocument,
    "\n  mutation CreateOrgUnit($name: String!, $parentId: ID) {\n    createOrgUnit(name: $name, parentId: $parentId) {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.CreateOrgUnitDocument,
    "\n  query OrganizationSettings {\n    organization {\n      id\n      name\n      timeZone\n      anonymityThreshold\n      followUpSlaHours\n      throttleDays\n      npsBands {\n        key\n        min\n      }\n    }\n  }\n": typeof types.OrganizationSettingsDocument,
    "\n  mutation UpdateOrganizationSettings($input: OrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      name\n      timeZone\n      anonymityThreshold\n      followUpSlaHours\n      throttleDays\n      npsBands {\n        key\n        min\n      }\n    }\n  }\n": typeof types.UpdateOrganizationSettingsDocument,
    "\n  query ManagedUsers {\n    managedUsers {\n      id\n      email\n      name\n      roles\n      language\n      status\n      totpEnabled\n      orgUnit {\n        id\n        name\n      }\n    }\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.ManagedUsersDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation UpdateUserRoles($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      roles\n    }\n  }\n": typeof types.UpdateUserRolesDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  mutation SendPasswordLink($id: ID!) {\n    sendPasswordLink(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.SendPasswordLinkDocument,
    "\n  mutation RevokeAllUserSessions($userId: ID!) {\n    revokeAllUserSessions(userId: $userId)\n  }\n": typeof types.RevokeAllUserSessionsDocument,
    "\n  mutation ResetUserTotp($userId: ID!) {\n    resetUserTotp(userId: $userId)\n  }\n": typeof types.ResetUserTotpDocument,
    "\n  query Webhooks {\n    webhookEndpoints {\n      id\n      url\n      events\n      orgUnitIds\n      enabled\n      disabledAt\n      createdAt\n      deliveries(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            event\n            status\n            attempts\n            lastStatusCode\n            lastLatencyMs\n            lastError\n            nextAttemptAt\n            createdAt\n          }\n        }\n      }\n    }\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      id\n      status\n    }\n  }\n": typeof types.SendTestWebhookDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ReplayWebhookDeliveryDocument,
    "\n  mutation CreateProgramme($input: CreateProgrammeInput!) {\n    createProgramme(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateProgrammeDocument,
    "\n  query Programme($id: ID!) {\n    wave(id: $id) {\n      id\n      name\n      audience\n      status\n      kind\n      touchpoint\n      sendDelayMinutes\n    }\n    transactions(programmeId: $id, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          transactionId\n          occurredAt\n          product\n          channel\n          location\n          servedByName\n          status\n          skipReason\n          sendAt\n        }\n      }\n    }\n  }\n": typeof types.ProgrammeDocument,
    "\n  query Programmes {\n    waves(filter: { kind: TRANSACTIONAL }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          audience\n          status\n          touchpoint\n          sendDelayMinutes\n          invited\n          responded\n          summary {\n            nps\n            suppressed\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProgrammesDocument,
    "\n  mutation ImportTransactions($programmeId: ID!, $csv: String!) {\n    importTransactions(programmeId: $programmeId, csv: $csv) {\n      imported\n      created\n      errors {\n        line\n        field\n        message\n      }\n    }\n  }\n": typeof types.ImportTransactionsDocument,
    "\n  query SurveyByToken($token: String!, $language: String) {\n    surveyByToken(token: $token, language: $language) {\n      title\n      language\n      languages\n      alreadyAnswered\n      closed\n      unsubscribed\n      anonymous\n      anonymityThreshold\n      rosterArrivals {\n        unit\n        count\n      }\n      questions {\n        kind\n        text\n        criterion\n        min\n        max\n        maxLength\n      }\n    }\n  }\n": typeof types.SurveyByTokenDocument,
    "\n  mutation SubmitResponse($token: String!, $input: ResponseInput!, $submissionId: String) {\n    submitResponse(token: $token, input: $input, submissionId: $submissionId) {\n      ok\n    }\n  }\n": typeof types.SubmitResponseDocument,
    "\n  query RespondentPage($token: String!, $language: String) {\n    respondentPage(token: $token, language: $language) {\n      language\n      languages\n      title\n    }\n  }\n": typeof types.RespondentPageDocument,
    "\n  mutation Unsubscribe($token: String!) {\n    unsubscribe(token: $token)\n  }\n": typeof types.UnsubscribeDocument,
    "\n  query TeamResults {\n    me {\n      id\n      orgUnit {\n        id\n        name\n      }\n    }\n    organization {\n      id\n      anonymityThreshold\n    }\n    npsTrend(filter: { audience: EMPLOYEE }, interval: WAVE) {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsSummaryFields @unmask\n      }\n    }\n  }\n": typeof types.TeamResultsDocument,
    "\n  query TeamUnits($filter: NpsFilter!) {\n    npsBreakdown(filter: $filter, by: ORG_UNIT) {\n      key\n      label\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n": typeof types.TeamUnitsDocument,
    "\n  query EmployeeThemeWaves {\n    organization {\n      id\n      anonymityThreshold\n    }\n    waves(first: 50, filter: { audience: EMPLOYEE, status: CLOSED }) {\n      edges {\n        node {\n          id\n          name\n          closedAt\n        }\n      }\n    }\n  }\n": typeof types.EmployeeThemeWavesDocument,
    "\n  query EmployeeThemeGroups($waveId: ID!) {\n    employeeRelease(waveId: $waveId) {\n      waveId\n      threshold\n      groups {\n        key\n        parentKey\n        dimension\n        label\n        orgUnitId\n        commentsReleased\n        summary {\n          suppressed\n          hiddenReason\n        }\n      }\n    }\n  }\n": typeof types.EmployeeThemeGroupsDocument,
    "\n  query SuggestWaves {\n    waves(first: 100) {\n      edges {\n        node {\n          id\n          name\n          audience\n        }\n      }\n    }\n  }\n": typeof types.SuggestWavesDocument,
    "\n  mutation SuggestThemes($waveId: ID!) {\n    suggestThemes(waveId: $waveId) {\n      comments\n      added\n      removed\n    }\n  }\n": typeof types.SuggestThemesDocument,
    "\n  query TaggingQueue($filter: ResponseFilter, $first: Int, $after: String) {\n    responses(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          score\n          category\n          reason\n          suggestion\n          language\n          submittedAt\n          wave {\n            id\n            name\n          }\n          themes {\n            id\n            name\n          }\n          suggestedThemes {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.TaggingQueueDocument,
    "\n  query ThemeOptions {\n    themes {\n      id\n      name\n    }\n  }\n": typeof types.ThemeOptionsDocument,
    "\n  mutation TagResponse($responseId: ID!, $themeIds: [ID!]!) {\n    tagResponse(responseId: $responseId, themeIds: $themeIds) {\n      id\n    }\n  }\n": typeof types.TagResponseDocument,
    "\n  mutation TagResponses($responseIds: [ID!]!, $themeIds: [ID!]!) {\n    tagResponses(responseIds: $responseIds, themeIds: $themeIds) {\n      id\n    }\n  }\n": typeof types.TagResponsesDocument,
    "\n  mutation AcceptSuggestion($responseId: ID!, $themeId: ID!) {\n    acceptSuggestion(responseId: $responseId, themeId: $themeId) {\n      id\n    }\n  }\n": typeof types.AcceptSuggestionDocument,
    "\n  mutation DismissSuggestion($responseId: ID!, $themeId: ID!) {\n    dismissSuggestion(responseId: $responseId, themeId: $themeId) {\n      id\n    }\n  }\n": typeof types.DismissSuggestionDocument,
    "\n  query ThemeCatalogue {\n    themes {\n      id\n      name\n      nameTranslations {\n        language\n        text\n      }\n      audiences\n      description\n      parent {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n      }\n      keywords {\n        language\n        words\n      }\n    }\n  }\n": typeof types.ThemeCatalogueDocument,
    "\n  mutation DeleteTheme($id: ID!) {\n    deleteTheme(id: $id)\n  }\n": typeof types.DeleteThemeDocument,
    "\n  mutation CreateTheme($input: ThemeInput!) {\n    createTheme(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateThemeDocument,
    "\n  mutation UpdateTheme($id: ID!, $input: ThemeInput!) {\n    updateTheme(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateThemeDocument,
    "\n  query ThemeResults($filter: NpsFilter!) {\n    organization {\n      id\n      leaderboardMinResponses\n    }\n    themeResults(filter: $filter) {\n      theme {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n        parent {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n      suppressed\n      share\n      impact\n      impactLow\n      impactHigh\n      impactSignificant\n      mentions {\n        responses\n        promoters\n        passives\n        detractors\n        nps\n        ciLow\n        ciHigh\n      }\n    }\n  }\n": typeof types.ThemeResultsDocument,
    "\n  query PickContacts($search: String, $first: Int) {\n    contacts(filter: { search: $search, unsubscribed: false }, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.PickContactsDocument,
    "\n  query WaveParticipation($waveId: ID!) {\n    responseRatesByOrgUnit(waveId: $waveId) {\n      key\n      parentKey\n      label\n      invited\n      responded\n      responseRate\n    }\n  }\n": typeof types.WaveParticipationDocument,
    "\n  query WaveRelease($waveId: ID!) {\n    employeeRelease(waveId: $waveId) {\n      waveId\n      madeAt\n      threshold\n      audit {\n        released\n        hiddenBelowThreshold\n        hiddenToProtect\n        determined\n      }\n      groups {\n        key\n        parentKey\n        dimension\n        label\n        orgUnitId\n        value\n        invited\n        commentsReleased\n        distribution\n        summary {\n          ...NpsSummaryFields @unmask\n        }\n      }\n    }\n  }\n": typeof types.WaveReleaseDocument,
    "\n  fragment WaveComments on Wave {\n    latestComments(limit: 10) {\n      score\n      category\n      reason\n      suggestion\n      language\n      submittedAt\n    }\n  }\n": typeof types.WaveCommentsFragmentDoc,
    "\n  mutation CreateWave($input: CreateWaveInput!) {\n    createWave(input: $input) {\n      id\n      name\n      status\n    }\n  }\n": typeof types.CreateWaveDocument,
    "\n  mutation InviteToWave($waveId: ID!, $target: InvitationTargetInput) {\n    inviteToWave(waveId: $waveId, target: $target) {\n      invited\n      skipped\n      alreadyInvited\n      throttled\n      unsubscribed\n      failed\n    }\n  }\n": typeof types.InviteToWaveDocument,
    "\n  query InvitationTargetCount($waveId: ID!, $target: InvitationTargetInput) {\n    invitationTargetCount(waveId: $waveId, target: $target) {\n      total\n      eligible\n      alreadyInvited\n      throttled\n      unsubscribed\n    }\n  }\n": typeof types.InvitationTargetCountDocument,
    "\n  query InviteOrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.InviteOrgUnitsDocument,
    "\n  query InviteOwners {\n    users(role: MANAGER) {\n      id\n      name\n    }\n  }\n": typeof types.InviteOwnersDocument,
    "\n  mutation RemindWave($waveId: ID!) {\n    remindWave(waveId: $waveId) {\n      reminded\n      skipped\n      recentlyMailed\n      unsubscribed\n      failed\n      countsHidden\n    }\n  }\n": typeof types.RemindWaveDocument,
    "\n  query WaveMailing($waveId: ID!) {\n    wave(id: $waveId) {\n      id\n      invited\n      mailing {\n        id\n        kind\n        state\n        total\n        queued\n        sent\n        failed\n        bounced\n        retrying\n        createdAt\n        finishedAt\n        failures(first: 20) {\n          invitationId\n          email\n          name\n          state\n          attempts\n          error\n        }\n      }\n    }\n  }\n": typeof types.WaveMailingDocument,
    "\n  mutation RetryFailedMail($waveId: ID!) {\n    retryFailedMail(waveId: $waveId) {\n      batchId\n      retried\n    }\n  }\n": typeof types.RetryFailedMailDocument,
    "\n  query WavePage($id: ID!) {\n    organization {\n      id\n      anonymityThreshold\n      leaderboardMinResponses\n    }\n    wave(id: $id) {\n      id\n      name\n      audience\n      status\n      anonymous\n      languages\n      opensAt\n      closesAt\n      openedAt\n      closedAt\n      reminderAfterDays\n      maxReminders\n      invited\n      summary {\n        suppressed\n      }\n      ...WaveResults\n      ...WaveComments\n      ...WaveQuestions\n      ...WavePublicTitle\n    }\n  }\n": typeof types.WavePageDocument,
    "\n  mutation OpenWave($id: ID!) {\n    openWave(id: $id) {\n      id\n      status\n      openedAt\n    }\n  }\n": typeof types.OpenWaveDocument,
    "\n  mutation CloseWave($id: ID!) {\n    closeWave(id: $id) {\n      id\n      status\n      closedAt\n    }\n  }\n": typeof types.CloseWaveDocument,
    "\n  fragment WavePublicTitle on Wave {\n    id\n    languages\n    publicTitles {\n      language\n      text\n    }\n  }\n": typeof types.WavePublicTitleFragmentDoc,
    "\n  mutation SetWavePublicTitles($waveId: ID!, $titles: [LocalizedTextInput!]!) {\n    setWavePublicTitles(waveId: $waveId, titles: $titles) {\n      id\n      publicTitles {\n        language\n        text\n      }\n    }\n  }\n": typeof types.SetWavePublicTitlesDocument,
    "\n  fragment WaveQuestions on Wave {\n    id\n    status\n    languages\n    questions {\n      id\n      kind\n      criterion\n      texts {\n        language\n        text\n      }\n    }\n  }\n": typeof types.WaveQuestionsFragmentDoc,
    "\n  mutation SetQuestionText($waveId: ID!, $questionId: ID!, $language: String!, $text: String!) {\n    setQuestionText(waveId: $waveId, questionId: $questionId, language: $language, text: $text) {\n      id\n      texts {\n        language\n        text\n      }\n    }\n  }\n": typeof types.SetQuestionTextDocument,
    "\n  fragment WaveResults on Wave {\n    audience\n    invited\n    responded\n    responseRate\n    scoreDistribution\n    summary {\n      ...NpsSummaryFields @unmask\n    }\n    stages {\n      survey\n      firstReaction\n      analysis\n      improvements\n    }\n  }\n": typeof types.WaveResultsFragmentDoc,
    "\n  query Waves($filter: WaveFilter, $first: Int, $after: String) {\n    waves(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          name\n          audience\n          status\n          opensAt\n          closesAt\n          invited\n          responded\n          responseRate\n          summary {\n            nps\n            suppressed\n            hiddenReason\n          }\n        }\n      }\n    }\n  }\n": typeof types.WavesDocument,
};
const documents: Documents = {
    "\n  fragment NpsScore on NpsSummary {\n    responses\n    nps\n    ciLow\n    ciHigh\n    marginOfError\n    band\n    suppressed\n    hiddenReason\n  }\n": types.NpsScoreFragmentDoc,
    "\n  fragment NpsSummaryFields on NpsSummary {\n    ...NpsScore @unmask\n    promoters\n    passives\n    detractors\n  }\n": types.NpsSummaryFieldsFragmentDoc,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": types.PageInfoFieldsFragmentDoc,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    rowsTotal\n    rowsDone\n    progress\n    errorCount\n    errors {\n      line\n      field\n      message\n      reason\n      params {\n        name\n        value\n      }\n    }\n    result {\n      imported\n      created\n      updated\n      deactivated\n    }\n    preview {\n      added {\n        count\n        people {\n          email\n          name\n        }\n      }\n      updated {\n        count\n        people {\n          email\n          name\n        }\n      }\n      leaving {\n        count\n        people {\n          email\n          name\n        }\n      }\n    }\n    message\n  }\n": types.ImportJobFieldsFragmentDoc,
    "\n  mutation StartContactImport($uploadId: ID!, $dryRun: Boolean) {\n    startContactImport(uploadId: $uploadId, dryRun: $dryRun) {\n      ...ImportJobFields @unmask\n    }\n  }\n": types.StartContactImportDocument,
    "\n  mutation StartRosterImport($uploadId: ID!, $dryRun: Boolean) {\n    startRosterImport(uploadId: $uploadId, dryRun: $dryRun) {\n      ...ImportJobFields @unmask\n    }\n  }\n": types.StartRosterImportDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields @unmask\n    }\n  }\n": types.ImportJobDocument,
    "\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          readAt\n          contactName\n          score\n          comment\n          waveName\n          ownerName\n          link\n        }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query ReleasedComments($filter: NpsFilter!) {\n    employeeComments(filter: $filter) {\n      suppressed\n      hiddenReason\n      comments\n    }\n  }\n": types.ReleasedCommentsDocument,
    "\n  query EmployeeThemeMentions($filter: NpsFilter!) {\n    themeResults(filter: $filter) {\n      theme {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      suppressed\n      share\n      mentions {\n        responses\n      }\n    }\n  }\n": types.EmployeeThemeMentionsDocument,
    "\n  mutation Login($email: String!, $password: String!, $totpCode: String) {\n    login(email: $email, password: $password, totpCode: $totpCode) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Refresh($refreshToken: String!) {\n    refresh(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n": types.RefreshDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      roles\n      orgUnit {\n        id\n        name\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query NavCounts {\n    navCounts {\n      item\n      count\n      urgent\n    }\n  }\n": types.NavCountsDocument,
    "\n  query HomeOrganization {\n    organization {\n      id\n      name\n    }\n    navCounts {\n      item\n      count\n    }\n  }\n": types.HomeOrganizationDocument,
    "\n  query Account {\n    me {\n      id\n      name\n      email\n      roles\n      totpEnabled\n      orgUnit {\n        id\n        name\n      }\n    }\n    myNotificationPreferences {\n      mails {\n        kind\n        enabled\n      }\n      digestFrequency\n      language\n    }\n  }\n": types.AccountDocument,
    "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      mails {\n        kind\n        enabled\n      }\n      digestFrequency\n      language\n    }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      current\n      userAgent\n      address\n      startedAt\n      lastActiveAt\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation RevokeMySession($id: ID!) {\n    revokeMySession(id: $id)\n  }\n": types.RevokeMySessionDocument,
    "\n  query PasswordLink($token: String!) {\n    passwordLink(token: $token) {\n      purpose\n      name\n      expiresAt\n    }\n  }\n": types.PasswordLinkDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n": types.SetPasswordDocument,
    "\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n": types.StartTotpEnrolmentDocument,
    "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code)\n  }\n": types.ConfirmTotpDocument,
    "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n": types.DisableTotpDocument,
    "\n  fragment BoardAudienceCard on BoardAudience {\n    audience\n    responseRate\n    significantChange\n    target\n    targetReached\n    targetProgress\n    summary {\n      ...NpsScore @unmask\n    }\n    previous {\n      nps\n      suppressed\n    }\n    benchmarks {\n      id\n      name\n      value\n      source\n    }\n    trend {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n": types.BoardAudienceCardFragmentDoc,
    "\n  query Board($period: PeriodInput) {\n    organization {\n      id\n      anonymityThreshold\n    }\n    board(period: $period) {\n      period\n      previousPeriod\n      from\n      to\n      followUpsOpen\n      followUpsOverdue\n      improvementsByStatus {\n        status\n        count\n      }\n      audiences {\n        audience\n        ...BoardAudienceCard\n      }\n      ...BoardTopThemes\n      ...BoardSla\n      ...BoardRevenueAtRisk\n    }\n  }\n": types.BoardDocument,
    "\n  query NpsTargets($year: Int) {\n    npsTargets(year: $year) {\n      id\n      audience\n      year\n      quarter\n      period\n      value\n    }\n  }\n": types.NpsTargetsDocument,
    "\n  query Benchmarks {\n    benchmarks {\n      id\n      audience\n      name\n      value\n      source\n    }\n  }\n": types.BenchmarksDocument,
    "\n  mutation SetNpsTarget($audience: Audience!, $period: PeriodInput!, $value: Float!) {\n    setNpsTarget(audience: $audience, period: $period, value: $value) {\n      id\n      period\n      value\n    }\n  }\n": types.SetNpsTargetDocument,
    "\n  mutation RemoveNpsTarget($audience: Audience!, $period: PeriodInput!) {\n    removeNpsTarget(audience: $audience, period: $period)\n  }\n": types.RemoveNpsTargetDocument,
    "\n  mutation AddBenchmark($input: AddBenchmarkInput!) {\n    addBenchmark(input: $input) {\n      id\n    }\n  }\n": types.AddBenchmarkDocument,
    "\n  mutation RemoveBenchmark($id: ID!) {\n    removeBenchmark(id: $id)\n  }\n": types.RemoveBenchmarkDocument,
    "\n  fragment BoardSla on Board {\n    followUpSla {\n      decided\n      closedInTime\n      share\n      byWave {\n        id\n        name\n        decided\n        closedInTime\n        share\n      }\n      byOwner {\n        id\n        name\n        decided\n        closedInTime\n        share\n      }\n    }\n  }\n": types.BoardSlaFragmentDoc,
    "\n  fragment BoardRevenueAtRisk on Board {\n    revenueAtRisk(audience: CUSTOMER, top: 5) {\n      answered\n      valued\n      valueAnswered\n      valueAtRisk\n      valueTotal\n      coverage\n      weightedNps\n      nps\n      byOrgUnit {\n        id\n        name\n        valued\n        value\n        valueAtRisk\n        weightedNps\n      }\n      byOwner {\n        id\n        name\n        valued\n        value\n        valueAtRisk\n        weightedNps\n      }\n    }\n  }\n": types.BoardRevenueAtRiskFragmentDoc,
    "\n  fragment BoardTopThemes on Board {\n    topThemes {\n      audience\n      amongDetractors {\n        count\n        share\n        theme {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n      amongPromoters {\n        count\n        share\n        theme {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n    }\n  }\n": types.BoardTopThemesFragmentDoc,
    "\n  fragment ContactFields on Contact {\n    id\n    email\n    name\n    language\n    unsubscribed\n    lastInvitedAt\n    owner {\n      id\n      name\n      email\n    }\n    orgUnit {\n      id\n      name\n    }\n    segments {\n      key\n      value\n    }\n    annualValue\n  }\n": types.ContactFieldsFragmentDoc,
    "\n  mutation CreateContact($input: ContactInput!) {\n    createContact(input: $input) {\n      ...ContactFields\n    }\n  }\n": types.CreateContactDocument,
    "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      ...ContactFields\n    }\n  }\n": types.UpdateContactDocument,
    "\n  query Contacts($filter: ContactFilter, $first: Int, $after: String, $order: ContactOrder) {\n    contacts(filter: $filter, first: $first, after: $after, order: $order) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          email\n          name\n          language\n          unsubscribed\n          lastInvitedAt\n          owner {\n            id\n            name\n            email\n          }\n          orgUnit {\n            id\n            name\n          }\n          segments {\n            key\n            value\n          }\n          annualValue\n        }\n      }\n    }\n  }\n": types.ContactsDocument,
    "\n  query ContactOwners {\n    users(role: MANAGER) {\n      id\n      name\n      email\n    }\n  }\n": types.ContactOwnersDocument,
    "\n  query ContactOrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n": types.ContactOrgUnitsDocument,
    "\n  query Employees($filter: EmployeeFilter, $first: Int, $after: String) {\n    employees(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        cursor\n        node {\n          email\n          name\n          language\n          location\n          tenureBand\n          active\n          orgUnit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.EmployeesDocument,
    "\n  mutation RestoreEmployees($emails: [String!]!) {\n    restoreEmployees(emails: $emails) {\n      restored\n    }\n  }\n": types.RestoreEmployeesDocument,
    "\n  query ExploreOptions($audience: Audience, $status: WaveStatus) {\n    orgUnits {\n      id\n      name\n    }\n    users(role: MANAGER) {\n      id\n      name\n    }\n    waves(first: 100, filter: { audience: $audience, status: $status }) {\n      edges {\n        node {\n          id\n          name\n          audience\n        }\n      }\n    }\n    transactionValues(audience: $audience) {\n      products\n      channels\n      touchpoints\n      servedBy {\n        key\n        name\n      }\n    }\n  }\n": types.ExploreOptionsDocument,
    "\n  query ExploreSummary($filter: NpsFilter!) {\n    organization {\n      id\n      anonymityThreshold\n    }\n    npsSummary(filter: $filter) {\n      ...NpsSummaryFields @unmask\n    }\n  }\n": types.ExploreSummaryDocument,
    "\n  query ExploreBreakdown($filter: NpsFilter!, $by: BreakdownDimension!, $segmentKey: String) {\n    npsBreakdown(filter: $filter, by: $by, segmentKey: $segmentKey) {\n      key\n      label\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n": types.ExploreBreakdownDocument,
    "\n  query ExploreTrend($filter: NpsFilter!, $interval: TrendInterval!) {\n    npsTrend(filter: $filter, interval: $interval) {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n": types.ExploreTrendDocument,
    "\n  query ExploreCriteria($filter: NpsFilter!) {\n    criterionResults(filter: $filter) {\n      criterion\n      n\n      mean\n      ciLow\n      ciHigh\n      distribution\n      lowSample\n      suppressed\n      hiddenReason\n      previousMean\n    }\n  }\n": types.ExploreCriteriaDocument,
    "\n  query ExploreKeyDrivers($filter: NpsFilter!) {\n    keyDrivers(filter: $filter) {\n      criterion\n      rank\n      n\n      correlation\n      ciLow\n      ciHigh\n      lowSample\n    }\n  }\n": types.ExploreKeyDriversDocument,
    "\n  mutation TurnOffDigest($token: String!) {\n    turnOffDigest(token: $token)\n  }\n": types.TurnOffDigestDocument,
    "\n  query FeedFollows {\n    myFollows {\n      kind\n      key\n      name\n      byDefault\n    }\n    followOptions {\n      orgUnits {\n        key\n        name\n      }\n      products {\n        key\n        name\n      }\n      owners {\n        key\n        name\n      }\n    }\n  }\n": types.FeedFollowsDocument,
    "\n  mutation Follow($kind: FollowKind!, $key: String!) {\n    follow(kind: $kind, key: $key) {\n      kind\n      key\n      name\n      byDefault\n    }\n  }\n": types.FollowDocument,
    "\n  mutation Unfollow($kind: FollowKind!, $key: String!) {\n    unfollow(kind: $kind, key: $key) {\n      kind\n      key\n      name\n      byDefault\n    }\n  }\n": types.UnfollowDocument,
    "\n  query Feed($filter: FeedFilter, $first: Int) {\n    feed(filter: $filter, first: $first) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n      }\n      thanks {\n        id\n        contactName\n        score\n        comment\n      }\n      edges {\n        node {\n          id\n          submittedAt\n          score\n          category\n          reason\n          suggestion\n          product\n          servedByName\n          servedByMe\n          read\n          contactName\n          orgUnit {\n            id\n            name\n          }\n          wave {\n            id\n            name\n          }\n          followUp {\n            id\n            status\n            owner {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    followOptions {\n      orgUnits {\n        key\n        name\n      }\n      products {\n        key\n        name\n      }\n    }\n  }\n": types.FeedDocument,
    "\n  mutation MarkFeedRead($ids: [ID!], $all: Boolean) {\n    markFeedRead(ids: $ids, all: $all)\n  }\n": types.MarkFeedReadDocument,
    "\n  mutation ContactCustomer($responseId: ID!) {\n    contactCustomer(responseId: $responseId) {\n      id\n      followUp {\n        id\n        status\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ContactCustomerDocument,
    "\n  mutation DismissThanks($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.DismissThanksDocument,
    "\n  fragment FollowUpCard on FollowUp {\n    id\n    status\n    dueAt\n    overdue\n    escalatedAt\n    owner {\n      id\n      name\n    }\n    wave {\n      id\n      name\n    }\n    response {\n      id\n      score\n      category\n      reason\n      suggestion\n      language\n      contact {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.FollowUpCardFragmentDoc,
    "\n  fragment FollowUpDetail on FollowUp {\n    id\n    status\n    dueAt\n    overdue\n    overdueAt\n    escalatedAt\n    escalatedTo {\n      id\n      name\n    }\n    createdAt\n    contactedAt\n    resolvedAt\n    owner {\n      id\n      name\n      email\n    }\n    wave {\n      id\n      name\n    }\n    response {\n      id\n      score\n      category\n      reason\n      suggestion\n      language\n      submittedAt\n      ratings {\n        criterion\n        value\n      }\n      contact {\n        id\n        name\n        email\n      }\n    }\n    notes {\n      id\n      text\n      createdAt\n      author {\n        id\n        name\n      }\n    }\n  }\n": types.FollowUpDetailFragmentDoc,
    "\n  mutation UpdateFollowUp($id: ID!, $input: FollowUpUpdateInput!) {\n    updateFollowUp(id: $id, input: $input) {\n      id\n      ...FollowUpDetail\n      ...FollowUpCard\n    }\n  }\n": types.UpdateFollowUpDocument,
    "\n  query FollowUps($filter: FollowUpFilter, $first: Int, $after: String) {\n    followUps(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          dueAt\n          response {\n            score\n          }\n          ...FollowUpCard\n          ...FollowUpDetail\n        }\n      }\n    }\n  }\n": types.FollowUpsDocument,
    "\n  query FollowUp($id: ID!) {\n    followUp(id: $id) {\n      id\n      ...FollowUpDetail\n    }\n  }\n": types.FollowUpDocument,
    "\n  query CxHome {\n    queue: responses(filter: { hasComment: true, untagged: true }, first: 1) {\n      totalCount\n    }\n    overdue: followUps(filter: { overdue: true }, first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          dueAt\n          owner {\n            id\n            name\n          }\n          response {\n            id\n            score\n            contact {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CxHomeDocument,
    "\n  query HrHome {\n    waves(filter: { audience: EMPLOYEE, status: OPEN }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          invited\n          responded\n          responseRate\n          closesAt\n        }\n      }\n    }\n  }\n": types.HrHomeDocument,
    "\n  query ManagerHome($me: ID!, $from: Date!, $to: Date!) {\n    waiting: followUps(filter: { status: OPEN }, first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          dueAt\n          overdue\n          response {\n            id\n            score\n            reason\n            contact {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    overdue: followUps(filter: { overdue: true }, first: 1) {\n      totalCount\n    }\n    mine: npsSummary(filter: { ownerIds: [$me], from: $from, to: $to }) {\n      ...NpsScore @unmask\n    }\n  }\n": types.ManagerHomeDocument,
    "\n  query ImprovementOwners {\n    users {\n      id\n      name\n    }\n  }\n": types.ImprovementOwnersDocument,
    "\n  mutation UpdateImprovement($id: ID!, $input: UpdateImprovementInput!) {\n    updateImprovement(id: $id, input: $input) {\n      id\n      title\n      titleTranslations {\n        language\n        text\n      }\n      description\n      dueDate\n      overdue\n      owner {\n        id\n        name\n      }\n    }\n  }\n": types.UpdateImprovementDocument,
    "\n  fragment ImprovementEffect on ImprovementEffect {\n    change\n    significant\n    themesApplied\n    tooEarly\n    minimumResponses\n    beforeFrom\n    beforeTo\n    afterFrom\n    afterTo\n    before {\n      responses\n      nps\n      ciLow\n      ciHigh\n      suppressed\n    }\n    after {\n      responses\n      nps\n      ciLow\n      ciHigh\n      suppressed\n    }\n  }\n": types.ImprovementEffectFragmentDoc,
    "\n  mutation SetImprovementStatus($id: ID!, $status: ImprovementStatus!, $note: String) {\n    setImprovementStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      nextStatuses\n      overdue\n      implementedAt\n    }\n  }\n": types.SetImprovementStatusDocument,
    "\n  query Improvement($id: ID!) {\n    improvement(id: $id) {\n      id\n      title\n      titleTranslations {\n        language\n        text\n      }\n      description\n      status\n      nextStatuses\n      canEdit\n      audience\n      dueDate\n      overdue\n      createdAt\n      implementedAt\n      owner {\n        id\n        name\n      }\n      createdBy {\n        id\n        name\n      }\n      orgUnit {\n        id\n        name\n      }\n      themes {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n      }\n      responses {\n        id\n        score\n        category\n        reason\n        suggestion\n        language\n        submittedAt\n      }\n      followUps {\n        id\n        status\n        owner {\n          name\n        }\n      }\n      waves {\n        wave {\n          id\n          name\n          audience\n        }\n        orgUnit {\n          id\n          name\n        }\n      }\n      history {\n        from\n        to\n        note\n        at\n        by {\n          name\n        }\n      }\n      effect {\n        ...ImprovementEffect\n      }\n    }\n  }\n": types.ImprovementDocument,
    "\n  query Improvements($filter: ImprovementFilter, $first: Int) {\n    improvements(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          titleTranslations {\n            language\n            text\n          }\n          status\n          nextStatuses\n          audience\n          dueDate\n          overdue\n          owner {\n            id\n            name\n          }\n          orgUnit {\n            id\n            name\n          }\n          themes {\n            id\n            name\n            nameTranslations {\n              language\n              text\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ImprovementsDocument,
    "\n  query ImprovementFilters {\n    orgUnits {\n      id\n      name\n    }\n    themes {\n      id\n      name\n      nameTranslations {\n        language\n        text\n      }\n    }\n    users {\n      id\n      name\n    }\n  }\n": types.ImprovementFiltersDocument,
    "\n  mutation CreateImprovement($input: CreateImprovementInput!) {\n    createImprovement(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreateImprovementDocument,
    "\n  mutation ShareWaveOutcome($waveId: ID!) {\n    shareWaveOutcome(waveId: $waveId)\n  }\n": types.ShareWaveOutcomeDocument,
    "\n  mutation CreateImprovementFromFollowUp($followUpId: ID!, $title: String) {\n    createImprovementFromFollowUp(followUpId: $followUpId, title: $title) {\n      id\n    }\n  }\n": types.CreateImprovementFromFollowUpDocument,
    "\n  query YouSaidWeDid($token: String!, $language: String) {\n    youSaidWeDid(token: $token, language: $language) {\n      waveName\n      organizationName\n      language\n      languages\n      improvements {\n        title\n        description\n        implementedOn\n      }\n    }\n  }\n": types.YouSaidWeDidDocument,
    "\n  query AwardCertificate($id: ID!) {\n    organization {\n      id\n      name\n    }\n    award(id: $id) {\n      id\n      period\n      entity\n      metric\n      audience\n      winnerName\n      rank\n      value\n      responses\n      invited\n      ciLow\n      ciHigh\n      finalizedAt\n    }\n  }\n": types.AwardCertificateDocument,
    "\n  query AwardHistory($year: Int) {\n    awards(year: $year) {\n      id\n      period\n      entity\n      metric\n      audience\n      winnerName\n      value\n      reopened\n      runnersUp {\n        id\n        rank\n        winnerName\n        value\n      }\n    }\n    awardPeriods(year: $year) {\n      id\n      period\n      status\n      events {\n        kind\n        byName\n        at\n        note\n      }\n    }\n  }\n": types.AwardHistoryDocument,
    "\n  query Leaderboard($input: LeaderboardInput!) {\n    organization {\n      id\n      leaderboardMinResponses\n      anonymityThreshold\n    }\n    leaderboardLevels {\n      level\n      unitNames\n      isDefault\n    }\n    leaderboard(input: $input) {\n      rank\n      entityId\n      name\n      value\n      rankedBy\n      ciLow\n      ciHigh\n      responses\n      invited\n      eligible\n      note\n      significant\n      previous {\n        responses\n        nps\n      }\n    }\n  }\n": types.LeaderboardDocument,
    "\n  mutation FinalizeAwards($input: PeriodInput!) {\n    finalizeAwards(input: $input) {\n      id\n    }\n  }\n": types.FinalizeAwardsDocument,
    "\n  query ApiClients {\n    apiClients {\n      id\n      name\n      clientId\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      previousSecretExpiresAt\n    }\n  }\n": types.ApiClientsDocument,
    "\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      clientSecret\n      client {\n        id\n        name\n        clientId\n      }\n    }\n  }\n": types.CreateApiClientDocument,
    "\n  mutation RotateApiClientSecret($id: ID!) {\n    rotateApiClientSecret(id: $id) {\n      clientSecret\n      client {\n        id\n        name\n        clientId\n        previousSecretExpiresAt\n      }\n    }\n  }\n": types.RotateApiClientSecretDocument,
    "\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiClientDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $after: String) {\n    auditLog(filter: $filter, first: 50, after: $after) {\n      entries {\n        id\n        at\n        actorKind\n        actorName\n        kind\n        action\n        objectType\n        objectIds\n        outcome\n        ip\n        userAgent\n        requestId\n      }\n      endCursor\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditLogCsv($filter: AuditLogFilter) {\n    auditLogCsv(filter: $filter)\n  }\n": types.AuditLogCsvDocument,
    "\n  query Jobs {\n    jobQueues {\n      name\n      queued\n      scheduled\n      retrying\n      active\n      completedLastHour\n      failedLastHour\n      deadLettered\n      waitP50Ms\n      waitP95Ms\n      runP95Ms\n    }\n    deadLetteredJobs(first: 50) {\n      id\n      queue\n      error\n      attempts\n      failedAt\n    }\n  }\n": types.JobsDocument,
    "\n  mutation RetryDeadLetteredJob($id: ID!) {\n    retryDeadLetteredJob(id: $id) {\n      id\n      queue\n    }\n  }\n": types.RetryDeadLetteredJobDocument,
    "\n  query UnitManagers {\n    users {\n      id\n      name\n      email\n    }\n  }\n": types.UnitManagersDocument,
    "\n  mutation RenameOrgUnit($id: ID!, $name: String!) {\n    renameOrgUnit(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": types.RenameOrgUnitDocument,
    "\n  mutation MoveOrgUnit($id: ID!, $parentId: ID) {\n    moveOrgUnit(id: $id, parentId: $parentId) {\n      id\n      parent {\n        id\n      }\n    }\n  }\n": types.MoveOrgUnitDocument,
    "\n  mutation SetOrgUnitManager($id: ID!, $userId: ID) {\n    setOrgUnitManager(id: $id, userId: $userId) {\n      id\n      manager {\n        id\n        name\n      }\n    }\n  }\n": types.SetOrgUnitManagerDocument,
    "\n  mutation DeleteOrgUnit($id: ID!) {\n    deleteOrgUnit(id: $id)\n  }\n": types.DeleteOrgUnitDocument,
    "\n  query OrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n      manager {\n        id\n        name\n      }\n    }\n  }\n": types.OrgUnitsDocument,
    "\n  mutation CreateOrgUnit($name: String!, $parentId: ID) {\n    createOrgUnit(name: $name, parentId: $parentId) {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n": types.CreateOrgUnitDocument,
    "\n  query OrganizationSettings {\n    organization {\n      id\n      name\n      timeZone\n      anonymityThreshold\n      followUpSlaHours\n      throttleDays\n      npsBands {\n        key\n        min\n      }\n    }\n  }\n": types.OrganizationSettingsDocument,
    "\n  mutation UpdateOrganizationSettings($input: OrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      name\n      timeZone\n      anonymityThreshold\n      followUpSlaHours\n      throttleDays\n      npsBands {\n        key\n        min\n      }\n    }\n  }\n": types.UpdateOrganizationSettingsDocument,
    "\n  query ManagedUsers {\n    managedUsers {\n      id\n      email\n      name\n      roles\n      language\n      status\n      totpEnabled\n      orgUnit {\n        id\n        name\n      }\n    }\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n": types.ManagedUsersDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      name\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation UpdateUserRoles($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      roles\n    }\n  }\n": types.UpdateUserRolesDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      status\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      status\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  mutation SendPasswordLink($id: ID!) {\n    sendPasswordLink(id: $id) {\n      id\n      status\n    }\n  }\n": types.SendPasswordLinkDocument,
    "\n  mutation RevokeAllUserSessions($userId: ID!) {\n    revokeAllUserSessions(userId: $userId)\n  }\n": types.RevokeAllUserSessionsDocument,
    "\n  mutation ResetUserTotp($userId: ID!) {\n    resetUserTotp(userId: $userId)\n  }\n": types.ResetUserTotpDocument,
    "\n  query Webhooks {\n    webhookEndpoints {\n      id\n      url\n      events\n      orgUnitIds\n      enabled\n      disabledAt\n      createdAt\n      deliveries(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            event\n            status\n            attempts\n            lastStatusCode\n            lastLatencyMs\n            lastError\n            nextAttemptAt\n            createdAt\n          }\n        }\n      }\n    }\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n": types.WebhooksDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      id\n      status\n    }\n  }\n": types.SendTestWebhookDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": types.ReplayWebhookDeliveryDocument,
    "\n  mutation CreateProgramme($input: CreateProgrammeInput!) {\n    createProgramme(input: $input) {\n      id\n    }\n  }\n": types.CreateProgrammeDocument,
    "\n  query Programme($id: ID!) {\n    wave(id: $id) {\n      id\n      name\n      audience\n      status\n      kind\n      touchpoint\n      sendDelayMinutes\n    }\n    transactions(programmeId: $id, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          transactionId\n          occurredAt\n          product\n          channel\n          location\n          servedByName\n          status\n          skipReason\n          sendAt\n        }\n      }\n    }\n  }\n": types.ProgrammeDocument,
    "\n  query Programmes {\n    waves(filter: { kind: TRANSACTIONAL }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          audience\n          status\n          touchpoint\n          sendDelayMinutes\n          invited\n          responded\n          summary {\n            nps\n            suppressed\n          }\n        }\n      }\n    }\n  }\n": types.ProgrammesDocument,
    "\n  mutation ImportTransactions($programmeId: ID!, $csv: String!) {\n    importTransactions(programmeId: $programmeId, csv: $csv) {\n      imported\n      created\n      errors {\n        line\n        field\n        message\n      }\n    }\n  }\n": types.ImportTransactionsDocument,
    "\n  query SurveyByToken($token: String!, $language: String) {\n    surveyByToken(token: $token, language: $language) {\n      title\n      language\n      languages\n      alreadyAnswered\n      closed\n      unsubscribed\n      anonymous\n      anonymityThreshold\n      rosterArrivals {\n        unit\n        count\n      }\n      questions {\n        kind\n        text\n        criterion\n        min\n        max\n        maxLength\n      }\n    }\n  }\n": types.SurveyByTokenDocument,
    "\n  mutation SubmitResponse($token: String!, $input: ResponseInput!, $submissionId: String) {\n    submitResponse(token: $token, input: $input, submissionId: $submissionId) {\n      ok\n    }\n  }\n": types.SubmitResponseDocument,
    "\n  query RespondentPage($token: String!, $language: String) {\n    respondentPage(token: $token, language: $language) {\n      language\n      languages\n      title\n    }\n  }\n": types.RespondentPageDocument,
    "\n  mutation Unsubscribe($token: String!) {\n    unsubscribe(token: $token)\n  }\n": types.UnsubscribeDocument,
    "\n  query TeamResults {\n    me {\n      id\n      orgUnit {\n        id\n        name\n      }\n    }\n    organization {\n      id\n      anonymityThreshold\n    }\n    npsTrend(filter: { audience: EMPLOYEE }, interval: WAVE) {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsSummaryFields @unmask\n      }\n    }\n  }\n": types.TeamResultsDocument,
    "\n  query TeamUnits($filter: NpsFilter!) {\n    npsBreakdown(filter: $filter, by: ORG_UNIT) {\n      key\n      label\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n": types.TeamUnitsDocument,
    "\n  query EmployeeThemeWaves {\n    organization {\n      id\n      anonymityThreshold\n    }\n    waves(first: 50, filter: { audience: EMPLOYEE, status: CLOSED }) {\n      edges {\n        node {\n          id\n          name\n          closedAt\n        }\n      }\n    }\n  }\n": types.EmployeeThemeWavesDocument,
    "\n  query EmployeeThemeGroups($waveId: ID!) {\n    employeeRelease(waveId: $waveId) {\n      waveId\n      threshold\n      groups {\n        key\n        parentKey\n        dimension\n        label\n        orgUnitId\n        commentsReleased\n        summary {\n          suppressed\n          hiddenReason\n        }\n      }\n    }\n  }\n": types.EmployeeThemeGroupsDocument,
    "\n  query SuggestWaves {\n    waves(first: 100) {\n      edges {\n        node {\n          id\n          name\n          audience\n        }\n      }\n    }\n  }\n": types.SuggestWavesDocument,
    "\n  mutation SuggestThemes($waveId: ID!) {\n    suggestThemes(waveId: $waveId) {\n      comments\n      added\n      removed\n    }\n  }\n": types.SuggestThemesDocument,
    "\n  query TaggingQueue($filter: ResponseFilter, $first: Int, $after: String) {\n    responses(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          score\n          category\n          reason\n          suggestion\n          language\n          submittedAt\n          wave {\n            id\n            name\n          }\n          themes {\n            id\n            name\n          }\n          suggestedThemes {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.TaggingQueueDocument,
    "\n  query ThemeOptions {\n    themes {\n      id\n      name\n    }\n  }\n": types.ThemeOptionsDocument,
    "\n  mutation TagResponse($responseId: ID!, $themeIds: [ID!]!) {\n    tagResponse(responseId: $responseId, themeIds: $themeIds) {\n      id\n    }\n  }\n": types.TagResponseDocument,
    "\n  mutation TagResponses($responseIds: [ID!]!, $themeIds: [ID!]!) {\n    tagResponses(responseIds: $responseIds, themeIds: $themeIds) {\n      id\n    }\n  }\n": types.TagResponsesDocument,
    "\n  mutation AcceptSuggestion($responseId: ID!, $themeId: ID!) {\n    acceptSuggestion(responseId: $responseId, themeId: $themeId) {\n      id\n    }\n  }\n": types.AcceptSuggestionDocument,
    "\n  mutation DismissSuggestion($responseId: ID!, $themeId: ID!) {\n    dismissSuggestion(responseId: $responseId, themeId: $themeId) {\n      id\n    }\n  }\n": types.DismissSuggestionDocument,
    "\n  query ThemeCatalogue {\n    themes {\n      id\n      name\n      nameTranslations {\n        language\n        text\n      }\n      audiences\n      description\n      parent {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n      }\n      keywords {\n        language\n        words\n      }\n    }\n  }\n": types.ThemeCatalogueDocument,
    "\n  mutation DeleteTheme($id: ID!) {\n    deleteTheme(id: $id)\n  }\n": types.DeleteThemeDocument,
    "\n  mutation CreateTheme($input: ThemeInput!) {\n    createTheme(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateThemeDocument,
    "\n  mutation UpdateTheme($id: ID!, $input: ThemeInput!) {\n    updateTheme(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n": types.UpdateThemeDocument,
    "\n  query ThemeResults($filter: NpsFilter!) {\n    organization {\n      id\n      leaderboardMinResponses\n    }\n    themeResults(filter: $filter) {\n      theme {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n        parent {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n      suppressed\n      share\n      impact\n      impactLow\n      impactHigh\n      impactSignificant\n      mentions {\n        responses\n        promoters\n        passives\n        detractors\n        nps\n        ciLow\n        ciHigh\n      }\n    }\n  }\n": types.ThemeResultsDocument,
    "\n  query PickContacts($search: String, $first: Int) {\n    contacts(filter: { search: $search, unsubscribed: false }, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.PickContactsDocument,
    "\n  query WaveParticipation($waveId: ID!) {\n    responseRatesByOrgUnit(waveId: $waveId) {\n      key\n      parentKey\n      label\n      invited\n      responded\n      responseRate\n    }\n  }\n": types.WaveParticipationDocument,
    "\n  query WaveRelease($waveId: ID!) {\n    employeeRelease(waveId: $waveId) {\n      waveId\n      madeAt\n      threshold\n      audit {\n        released\n        hiddenBelowThreshold\n        hiddenToProtect\n        determined\n      }\n      groups {\n        key\n        parentKey\n        dimension\n        label\n        orgUnitId\n        value\n        invited\n        commentsReleased\n        distribution\n        summary {\n          ...NpsSummaryFields @unmask\n        }\n      }\n    }\n  }\n": types.WaveReleaseDocument,
    "\n  fragment WaveComments on Wave {\n    latestComments(limit: 10) {\n      score\n      category\n      reason\n      suggestion\n      language\n      submittedAt\n    }\n  }\n": types.WaveCommentsFragmentDoc,
    "\n  mutation CreateWave($input: CreateWaveInput!) {\n    createWave(input: $input) {\n      id\n      name\n      status\n    }\n  }\n": types.CreateWaveDocument,
    "\n  mutation InviteToWave($waveId: ID!, $target: InvitationTargetInput) {\n    inviteToWave(waveId: $waveId, target: $target) {\n      invited\n      skipped\n      alreadyInvited\n      throttled\n      unsubscribed\n      failed\n    }\n  }\n": types.InviteToWaveDocument,
    "\n  query InvitationTargetCount($waveId: ID!, $target: InvitationTargetInput) {\n    invitationTargetCount(waveId: $waveId, target: $target) {\n      total\n      eligible\n      alreadyInvited\n      throttled\n      unsubscribed\n    }\n  }\n": types.InvitationTargetCountDocument,
    "\n  query InviteOrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n": types.InviteOrgUnitsDocument,
    "\n  query InviteOwners {\n    users(role: MANAGER) {\n      id\n      name\n    }\n  }\n": types.InviteOwnersDocument,
    "\n  mutation RemindWave($waveId: ID!) {\n    remindWave(waveId: $waveId) {\n      reminded\n      skipped\n      recentlyMailed\n      unsubscribed\n      failed\n      countsHidden\n    }\n  }\n": types.RemindWaveDocument,
    "\n  query WaveMailing($waveId: ID!) {\n    wave(id: $waveId) {\n      id\n      invited\n      mailing {\n        id\n        kind\n        state\n        total\n        queued\n        sent\n        failed\n        bounced\n        retrying\n        createdAt\n        finishedAt\n        failures(first: 20) {\n          invitationId\n          email\n          name\n          state\n          attempts\n          error\n        }\n      }\n    }\n  }\n": types.WaveMailingDocument,
    "\n  mutation RetryFailedMail($waveId: ID!) {\n    retryFailedMail(waveId: $waveId) {\n      batchId\n      retried\n    }\n  }\n": types.RetryFailedMailDocument,
    "\n  query WavePage($id: ID!) {\n    organization {\n      id\n      anonymityThreshold\n      leaderboardMinResponses\n    }\n    wave(id: $id) {\n      id\n      name\n      audience\n      status\n      anonymous\n      languages\n      opensAt\n      closesAt\n      openedAt\n      closedAt\n      reminderAfterDays\n      maxReminders\n      invited\n      summary {\n        suppressed\n      }\n      ...WaveResults\n      ...WaveComments\n      ...WaveQuestions\n      ...WavePublicTitle\n    }\n  }\n": types.WavePageDocument,
    "\n  mutation OpenWave($id: ID!) {\n    openWave(id: $id) {\n      id\n      status\n      openedAt\n    }\n  }\n": types.OpenWaveDocument,
    "\n  mutation CloseWave($id: ID!) {\n    closeWave(id: $id) {\n      id\n      status\n      closedAt\n    }\n  }\n": types.CloseWaveDocument,
    "\n  fragment WavePublicTitle on Wave {\n    id\n    languages\n    publicTitles {\n      language\n      text\n    }\n  }\n": types.WavePublicTitleFragmentDoc,
    "\n  mutation SetWavePublicTitles($waveId: ID!, $titles: [LocalizedTextInput!]!) {\n    setWavePublicTitles(waveId: $waveId, titles: $titles) {\n      id\n      publicTitles {\n        language\n        text\n      }\n    }\n  }\n": types.SetWavePublicTitlesDocument,
    "\n  fragment WaveQuestions on Wave {\n    id\n    status\n    languages\n    questions {\n      id\n      kind\n      criterion\n      texts {\n        language\n        text\n      }\n    }\n  }\n": types.WaveQuestionsFragmentDoc,
    "\n  mutation SetQuestionText($waveId: ID!, $questionId: ID!, $language: String!, $text: String!) {\n    setQuestionText(waveId: $waveId, questionId: $questionId, language: $language, text: $text) {\n      id\n      texts {\n        language\n        text\n      }\n    }\n  }\n": types.SetQuestionTextDocument,
    "\n  fragment WaveResults on Wave {\n    audience\n    invited\n    responded\n    responseRate\n    scoreDistribution\n    summary {\n      ...NpsSummaryFields @unmask\n    }\n    stages {\n      survey\n      firstReaction\n      analysis\n      improvements\n    }\n  }\n": types.WaveResultsFragmentDoc,
    "\n  query Waves($filter: WaveFilter, $first: Int, $after: String) {\n    waves(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          name\n          audience\n          status\n          opensAt\n          closesAt\n          invited\n          responded\n          responseRate\n          summary {\n            nps\n            suppressed\n            hiddenReason\n          }\n        }\n      }\n    }\n  }\n": types.WavesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NpsScore on NpsSummary {\n    responses\n    nps\n    ciLow\n    ciHigh\n    marginOfError\n    band\n    suppressed\n    hiddenReason\n  }\n"): (typeof documents)["\n  fragment NpsScore on NpsSummary {\n    responses\n    nps\n    ciLow\n    ciHigh\n    marginOfError\n    band\n    suppressed\n    hiddenReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NpsSummaryFields on NpsSummary {\n    ...NpsScore @unmask\n    promoters\n    passives\n    detractors\n  }\n"): (typeof documents)["\n  fragment NpsSummaryFields on NpsSummary {\n    ...NpsScore @unmask\n    promoters\n    passives\n    detractors\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    rowsTotal\n    rowsDone\n    progress\n    errorCount\n    errors {\n      line\n      field\n      message\n      reason\n      params {\n        name\n        value\n      }\n    }\n    result {\n      imported\n      created\n      updated\n      deactivated\n    }\n    preview {\n      added {\n        count\n        people {\n          email\n          name\n        }\n      }\n      updated {\n        count\n        people {\n          email\n          name\n        }\n      }\n      leaving {\n        count\n        people {\n          email\n          name\n        }\n      }\n    }\n    message\n  }\n"): (typeof documents)["\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    rowsTotal\n    rowsDone\n    progress\n    errorCount\n    errors {\n      line\n      field\n      message\n      reason\n      params {\n        name\n        value\n      }\n    }\n    result {\n      imported\n      created\n      updated\n      deactivated\n    }\n    preview {\n      added {\n        count\n        people {\n          email\n          name\n        }\n      }\n      updated {\n        count\n        people {\n          email\n          name\n        }\n      }\n      leaving {\n        count\n        people {\n          email\n          name\n        }\n      }\n    }\n    message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartContactImport($uploadId: ID!, $dryRun: Boolean) {\n    startContactImport(uploadId: $uploadId, dryRun: $dryRun) {\n      ...ImportJobFields @unmask\n    }\n  }\n"): (typeof documents)["\n  mutation StartContactImport($uploadId: ID!, $dryRun: Boolean) {\n    startContactImport(uploadId: $uploadId, dryRun: $dryRun) {\n      ...ImportJobFields @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRosterImport($uploadId: ID!, $dryRun: Boolean) {\n    startRosterImport(uploadId: $uploadId, dryRun: $dryRun) {\n      ...ImportJobFields @unmask\n    }\n  }\n"): (typeof documents)["\n  mutation StartRosterImport($uploadId: ID!, $dryRun: Boolean) {\n    startRosterImport(uploadId: $uploadId, dryRun: $dryRun) {\n      ...ImportJobFields @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields @unmask\n    }\n  }\n"): (typeof documents)["\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          readAt\n          contactName\n          score\n          comment\n          waveName\n          ownerName\n          link\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          readAt\n          contactName\n          score\n          comment\n          waveName\n          ownerName\n          link\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReleasedComments($filter: NpsFilter!) {\n    employeeComments(filter: $filter) {\n      suppressed\n      hiddenReason\n      comments\n    }\n  }\n"): (typeof documents)["\n  query ReleasedComments($filter: NpsFilter!) {\n    employeeComments(filter: $filter) {\n      suppressed\n      hiddenReason\n      comments\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployeeThemeMentions($filter: NpsFilter!) {\n    themeResults(filter: $filter) {\n      theme {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      suppressed\n      share\n      mentions {\n        responses\n      }\n    }\n  }\n"): (typeof documents)["\n  query EmployeeThemeMentions($filter: NpsFilter!) {\n    themeResults(filter: $filter) {\n      theme {\n        id\n        name\n        parent {\n          id\n          name\n        }\n      }\n      suppressed\n      share\n      mentions {\n        responses\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!, $totpCode: String) {\n    login(email: $email, password: $password, totpCode: $totpCode) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!, $totpCode: String) {\n    login(email: $email, password: $password, totpCode: $totpCode) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Refresh($refreshToken: String!) {\n    refresh(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation Refresh($refreshToken: String!) {\n    refresh(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      name\n      roles\n      orgUnit {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      name\n      roles\n      orgUnit {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NavCounts {\n    navCounts {\n      item\n      count\n      urgent\n    }\n  }\n"): (typeof documents)["\n  query NavCounts {\n    navCounts {\n      item\n      count\n      urgent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeOrganization {\n    organization {\n      id\n      name\n    }\n    navCounts {\n      item\n      count\n    }\n  }\n"): (typeof documents)["\n  query HomeOrganization {\n    organization {\n      id\n      name\n    }\n    navCounts {\n      item\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account {\n    me {\n      id\n      name\n      email\n      roles\n      totpEnabled\n      orgUnit {\n        id\n        name\n      }\n    }\n    myNotificationPreferences {\n      mails {\n        kind\n        enabled\n      }\n      digestFrequency\n      language\n    }\n  }\n"): (typeof documents)["\n  query Account {\n    me {\n      id\n      name\n      email\n      roles\n      totpEnabled\n      orgUnit {\n        id\n        name\n      }\n    }\n    myNotificationPreferences {\n      mails {\n        kind\n        enabled\n      }\n      digestFrequency\n      language\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      mails {\n        kind\n        enabled\n      }\n      digestFrequency\n      language\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      mails {\n        kind\n        enabled\n      }\n      digestFrequency\n      language\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      current\n      userAgent\n      address\n      startedAt\n      lastActiveAt\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      id\n      current\n      userAgent\n      address\n      startedAt\n      lastActiveAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeMySession($id: ID!) {\n    revokeMySession(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeMySession($id: ID!) {\n    revokeMySession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PasswordLink($token: String!) {\n    passwordLink(token: $token) {\n      purpose\n      name\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query PasswordLink($token: String!) {\n    passwordLink(token: $token) {\n      purpose\n      name\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n"): (typeof documents)["\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n"): (typeof documents)["\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code)\n  }\n"): (typeof documents)["\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n"): (typeof documents)["\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardAudienceCard on BoardAudience {\n    audience\n    responseRate\n    significantChange\n    target\n    targetReached\n    targetProgress\n    summary {\n      ...NpsScore @unmask\n    }\n    previous {\n      nps\n      suppressed\n    }\n    benchmarks {\n      id\n      name\n      value\n      source\n    }\n    trend {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BoardAudienceCard on BoardAudience {\n    audience\n    responseRate\n    significantChange\n    target\n    targetReached\n    targetProgress\n    summary {\n      ...NpsScore @unmask\n    }\n    previous {\n      nps\n      suppressed\n    }\n    benchmarks {\n      id\n      name\n      value\n      source\n    }\n    trend {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Board($period: PeriodInput) {\n    organization {\n      id\n      anonymityThreshold\n    }\n    board(period: $period) {\n      period\n      previousPeriod\n      from\n      to\n      followUpsOpen\n      followUpsOverdue\n      improvementsByStatus {\n        status\n        count\n      }\n      audiences {\n        audience\n        ...BoardAudienceCard\n      }\n      ...BoardTopThemes\n      ...BoardSla\n      ...BoardRevenueAtRisk\n    }\n  }\n"): (typeof documents)["\n  query Board($period: PeriodInput) {\n    organization {\n      id\n      anonymityThreshold\n    }\n    board(period: $period) {\n      period\n      previousPeriod\n      from\n      to\n      followUpsOpen\n      followUpsOverdue\n      improvementsByStatus {\n        status\n        count\n      }\n      audiences {\n        audience\n        ...BoardAudienceCard\n      }\n      ...BoardTopThemes\n      ...BoardSla\n      ...BoardRevenueAtRisk\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NpsTargets($year: Int) {\n    npsTargets(year: $year) {\n      id\n      audience\n      year\n      quarter\n      period\n      value\n    }\n  }\n"): (typeof documents)["\n  query NpsTargets($year: Int) {\n    npsTargets(year: $year) {\n      id\n      audience\n      year\n      quarter\n      period\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Benchmarks {\n    benchmarks {\n      id\n      audience\n      name\n      value\n      source\n    }\n  }\n"): (typeof documents)["\n  query Benchmarks {\n    benchmarks {\n      id\n      audience\n      name\n      value\n      source\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNpsTarget($audience: Audience!, $period: PeriodInput!, $value: Float!) {\n    setNpsTarget(audience: $audience, period: $period, value: $value) {\n      id\n      period\n      value\n    }\n  }\n"): (typeof documents)["\n  mutation SetNpsTarget($audience: Audience!, $period: PeriodInput!, $value: Float!) {\n    setNpsTarget(audience: $audience, period: $period, value: $value) {\n      id\n      period\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveNpsTarget($audience: Audience!, $period: PeriodInput!) {\n    removeNpsTarget(audience: $audience, period: $period)\n  }\n"): (typeof documents)["\n  mutation RemoveNpsTarget($audience: Audience!, $period: PeriodInput!) {\n    removeNpsTarget(audience: $audience, period: $period)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddBenchmark($input: AddBenchmarkInput!) {\n    addBenchmark(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddBenchmark($input: AddBenchmarkInput!) {\n    addBenchmark(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveBenchmark($id: ID!) {\n    removeBenchmark(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveBenchmark($id: ID!) {\n    removeBenchmark(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardSla on Board {\n    followUpSla {\n      decided\n      closedInTime\n      share\n      byWave {\n        id\n        name\n        decided\n        closedInTime\n        share\n      }\n      byOwner {\n        id\n        name\n        decided\n        closedInTime\n        share\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BoardSla on Board {\n    followUpSla {\n      decided\n      closedInTime\n      share\n      byWave {\n        id\n        name\n        decided\n        closedInTime\n        share\n      }\n      byOwner {\n        id\n        name\n        decided\n        closedInTime\n        share\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardRevenueAtRisk on Board {\n    revenueAtRisk(audience: CUSTOMER, top: 5) {\n      answered\n      valued\n      valueAnswered\n      valueAtRisk\n      valueTotal\n      coverage\n      weightedNps\n      nps\n      byOrgUnit {\n        id\n        name\n        valued\n        value\n        valueAtRisk\n        weightedNps\n      }\n      byOwner {\n        id\n        name\n        valued\n        value\n        valueAtRisk\n        weightedNps\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BoardRevenueAtRisk on Board {\n    revenueAtRisk(audience: CUSTOMER, top: 5) {\n      answered\n      valued\n      valueAnswered\n      valueAtRisk\n      valueTotal\n      coverage\n      weightedNps\n      nps\n      byOrgUnit {\n        id\n        name\n        valued\n        value\n        valueAtRisk\n        weightedNps\n      }\n      byOwner {\n        id\n        name\n        valued\n        value\n        valueAtRisk\n        weightedNps\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardTopThemes on Board {\n    topThemes {\n      audience\n      amongDetractors {\n        count\n        share\n        theme {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n      amongPromoters {\n        count\n        share\n        theme {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BoardTopThemes on Board {\n    topThemes {\n      audience\n      amongDetractors {\n        count\n        share\n        theme {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n      amongPromoters {\n        count\n        share\n        theme {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactFields on Contact {\n    id\n    email\n    name\n    language\n    unsubscribed\n    lastInvitedAt\n    owner {\n      id\n      name\n      email\n    }\n    orgUnit {\n      id\n      name\n    }\n    segments {\n      key\n      value\n    }\n    annualValue\n  }\n"): (typeof documents)["\n  fragment ContactFields on Contact {\n    id\n    email\n    name\n    language\n    unsubscribed\n    lastInvitedAt\n    owner {\n      id\n      name\n      email\n    }\n    orgUnit {\n      id\n      name\n    }\n    segments {\n      key\n      value\n    }\n    annualValue\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContact($input: ContactInput!) {\n    createContact(input: $input) {\n      ...ContactFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContact($input: ContactInput!) {\n    createContact(input: $input) {\n      ...ContactFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      ...ContactFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContact($id: ID!, $input: ContactInput!) {\n    updateContact(id: $id, input: $input) {\n      ...ContactFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contacts($filter: ContactFilter, $first: Int, $after: String, $order: ContactOrder) {\n    contacts(filter: $filter, first: $first, after: $after, order: $order) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          email\n          name\n          language\n          unsubscribed\n          lastInvitedAt\n          owner {\n            id\n            name\n            email\n          }\n          orgUnit {\n            id\n            name\n          }\n          segments {\n            key\n            value\n          }\n          annualValue\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Contacts($filter: ContactFilter, $first: Int, $after: String, $order: ContactOrder) {\n    contacts(filter: $filter, first: $first, after: $after, order: $order) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          email\n          name\n          language\n          unsubscribed\n          lastInvitedAt\n          owner {\n            id\n            name\n            email\n          }\n          orgUnit {\n            id\n            name\n          }\n          segments {\n            key\n            value\n          }\n          annualValue\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactOwners {\n    users(role: MANAGER) {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query ContactOwners {\n    users(role: MANAGER) {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactOrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactOrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Employees($filter: EmployeeFilter, $first: Int, $after: String) {\n    employees(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        cursor\n        node {\n          email\n          name\n          language\n          location\n          tenureBand\n          active\n          orgUnit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Employees($filter: EmployeeFilter, $first: Int, $after: String) {\n    employees(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        cursor\n        node {\n          email\n          name\n          language\n          location\n          tenureBand\n          active\n          orgUnit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreEmployees($emails: [String!]!) {\n    restoreEmployees(emails: $emails) {\n      restored\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreEmployees($emails: [String!]!) {\n    restoreEmployees(emails: $emails) {\n      restored\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreOptions($audience: Audience, $status: WaveStatus) {\n    orgUnits {\n      id\n      name\n    }\n    users(role: MANAGER) {\n      id\n      name\n    }\n    waves(first: 100, filter: { audience: $audience, status: $status }) {\n      edges {\n        node {\n          id\n          name\n          audience\n        }\n      }\n    }\n    transactionValues(audience: $audience) {\n      products\n      channels\n      touchpoints\n      servedBy {\n        key\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExploreOptions($audience: Audience, $status: WaveStatus) {\n    orgUnits {\n      id\n      name\n    }\n    users(role: MANAGER) {\n      id\n      name\n    }\n    waves(first: 100, filter: { audience: $audience, status: $status }) {\n      edges {\n        node {\n          id\n          name\n          audience\n        }\n      }\n    }\n    transactionValues(audience: $audience) {\n      products\n      channels\n      touchpoints\n      servedBy {\n        key\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreSummary($filter: NpsFilter!) {\n    organization {\n      id\n      anonymityThreshold\n    }\n    npsSummary(filter: $filter) {\n      ...NpsSummaryFields @unmask\n    }\n  }\n"): (typeof documents)["\n  query ExploreSummary($filter: NpsFilter!) {\n    organization {\n      id\n      anonymityThreshold\n    }\n    npsSummary(filter: $filter) {\n      ...NpsSummaryFields @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreBreakdown($filter: NpsFilter!, $by: BreakdownDimension!, $segmentKey: String) {\n    npsBreakdown(filter: $filter, by: $by, segmentKey: $segmentKey) {\n      key\n      label\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExploreBreakdown($filter: NpsFilter!, $by: BreakdownDimension!, $segmentKey: String) {\n    npsBreakdown(filter: $filter, by: $by, segmentKey: $segmentKey) {\n      key\n      label\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreTrend($filter: NpsFilter!, $interval: TrendInterval!) {\n    npsTrend(filter: $filter, interval: $interval) {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExploreTrend($filter: NpsFilter!, $interval: TrendInterval!) {\n    npsTrend(filter: $filter, interval: $interval) {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreCriteria($filter: NpsFilter!) {\n    criterionResults(filter: $filter) {\n      criterion\n      n\n      mean\n      ciLow\n      ciHigh\n      distribution\n      lowSample\n      suppressed\n      hiddenReason\n      previousMean\n    }\n  }\n"): (typeof documents)["\n  query ExploreCriteria($filter: NpsFilter!) {\n    criterionResults(filter: $filter) {\n      criterion\n      n\n      mean\n      ciLow\n      ciHigh\n      distribution\n      lowSample\n      suppressed\n      hiddenReason\n      previousMean\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreKeyDrivers($filter: NpsFilter!) {\n    keyDrivers(filter: $filter) {\n      criterion\n      rank\n      n\n      correlation\n      ciLow\n      ciHigh\n      lowSample\n    }\n  }\n"): (typeof documents)["\n  query ExploreKeyDrivers($filter: NpsFilter!) {\n    keyDrivers(filter: $filter) {\n      criterion\n      rank\n      n\n      correlation\n      ciLow\n      ciHigh\n      lowSample\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TurnOffDigest($token: String!) {\n    turnOffDigest(token: $token)\n  }\n"): (typeof documents)["\n  mutation TurnOffDigest($token: String!) {\n    turnOffDigest(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedFollows {\n    myFollows {\n      kind\n      key\n      name\n      byDefault\n    }\n    followOptions {\n      orgUnits {\n        key\n        name\n      }\n      products {\n        key\n        name\n      }\n      owners {\n        key\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query FeedFollows {\n    myFollows {\n      kind\n      key\n      name\n      byDefault\n    }\n    followOptions {\n      orgUnits {\n        key\n        name\n      }\n      products {\n        key\n        name\n      }\n      owners {\n        key\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Follow($kind: FollowKind!, $key: String!) {\n    follow(kind: $kind, key: $key) {\n      kind\n      key\n      name\n      byDefault\n    }\n  }\n"): (typeof documents)["\n  mutation Follow($kind: FollowKind!, $key: String!) {\n    follow(kind: $kind, key: $key) {\n      kind\n      key\n      name\n      byDefault\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unfollow($kind: FollowKind!, $key: String!) {\n    unfollow(kind: $kind, key: $key) {\n      kind\n      key\n      name\n      byDefault\n    }\n  }\n"): (typeof documents)["\n  mutation Unfollow($kind: FollowKind!, $key: String!) {\n    unfollow(kind: $kind, key: $key) {\n      kind\n      key\n      name\n      byDefault\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Feed($filter: FeedFilter, $first: Int) {\n    feed(filter: $filter, first: $first) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n      }\n      thanks {\n        id\n        contactName\n        score\n        comment\n      }\n      edges {\n        node {\n          id\n          submittedAt\n          score\n          category\n          reason\n          suggestion\n          product\n          servedByName\n          servedByMe\n          read\n          contactName\n          orgUnit {\n            id\n            name\n          }\n          wave {\n            id\n            name\n          }\n          followUp {\n            id\n            status\n            owner {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    followOptions {\n      orgUnits {\n        key\n        name\n      }\n      products {\n        key\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Feed($filter: FeedFilter, $first: Int) {\n    feed(filter: $filter, first: $first) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n      }\n      thanks {\n        id\n        contactName\n        score\n        comment\n      }\n      edges {\n        node {\n          id\n          submittedAt\n          score\n          category\n          reason\n          suggestion\n          product\n          servedByName\n          servedByMe\n          read\n          contactName\n          orgUnit {\n            id\n            name\n          }\n          wave {\n            id\n            name\n          }\n          followUp {\n            id\n            status\n            owner {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    followOptions {\n      orgUnits {\n        key\n        name\n      }\n      products {\n        key\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkFeedRead($ids: [ID!], $all: Boolean) {\n    markFeedRead(ids: $ids, all: $all)\n  }\n"): (typeof documents)["\n  mutation MarkFeedRead($ids: [ID!], $all: Boolean) {\n    markFeedRead(ids: $ids, all: $all)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ContactCustomer($responseId: ID!) {\n    contactCustomer(responseId: $responseId) {\n      id\n      followUp {\n        id\n        status\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ContactCustomer($responseId: ID!) {\n    contactCustomer(responseId: $responseId) {\n      id\n      followUp {\n        id\n        status\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissThanks($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation DismissThanks($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FollowUpCard on FollowUp {\n    id\n    status\n    dueAt\n    overdue\n    escalatedAt\n    owner {\n      id\n      name\n    }\n    wave {\n      id\n      name\n    }\n    response {\n      id\n      score\n      category\n      reason\n      suggestion\n      language\n      contact {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment FollowUpCard on FollowUp {\n    id\n    status\n    dueAt\n    overdue\n    escalatedAt\n    owner {\n      id\n      name\n    }\n    wave {\n      id\n      name\n    }\n    response {\n      id\n      score\n      category\n      reason\n      suggestion\n      language\n      contact {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FollowUpDetail on FollowUp {\n    id\n    status\n    dueAt\n    overdue\n    overdueAt\n    escalatedAt\n    escalatedTo {\n      id\n      name\n    }\n    createdAt\n    contactedAt\n    resolvedAt\n    owner {\n      id\n      name\n      email\n    }\n    wave {\n      id\n      name\n    }\n    response {\n      id\n      score\n      category\n      reason\n      suggestion\n      language\n      submittedAt\n      ratings {\n        criterion\n        value\n      }\n      contact {\n        id\n        name\n        email\n      }\n    }\n    notes {\n      id\n      text\n      createdAt\n      author {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment FollowUpDetail on FollowUp {\n    id\n    status\n    dueAt\n    overdue\n    overdueAt\n    escalatedAt\n    escalatedTo {\n      id\n      name\n    }\n    createdAt\n    contactedAt\n    resolvedAt\n    owner {\n      id\n      name\n      email\n    }\n    wave {\n      id\n      name\n    }\n    response {\n      id\n      score\n      category\n      reason\n      suggestion\n      language\n      submittedAt\n      ratings {\n        criterion\n        value\n      }\n      contact {\n        id\n        name\n        email\n      }\n    }\n    notes {\n      id\n      text\n      createdAt\n      author {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFollowUp($id: ID!, $input: FollowUpUpdateInput!) {\n    updateFollowUp(id: $id, input: $input) {\n      id\n      ...FollowUpDetail\n      ...FollowUpCard\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFollowUp($id: ID!, $input: FollowUpUpdateInput!) {\n    updateFollowUp(id: $id, input: $input) {\n      id\n      ...FollowUpDetail\n      ...FollowUpCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowUps($filter: FollowUpFilter, $first: Int, $after: String) {\n    followUps(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          dueAt\n          response {\n            score\n          }\n          ...FollowUpCard\n          ...FollowUpDetail\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FollowUps($filter: FollowUpFilter, $first: Int, $after: String) {\n    followUps(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          dueAt\n          response {\n            score\n          }\n          ...FollowUpCard\n          ...FollowUpDetail\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowUp($id: ID!) {\n    followUp(id: $id) {\n      id\n      ...FollowUpDetail\n    }\n  }\n"): (typeof documents)["\n  query FollowUp($id: ID!) {\n    followUp(id: $id) {\n      id\n      ...FollowUpDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CxHome {\n    queue: responses(filter: { hasComment: true, untagged: true }, first: 1) {\n      totalCount\n    }\n    overdue: followUps(filter: { overdue: true }, first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          dueAt\n          owner {\n            id\n            name\n          }\n          response {\n            id\n            score\n            contact {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CxHome {\n    queue: responses(filter: { hasComment: true, untagged: true }, first: 1) {\n      totalCount\n    }\n    overdue: followUps(filter: { overdue: true }, first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          dueAt\n          owner {\n            id\n            name\n          }\n          response {\n            id\n            score\n            contact {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HrHome {\n    waves(filter: { audience: EMPLOYEE, status: OPEN }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          invited\n          responded\n          responseRate\n          closesAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HrHome {\n    waves(filter: { audience: EMPLOYEE, status: OPEN }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          invited\n          responded\n          responseRate\n          closesAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagerHome($me: ID!, $from: Date!, $to: Date!) {\n    waiting: followUps(filter: { status: OPEN }, first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          dueAt\n          overdue\n          response {\n            id\n            score\n            reason\n            contact {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    overdue: followUps(filter: { overdue: true }, first: 1) {\n      totalCount\n    }\n    mine: npsSummary(filter: { ownerIds: [$me], from: $from, to: $to }) {\n      ...NpsScore @unmask\n    }\n  }\n"): (typeof documents)["\n  query ManagerHome($me: ID!, $from: Date!, $to: Date!) {\n    waiting: followUps(filter: { status: OPEN }, first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          dueAt\n          overdue\n          response {\n            id\n            score\n            reason\n            contact {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n    overdue: followUps(filter: { overdue: true }, first: 1) {\n      totalCount\n    }\n    mine: npsSummary(filter: { ownerIds: [$me], from: $from, to: $to }) {\n      ...NpsScore @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImprovementOwners {\n    users {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ImprovementOwners {\n    users {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateImprovement($id: ID!, $input: UpdateImprovementInput!) {\n    updateImprovement(id: $id, input: $input) {\n      id\n      title\n      titleTranslations {\n        language\n        text\n      }\n      description\n      dueDate\n      overdue\n      owner {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateImprovement($id: ID!, $input: UpdateImprovementInput!) {\n    updateImprovement(id: $id, input: $input) {\n      id\n      title\n      titleTranslations {\n        language\n        text\n      }\n      description\n      dueDate\n      overdue\n      owner {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImprovementEffect on ImprovementEffect {\n    change\n    significant\n    themesApplied\n    tooEarly\n    minimumResponses\n    beforeFrom\n    beforeTo\n    afterFrom\n    afterTo\n    before {\n      responses\n      nps\n      ciLow\n      ciHigh\n      suppressed\n    }\n    after {\n      responses\n      nps\n      ciLow\n      ciHigh\n      suppressed\n    }\n  }\n"): (typeof documents)["\n  fragment ImprovementEffect on ImprovementEffect {\n    change\n    significant\n    themesApplied\n    tooEarly\n    minimumResponses\n    beforeFrom\n    beforeTo\n    afterFrom\n    afterTo\n    before {\n      responses\n      nps\n      ciLow\n      ciHigh\n      suppressed\n    }\n    after {\n      responses\n      nps\n      ciLow\n      ciHigh\n      suppressed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetImprovementStatus($id: ID!, $status: ImprovementStatus!, $note: String) {\n    setImprovementStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      nextStatuses\n      overdue\n      implementedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetImprovementStatus($id: ID!, $status: ImprovementStatus!, $note: String) {\n    setImprovementStatus(id: $id, status: $status, note: $note) {\n      id\n      status\n      nextStatuses\n      overdue\n      implementedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Improvement($id: ID!) {\n    improvement(id: $id) {\n      id\n      title\n      titleTranslations {\n        language\n        text\n      }\n      description\n      status\n      nextStatuses\n      canEdit\n      audience\n      dueDate\n      overdue\n      createdAt\n      implementedAt\n      owner {\n        id\n        name\n      }\n      createdBy {\n        id\n        name\n      }\n      orgUnit {\n        id\n        name\n      }\n      themes {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n      }\n      responses {\n        id\n        score\n        category\n        reason\n        suggestion\n        language\n        submittedAt\n      }\n      followUps {\n        id\n        status\n        owner {\n          name\n        }\n      }\n      waves {\n        wave {\n          id\n          name\n          audience\n        }\n        orgUnit {\n          id\n          name\n        }\n      }\n      history {\n        from\n        to\n        note\n        at\n        by {\n          name\n        }\n      }\n      effect {\n        ...ImprovementEffect\n      }\n    }\n  }\n"): (typeof documents)["\n  query Improvement($id: ID!) {\n    improvement(id: $id) {\n      id\n      title\n      titleTranslations {\n        language\n        text\n      }\n      description\n      status\n      nextStatuses\n      canEdit\n      audience\n      dueDate\n      overdue\n      createdAt\n      implementedAt\n      owner {\n        id\n        name\n      }\n      createdBy {\n        id\n        name\n      }\n      orgUnit {\n        id\n        name\n      }\n      themes {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n      }\n      responses {\n        id\n        score\n        category\n        reason\n        suggestion\n        language\n        submittedAt\n      }\n      followUps {\n        id\n        status\n        owner {\n          name\n        }\n      }\n      waves {\n        wave {\n          id\n          name\n          audience\n        }\n        orgUnit {\n          id\n          name\n        }\n      }\n      history {\n        from\n        to\n        note\n        at\n        by {\n          name\n        }\n      }\n      effect {\n        ...ImprovementEffect\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Improvements($filter: ImprovementFilter, $first: Int) {\n    improvements(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          titleTranslations {\n            language\n            text\n          }\n          status\n          nextStatuses\n          audience\n          dueDate\n          overdue\n          owner {\n            id\n            name\n          }\n          orgUnit {\n            id\n            name\n          }\n          themes {\n            id\n            name\n            nameTranslations {\n              language\n              text\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Improvements($filter: ImprovementFilter, $first: Int) {\n    improvements(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          titleTranslations {\n            language\n            text\n          }\n          status\n          nextStatuses\n          audience\n          dueDate\n          overdue\n          owner {\n            id\n            name\n          }\n          orgUnit {\n            id\n            name\n          }\n          themes {\n            id\n            name\n            nameTranslations {\n              language\n              text\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImprovementFilters {\n    orgUnits {\n      id\n      name\n    }\n    themes {\n      id\n      name\n      nameTranslations {\n        language\n        text\n      }\n    }\n    users {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ImprovementFilters {\n    orgUnits {\n      id\n      name\n    }\n    themes {\n      id\n      name\n      nameTranslations {\n        language\n        text\n      }\n    }\n    users {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateImprovement($input: CreateImprovementInput!) {\n    createImprovement(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CreateImprovement($input: CreateImprovementInput!) {\n    createImprovement(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareWaveOutcome($waveId: ID!) {\n    shareWaveOutcome(waveId: $waveId)\n  }\n"): (typeof documents)["\n  mutation ShareWaveOutcome($waveId: ID!) {\n    shareWaveOutcome(waveId: $waveId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateImprovementFromFollowUp($followUpId: ID!, $title: String) {\n    createImprovementFromFollowUp(followUpId: $followUpId, title: $title) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateImprovementFromFollowUp($followUpId: ID!, $title: String) {\n    createImprovementFromFollowUp(followUpId: $followUpId, title: $title) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query YouSaidWeDid($token: String!, $language: String) {\n    youSaidWeDid(token: $token, language: $language) {\n      waveName\n      organizationName\n      language\n      languages\n      improvements {\n        title\n        description\n        implementedOn\n      }\n    }\n  }\n"): (typeof documents)["\n  query YouSaidWeDid($token: String!, $language: String) {\n    youSaidWeDid(token: $token, language: $language) {\n      waveName\n      organizationName\n      language\n      languages\n      improvements {\n        title\n        description\n        implementedOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwardCertificate($id: ID!) {\n    organization {\n      id\n      name\n    }\n    award(id: $id) {\n      id\n      period\n      entity\n      metric\n      audience\n      winnerName\n      rank\n      value\n      responses\n      invited\n      ciLow\n      ciHigh\n      finalizedAt\n    }\n  }\n"): (typeof documents)["\n  query AwardCertificate($id: ID!) {\n    organization {\n      id\n      name\n    }\n    award(id: $id) {\n      id\n      period\n      entity\n      metric\n      audience\n      winnerName\n      rank\n      value\n      responses\n      invited\n      ciLow\n      ciHigh\n      finalizedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwardHistory($year: Int) {\n    awards(year: $year) {\n      id\n      period\n      entity\n      metric\n      audience\n      winnerName\n      value\n      reopened\n      runnersUp {\n        id\n        rank\n        winnerName\n        value\n      }\n    }\n    awardPeriods(year: $year) {\n      id\n      period\n      status\n      events {\n        kind\n        byName\n        at\n        note\n      }\n    }\n  }\n"): (typeof documents)["\n  query AwardHistory($year: Int) {\n    awards(year: $year) {\n      id\n      period\n      entity\n      metric\n      audience\n      winnerName\n      value\n      reopened\n      runnersUp {\n        id\n        rank\n        winnerName\n        value\n      }\n    }\n    awardPeriods(year: $year) {\n      id\n      period\n      status\n      events {\n        kind\n        byName\n        at\n        note\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($input: LeaderboardInput!) {\n    organization {\n      id\n      leaderboardMinResponses\n      anonymityThreshold\n    }\n    leaderboardLevels {\n      level\n      unitNames\n      isDefault\n    }\n    leaderboard(input: $input) {\n      rank\n      entityId\n      name\n      value\n      rankedBy\n      ciLow\n      ciHigh\n      responses\n      invited\n      eligible\n      note\n      significant\n      previous {\n        responses\n        nps\n      }\n    }\n  }\n"): (typeof documents)["\n  query Leaderboard($input: LeaderboardInput!) {\n    organization {\n      id\n      leaderboardMinResponses\n      anonymityThreshold\n    }\n    leaderboardLevels {\n      level\n      unitNames\n      isDefault\n    }\n    leaderboard(input: $input) {\n      rank\n      entityId\n      name\n      value\n      rankedBy\n      ciLow\n      ciHigh\n      responses\n      invited\n      eligible\n      note\n      significant\n      previous {\n        responses\n        nps\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinalizeAwards($input: PeriodInput!) {\n    finalizeAwards(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation FinalizeAwards($input: PeriodInput!) {\n    finalizeAwards(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiClients {\n    apiClients {\n      id\n      name\n      clientId\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      previousSecretExpiresAt\n    }\n  }\n"): (typeof documents)["\n  query ApiClients {\n    apiClients {\n      id\n      name\n      clientId\n      scopes\n      createdAt\n      lastUsedAt\n      revokedAt\n      previousSecretExpiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      clientSecret\n      client {\n        id\n        name\n        clientId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      clientSecret\n      client {\n        id\n        name\n        clientId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiClientSecret($id: ID!) {\n    rotateApiClientSecret(id: $id) {\n      clientSecret\n      client {\n        id\n        name\n        clientId\n        previousSecretExpiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateApiClientSecret($id: ID!) {\n    rotateApiClientSecret(id: $id) {\n      clientSecret\n      client {\n        id\n        name\n        clientId\n        previousSecretExpiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditLogFilter, $after: String) {\n    auditLog(filter: $filter, first: 50, after: $after) {\n      entries {\n        id\n        at\n        actorKind\n        actorName\n        kind\n        action\n        objectType\n        objectIds\n        outcome\n        ip\n        userAgent\n        requestId\n      }\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditLogFilter, $after: String) {\n    auditLog(filter: $filter, first: 50, after: $after) {\n      entries {\n        id\n        at\n        actorKind\n        actorName\n        kind\n        action\n        objectType\n        objectIds\n        outcome\n        ip\n        userAgent\n        requestId\n      }\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogCsv($filter: AuditLogFilter) {\n    auditLogCsv(filter: $filter)\n  }\n"): (typeof documents)["\n  query AuditLogCsv($filter: AuditLogFilter) {\n    auditLogCsv(filter: $filter)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jobs {\n    jobQueues {\n      name\n      queued\n      scheduled\n      retrying\n      active\n      completedLastHour\n      failedLastHour\n      deadLettered\n      waitP50Ms\n      waitP95Ms\n      runP95Ms\n    }\n    deadLetteredJobs(first: 50) {\n      id\n      queue\n      error\n      attempts\n      failedAt\n    }\n  }\n"): (typeof documents)["\n  query Jobs {\n    jobQueues {\n      name\n      queued\n      scheduled\n      retrying\n      active\n      completedLastHour\n      failedLastHour\n      deadLettered\n      waitP50Ms\n      waitP95Ms\n      runP95Ms\n    }\n    deadLetteredJobs(first: 50) {\n      id\n      queue\n      error\n      attempts\n      failedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryDeadLetteredJob($id: ID!) {\n    retryDeadLetteredJob(id: $id) {\n      id\n      queue\n    }\n  }\n"): (typeof documents)["\n  mutation RetryDeadLetteredJob($id: ID!) {\n    retryDeadLetteredJob(id: $id) {\n      id\n      queue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitManagers {\n    users {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query UnitManagers {\n    users {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameOrgUnit($id: ID!, $name: String!) {\n    renameOrgUnit(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RenameOrgUnit($id: ID!, $name: String!) {\n    renameOrgUnit(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveOrgUnit($id: ID!, $parentId: ID) {\n    moveOrgUnit(id: $id, parentId: $parentId) {\n      id\n      parent {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveOrgUnit($id: ID!, $parentId: ID) {\n    moveOrgUnit(id: $id, parentId: $parentId) {\n      id\n      parent {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrgUnitManager($id: ID!, $userId: ID) {\n    setOrgUnitManager(id: $id, userId: $userId) {\n      id\n      manager {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrgUnitManager($id: ID!, $userId: ID) {\n    setOrgUnitManager(id: $id, userId: $userId) {\n      id\n      manager {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOrgUnit($id: ID!) {\n    deleteOrgUnit(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteOrgUnit($id: ID!) {\n    deleteOrgUnit(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n      manager {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n      manager {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrgUnit($name: String!, $parentId: ID) {\n    createOrgUnit(name: $name, parentId: $parentId) {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrgUnit($name: String!, $parentId: ID) {\n    createOrgUnit(name: $name, parentId: $parentId) {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationSettings {\n    organization {\n      id\n      name\n      timeZone\n      anonymityThreshold\n      followUpSlaHours\n      throttleDays\n      npsBands {\n        key\n        min\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationSettings {\n    organization {\n      id\n      name\n      timeZone\n      anonymityThreshold\n      followUpSlaHours\n      throttleDays\n      npsBands {\n        key\n        min\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganizationSettings($input: OrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      name\n      timeZone\n      anonymityThreshold\n      followUpSlaHours\n      throttleDays\n      npsBands {\n        key\n        min\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganizationSettings($input: OrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      name\n      timeZone\n      anonymityThreshold\n      followUpSlaHours\n      throttleDays\n      npsBands {\n        key\n        min\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedUsers {\n    managedUsers {\n      id\n      email\n      name\n      roles\n      language\n      status\n      totpEnabled\n      orgUnit {\n        id\n        name\n      }\n    }\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ManagedUsers {\n    managedUsers {\n      id\n      email\n      name\n      roles\n      language\n      status\n      totpEnabled\n      orgUnit {\n        id\n        name\n      }\n    }\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUserRoles($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUserRoles($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendPasswordLink($id: ID!) {\n    sendPasswordLink(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SendPasswordLink($id: ID!) {\n    sendPasswordLink(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAllUserSessions($userId: ID!) {\n    revokeAllUserSessions(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RevokeAllUserSessions($userId: ID!) {\n    revokeAllUserSessions(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserTotp($userId: ID!) {\n    resetUserTotp(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation ResetUserTotp($userId: ID!) {\n    resetUserTotp(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhookEndpoints {\n      id\n      url\n      events\n      orgUnitIds\n      enabled\n      disabledAt\n      createdAt\n      deliveries(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            event\n            status\n            attempts\n            lastStatusCode\n            lastLatencyMs\n            lastError\n            nextAttemptAt\n            createdAt\n          }\n        }\n      }\n    }\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhookEndpoints {\n      id\n      url\n      events\n      orgUnitIds\n      enabled\n      disabledAt\n      createdAt\n      deliveries(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n            event\n            status\n            attempts\n            lastStatusCode\n            lastLatencyMs\n            lastError\n            nextAttemptAt\n            createdAt\n          }\n        }\n      }\n    }\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SendTestWebhook($endpointId: ID!) {\n    sendTestWebhook(endpointId: $endpointId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProgramme($input: CreateProgrammeInput!) {\n    createProgramme(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProgramme($input: CreateProgrammeInput!) {\n    createProgramme(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programme($id: ID!) {\n    wave(id: $id) {\n      id\n      name\n      audience\n      status\n      kind\n      touchpoint\n      sendDelayMinutes\n    }\n    transactions(programmeId: $id, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          transactionId\n          occurredAt\n          product\n          channel\n          location\n          servedByName\n          status\n          skipReason\n          sendAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Programme($id: ID!) {\n    wave(id: $id) {\n      id\n      name\n      audience\n      status\n      kind\n      touchpoint\n      sendDelayMinutes\n    }\n    transactions(programmeId: $id, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          transactionId\n          occurredAt\n          product\n          channel\n          location\n          servedByName\n          status\n          skipReason\n          sendAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programmes {\n    waves(filter: { kind: TRANSACTIONAL }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          audience\n          status\n          touchpoint\n          sendDelayMinutes\n          invited\n          responded\n          summary {\n            nps\n            suppressed\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Programmes {\n    waves(filter: { kind: TRANSACTIONAL }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          audience\n          status\n          touchpoint\n          sendDelayMinutes\n          invited\n          responded\n          summary {\n            nps\n            suppressed\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportTransactions($programmeId: ID!, $csv: String!) {\n    importTransactions(programmeId: $programmeId, csv: $csv) {\n      imported\n      created\n      errors {\n        line\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportTransactions($programmeId: ID!, $csv: String!) {\n    importTransactions(programmeId: $programmeId, csv: $csv) {\n      imported\n      created\n      errors {\n        line\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurveyByToken($token: String!, $language: String) {\n    surveyByToken(token: $token, language: $language) {\n      title\n      language\n      languages\n      alreadyAnswered\n      closed\n      unsubscribed\n      anonymous\n      anonymityThreshold\n      rosterArrivals {\n        unit\n        count\n      }\n      questions {\n        kind\n        text\n        criterion\n        min\n        max\n        maxLength\n      }\n    }\n  }\n"): (typeof documents)["\n  query SurveyByToken($token: String!, $language: String) {\n    surveyByToken(token: $token, language: $language) {\n      title\n      language\n      languages\n      alreadyAnswered\n      closed\n      unsubscribed\n      anonymous\n      anonymityThreshold\n      rosterArrivals {\n        unit\n        count\n      }\n      questions {\n        kind\n        text\n        criterion\n        min\n        max\n        maxLength\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitResponse($token: String!, $input: ResponseInput!, $submissionId: String) {\n    submitResponse(token: $token, input: $input, submissionId: $submissionId) {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitResponse($token: String!, $input: ResponseInput!, $submissionId: String) {\n    submitResponse(token: $token, input: $input, submissionId: $submissionId) {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RespondentPage($token: String!, $language: String) {\n    respondentPage(token: $token, language: $language) {\n      language\n      languages\n      title\n    }\n  }\n"): (typeof documents)["\n  query RespondentPage($token: String!, $language: String) {\n    respondentPage(token: $token, language: $language) {\n      language\n      languages\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unsubscribe($token: String!) {\n    unsubscribe(token: $token)\n  }\n"): (typeof documents)["\n  mutation Unsubscribe($token: String!) {\n    unsubscribe(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamResults {\n    me {\n      id\n      orgUnit {\n        id\n        name\n      }\n    }\n    organization {\n      id\n      anonymityThreshold\n    }\n    npsTrend(filter: { audience: EMPLOYEE }, interval: WAVE) {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsSummaryFields @unmask\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamResults {\n    me {\n      id\n      orgUnit {\n        id\n        name\n      }\n    }\n    organization {\n      id\n      anonymityThreshold\n    }\n    npsTrend(filter: { audience: EMPLOYEE }, interval: WAVE) {\n      period\n      label\n      significantChange\n      summary {\n        ...NpsSummaryFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamUnits($filter: NpsFilter!) {\n    npsBreakdown(filter: $filter, by: ORG_UNIT) {\n      key\n      label\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamUnits($filter: NpsFilter!) {\n    npsBreakdown(filter: $filter, by: ORG_UNIT) {\n      key\n      label\n      summary {\n        ...NpsScore @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployeeThemeWaves {\n    organization {\n      id\n      anonymityThreshold\n    }\n    waves(first: 50, filter: { audience: EMPLOYEE, status: CLOSED }) {\n      edges {\n        node {\n          id\n          name\n          closedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EmployeeThemeWaves {\n    organization {\n      id\n      anonymityThreshold\n    }\n    waves(first: 50, filter: { audience: EMPLOYEE, status: CLOSED }) {\n      edges {\n        node {\n          id\n          name\n          closedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployeeThemeGroups($waveId: ID!) {\n    employeeRelease(waveId: $waveId) {\n      waveId\n      threshold\n      groups {\n        key\n        parentKey\n        dimension\n        label\n        orgUnitId\n        commentsReleased\n        summary {\n          suppressed\n          hiddenReason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EmployeeThemeGroups($waveId: ID!) {\n    employeeRelease(waveId: $waveId) {\n      waveId\n      threshold\n      groups {\n        key\n        parentKey\n        dimension\n        label\n        orgUnitId\n        commentsReleased\n        summary {\n          suppressed\n          hiddenReason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestWaves {\n    waves(first: 100) {\n      edges {\n        node {\n          id\n          name\n          audience\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SuggestWaves {\n    waves(first: 100) {\n      edges {\n        node {\n          id\n          name\n          audience\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuggestThemes($waveId: ID!) {\n    suggestThemes(waveId: $waveId) {\n      comments\n      added\n      removed\n    }\n  }\n"): (typeof documents)["\n  mutation SuggestThemes($waveId: ID!) {\n    suggestThemes(waveId: $waveId) {\n      comments\n      added\n      removed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaggingQueue($filter: ResponseFilter, $first: Int, $after: String) {\n    responses(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          score\n          category\n          reason\n          suggestion\n          language\n          submittedAt\n          wave {\n            id\n            name\n          }\n          themes {\n            id\n            name\n          }\n          suggestedThemes {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TaggingQueue($filter: ResponseFilter, $first: Int, $after: String) {\n    responses(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          score\n          category\n          reason\n          suggestion\n          language\n          submittedAt\n          wave {\n            id\n            name\n          }\n          themes {\n            id\n            name\n          }\n          suggestedThemes {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThemeOptions {\n    themes {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ThemeOptions {\n    themes {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TagResponse($responseId: ID!, $themeIds: [ID!]!) {\n    tagResponse(responseId: $responseId, themeIds: $themeIds) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TagResponse($responseId: ID!, $themeIds: [ID!]!) {\n    tagResponse(responseId: $responseId, themeIds: $themeIds) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TagResponses($responseIds: [ID!]!, $themeIds: [ID!]!) {\n    tagResponses(responseIds: $responseIds, themeIds: $themeIds) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation TagResponses($responseIds: [ID!]!, $themeIds: [ID!]!) {\n    tagResponses(responseIds: $responseIds, themeIds: $themeIds) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptSuggestion($responseId: ID!, $themeId: ID!) {\n    acceptSuggestion(responseId: $responseId, themeId: $themeId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptSuggestion($responseId: ID!, $themeId: ID!) {\n    acceptSuggestion(responseId: $responseId, themeId: $themeId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissSuggestion($responseId: ID!, $themeId: ID!) {\n    dismissSuggestion(responseId: $responseId, themeId: $themeId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DismissSuggestion($responseId: ID!, $themeId: ID!) {\n    dismissSuggestion(responseId: $responseId, themeId: $themeId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThemeCatalogue {\n    themes {\n      id\n      name\n      nameTranslations {\n        language\n        text\n      }\n      audiences\n      description\n      parent {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n      }\n      keywords {\n        language\n        words\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThemeCatalogue {\n    themes {\n      id\n      name\n      nameTranslations {\n        language\n        text\n      }\n      audiences\n      description\n      parent {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n      }\n      keywords {\n        language\n        words\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTheme($id: ID!) {\n    deleteTheme(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteTheme($id: ID!) {\n    deleteTheme(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTheme($input: ThemeInput!) {\n    createTheme(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTheme($input: ThemeInput!) {\n    createTheme(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTheme($id: ID!, $input: ThemeInput!) {\n    updateTheme(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTheme($id: ID!, $input: ThemeInput!) {\n    updateTheme(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThemeResults($filter: NpsFilter!) {\n    organization {\n      id\n      leaderboardMinResponses\n    }\n    themeResults(filter: $filter) {\n      theme {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n        parent {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n      suppressed\n      share\n      impact\n      impactLow\n      impactHigh\n      impactSignificant\n      mentions {\n        responses\n        promoters\n        passives\n        detractors\n        nps\n        ciLow\n        ciHigh\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThemeResults($filter: NpsFilter!) {\n    organization {\n      id\n      leaderboardMinResponses\n    }\n    themeResults(filter: $filter) {\n      theme {\n        id\n        name\n        nameTranslations {\n          language\n          text\n        }\n        parent {\n          id\n          name\n          nameTranslations {\n            language\n            text\n          }\n        }\n      }\n      suppressed\n      share\n      impact\n      impactLow\n      impactHigh\n      impactSignificant\n      mentions {\n        responses\n        promoters\n        passives\n        detractors\n        nps\n        ciLow\n        ciHigh\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickContacts($search: String, $first: Int) {\n    contacts(filter: { search: $search, unsubscribed: false }, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PickContacts($search: String, $first: Int) {\n    contacts(filter: { search: $search, unsubscribed: false }, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WaveParticipation($waveId: ID!) {\n    responseRatesByOrgUnit(waveId: $waveId) {\n      key\n      parentKey\n      label\n      invited\n      responded\n      responseRate\n    }\n  }\n"): (typeof documents)["\n  query WaveParticipation($waveId: ID!) {\n    responseRatesByOrgUnit(waveId: $waveId) {\n      key\n      parentKey\n      label\n      invited\n      responded\n      responseRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WaveRelease($waveId: ID!) {\n    employeeRelease(waveId: $waveId) {\n      waveId\n      madeAt\n      threshold\n      audit {\n        released\n        hiddenBelowThreshold\n        hiddenToProtect\n        determined\n      }\n      groups {\n        key\n        parentKey\n        dimension\n        label\n        orgUnitId\n        value\n        invited\n        commentsReleased\n        distribution\n        summary {\n          ...NpsSummaryFields @unmask\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WaveRelease($waveId: ID!) {\n    employeeRelease(waveId: $waveId) {\n      waveId\n      madeAt\n      threshold\n      audit {\n        released\n        hiddenBelowThreshold\n        hiddenToProtect\n        determined\n      }\n      groups {\n        key\n        parentKey\n        dimension\n        label\n        orgUnitId\n        value\n        invited\n        commentsReleased\n        distribution\n        summary {\n          ...NpsSummaryFields @unmask\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WaveComments on Wave {\n    latestComments(limit: 10) {\n      score\n      category\n      reason\n      suggestion\n      language\n      submittedAt\n    }\n  }\n"): (typeof documents)["\n  fragment WaveComments on Wave {\n    latestComments(limit: 10) {\n      score\n      category\n      reason\n      suggestion\n      language\n      submittedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWave($input: CreateWaveInput!) {\n    createWave(input: $input) {\n      id\n      name\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWave($input: CreateWaveInput!) {\n    createWave(input: $input) {\n      id\n      name\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToWave($waveId: ID!, $target: InvitationTargetInput) {\n    inviteToWave(waveId: $waveId, target: $target) {\n      invited\n      skipped\n      alreadyInvited\n      throttled\n      unsubscribed\n      failed\n    }\n  }\n"): (typeof documents)["\n  mutation InviteToWave($waveId: ID!, $target: InvitationTargetInput) {\n    inviteToWave(waveId: $waveId, target: $target) {\n      invited\n      skipped\n      alreadyInvited\n      throttled\n      unsubscribed\n      failed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationTargetCount($waveId: ID!, $target: InvitationTargetInput) {\n    invitationTargetCount(waveId: $waveId, target: $target) {\n      total\n      eligible\n      alreadyInvited\n      throttled\n      unsubscribed\n    }\n  }\n"): (typeof documents)["\n  query InvitationTargetCount($waveId: ID!, $target: InvitationTargetInput) {\n    invitationTargetCount(waveId: $waveId, target: $target) {\n      total\n      eligible\n      alreadyInvited\n      throttled\n      unsubscribed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteOrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query InviteOrgUnits {\n    orgUnits {\n      id\n      name\n      parent {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteOwners {\n    users(role: MANAGER) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query InviteOwners {\n    users(role: MANAGER) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemindWave($waveId: ID!) {\n    remindWave(waveId: $waveId) {\n      reminded\n      skipped\n      recentlyMailed\n      unsubscribed\n      failed\n      countsHidden\n    }\n  }\n"): (typeof documents)["\n  mutation RemindWave($waveId: ID!) {\n    remindWave(waveId: $waveId) {\n      reminded\n      skipped\n      recentlyMailed\n      unsubscribed\n      failed\n      countsHidden\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WaveMailing($waveId: ID!) {\n    wave(id: $waveId) {\n      id\n      invited\n      mailing {\n        id\n        kind\n        state\n        total\n        queued\n        sent\n        failed\n        bounced\n        retrying\n        createdAt\n        finishedAt\n        failures(first: 20) {\n          invitationId\n          email\n          name\n          state\n          attempts\n          error\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WaveMailing($waveId: ID!) {\n    wave(id: $waveId) {\n      id\n      invited\n      mailing {\n        id\n        kind\n        state\n        total\n        queued\n        sent\n        failed\n        bounced\n        retrying\n        createdAt\n        finishedAt\n        failures(first: 20) {\n          invitationId\n          email\n          name\n          state\n          attempts\n          error\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryFailedMail($waveId: ID!) {\n    retryFailedMail(waveId: $waveId) {\n      batchId\n      retried\n    }\n  }\n"): (typeof documents)["\n  mutation RetryFailedMail($waveId: ID!) {\n    retryFailedMail(waveId: $waveId) {\n      batchId\n      retried\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WavePage($id: ID!) {\n    organization {\n      id\n      anonymityThreshold\n      leaderboardMinResponses\n    }\n    wave(id: $id) {\n      id\n      name\n      audience\n      status\n      anonymous\n      languages\n      opensAt\n      closesAt\n      openedAt\n      closedAt\n      reminderAfterDays\n      maxReminders\n      invited\n      summary {\n        suppressed\n      }\n      ...WaveResults\n      ...WaveComments\n      ...WaveQuestions\n      ...WavePublicTitle\n    }\n  }\n"): (typeof documents)["\n  query WavePage($id: ID!) {\n    organization {\n      id\n      anonymityThreshold\n      leaderboardMinResponses\n    }\n    wave(id: $id) {\n      id\n      name\n      audience\n      status\n      anonymous\n      languages\n      opensAt\n      closesAt\n      openedAt\n      closedAt\n      reminderAfterDays\n      maxReminders\n      invited\n      summary {\n        suppressed\n      }\n      ...WaveResults\n      ...WaveComments\n      ...WaveQuestions\n      ...WavePublicTitle\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenWave($id: ID!) {\n    openWave(id: $id) {\n      id\n      status\n      openedAt\n    }\n  }\n"): (typeof documents)["\n  mutation OpenWave($id: ID!) {\n    openWave(id: $id) {\n      id\n      status\n      openedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseWave($id: ID!) {\n    closeWave(id: $id) {\n      id\n      status\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CloseWave($id: ID!) {\n    closeWave(id: $id) {\n      id\n      status\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WavePublicTitle on Wave {\n    id\n    languages\n    publicTitles {\n      language\n      text\n    }\n  }\n"): (typeof documents)["\n  fragment WavePublicTitle on Wave {\n    id\n    languages\n    publicTitles {\n      language\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWavePublicTitles($waveId: ID!, $titles: [LocalizedTextInput!]!) {\n    setWavePublicTitles(waveId: $waveId, titles: $titles) {\n      id\n      publicTitles {\n        language\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetWavePublicTitles($waveId: ID!, $titles: [LocalizedTextInput!]!) {\n    setWavePublicTitles(waveId: $waveId, titles: $titles) {\n      id\n      publicTitles {\n        language\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WaveQuestions on Wave {\n    id\n    status\n    languages\n    questions {\n      id\n      kind\n      criterion\n      texts {\n        language\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WaveQuestions on Wave {\n    id\n    status\n    languages\n    questions {\n      id\n      kind\n      criterion\n      texts {\n        language\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetQuestionText($waveId: ID!, $questionId: ID!, $language: String!, $text: String!) {\n    setQuestionText(waveId: $waveId, questionId: $questionId, language: $language, text: $text) {\n      id\n      texts {\n        language\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetQuestionText($waveId: ID!, $questionId: ID!, $language: String!, $text: String!) {\n    setQuestionText(waveId: $waveId, questionId: $questionId, language: $language, text: $text) {\n      id\n      texts {\n        language\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WaveResults on Wave {\n    audience\n    invited\n    responded\n    responseRate\n    scoreDistribution\n    summary {\n      ...NpsSummaryFields @unmask\n    }\n    stages {\n      survey\n      firstReaction\n      analysis\n      improvements\n    }\n  }\n"): (typeof documents)["\n  fragment WaveResults on Wave {\n    audience\n    invited\n    responded\n    responseRate\n    scoreDistribution\n    summary {\n      ...NpsSummaryFields @unmask\n    }\n    stages {\n      survey\n      firstReaction\n      analysis\n      improvements\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Waves($filter: WaveFilter, $first: Int, $after: String) {\n    waves(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          name\n          audience\n          status\n          opensAt\n          closesAt\n          invited\n          responded\n          responseRate\n          summary {\n            nps\n            suppressed\n            hiddenReason\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Waves($filter: WaveFilter, $first: Int, $after: String) {\n    waves(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields @unmask\n      }\n      edges {\n        node {\n          id\n          name\n          audience\n          status\n          opensAt\n          closesAt\n          invited\n          responded\n          responseRate\n          summary {\n            nps\n            suppressed\n            hiddenReason\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;