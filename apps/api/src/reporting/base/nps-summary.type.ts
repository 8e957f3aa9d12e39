import { Field, Float, Int, ObjectType } from 'type-graphql';
import { summarize, type BandDefinition, type NpsCounts } from '@tandem/nps-core';

/**
 * NPS with its adjusted-Wald 95 % interval and band. When `suppressed` is true (an employee group
 * below the anonymity threshold), every number is null.
 */
// simpleResolvers: plain values read as they are (graphql's default resolver), without type-graphql's
// wrapper per field; `band` keeps its resolver (NpsBandResolver).
@ObjectType('NpsSummary', { simpleResolvers: true })
export class NpsSummary {
  @Field(() => Int, { nullable: true })
  responses: number | null;

  @Field(() => Int, { nullable: true })
  promoters: number | null;

  @Field(() => Int, { nullable: true })
  passives: number | null;

  @Field(() => Int, { nullable: true })
  detractors: number | null;

  @Field(() => Float, { nullable: true, description: 'Null when suppressed or when there are no responses' })
  nps: number | null;

  @Field(() => Float, { nullable: true, description: 'Half-width of the 95 % adjusted-Wald interval, in NPS points' })
  marginOfError: number | null;

  @Field(() => Float, { nullable: true })
  ciLow: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh: number | null;

  @Field(() => String, { nullable: true, description: 'needs_work, good, great or excellent (organization bands)' })
  band: string | null;

  @Field(() => Boolean)
  suppressed: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Employee results, when suppressed: THRESHOLD (fewer than k answers), PROTECTS_SMALLER (shown, it would let a smaller hidden group be derived) or NOT_RELEASED (the wave still runs: only participation is shown). Never how small.',
  })
  hiddenReason: string | null;

  /**
   * Not in the schema: true when `band` was computed with the organization's bands (`of` given
   * them), so NpsBandResolver answers it as it is instead of reading the bands for this summary.
   */
  withOrganizationBands?: boolean;

  /**
   * The numbers of nps-core for these counts; population applies the finite population correction.
   * `bands`: the organization's (analytics/organization-bands.ts), never others: the band is then final.
   */
  static of(counts: NpsCounts, options: { population?: number; bands?: BandDefinition } = {}): NpsSummary {
    const s = summarize(counts, options);
    return Object.assign(new NpsSummary(), {
      withOrganizationBands: options.bands !== undefined,
      responses: s.responses,
      promoters: s.promoters,
      passives: s.passives,
      detractors: s.detractors,
      nps: s.nps,
      marginOfError: s.marginOfError,
      ciLow: s.ciLow,
      ciHigh: s.ciHigh,
      band: s.band,
      suppressed: false,
      hiddenReason: null,
    });
  }

  static suppressed(hiddenReason: string | null = null): NpsSummary {
    return Object.assign(new NpsSummary(), {
      responses: null,
      promoters: null,
      passives: null,
      detractors: null,
      nps: null,
      marginOfError: null,
      ciLow: null,
      ciHigh: null,
      band: null,
      suppressed: true,
      hiddenReason,
    });
  }
}
