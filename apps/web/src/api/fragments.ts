import { graphql } from '../gql';

// Selections that many operations repeat, written once. Operations spread them with `@unmask`
// (codegen.ts: customDirectives.apolloUnmask), so their fields stay in the operation's own result
// type, as if written out; Apollo removes the directive before the operation goes to the server.

/** An NPS summary's score, its 95 % interval and band, and whether (and why) it is hidden. */
export const NpsScoreFragment = graphql(`
  fragment NpsScore on NpsSummary {
    responses
    nps
    ciLow
    ciHigh
    marginOfError
    band
    suppressed
    hiddenReason
  }
`);

/** All of an NPS summary: the score with its interval, and the promoter / passive / detractor counts. */
export const NpsSummaryFieldsFragment = graphql(`
  fragment NpsSummaryFields on NpsSummary {
    ...NpsScore @unmask
    promoters
    passives
    detractors
  }
`);

/** Where a connection's page ends and whether another follows (for PagerNav and useCursorPages). */
export const PageInfoFieldsFragment = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);
