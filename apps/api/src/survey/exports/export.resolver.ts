import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { FOLLOW_UP_READERS, RESPONSE_READERS } from '../../kernel/policies.js';
import { FollowUpFilter } from '../follow-ups/follow-up.types.js';
import { ResponseFilter } from '../responses/response.types.js';
import { ExportJob } from './export.types.js';
import { getExport, startExport } from './export.service.js';

@Resolver(() => ExportJob)
export class ExportResolver {
  @Authorized(...RESPONSE_READERS)
  @Mutation(() => ExportJob, {
    description:
      'Export the identified responses a filter selects (as responses(filter) would list them, oldest first) as CSV (default) or NDJSON, written by a job. ' +
      'Poll exportJob(id); once DONE, GET its url with the same bearer token. A manager exports their own.',
  })
  async exportResponses(
    @Arg('filter', () => ResponseFilter, { nullable: true }) filter: ResponseFilter | null,
    @Arg('format', () => String, { nullable: true }) format: string | null,
    @Ctx() ctx: Context,
  ): Promise<ExportJob> {
    return ExportJob.from(await startExport(ctx, 'RESPONSES', filter, format), ctx.app.config.publicUrl);
  }

  @Authorized(...FOLLOW_UP_READERS)
  @Mutation(() => ExportJob, { description: 'Export the follow-ups a filter selects (oldest first) as CSV (default) or NDJSON; as exportResponses' })
  async exportFollowUps(
    @Arg('filter', () => FollowUpFilter, { nullable: true }) filter: FollowUpFilter | null,
    @Arg('format', () => String, { nullable: true }) format: string | null,
    @Ctx() ctx: Context,
  ): Promise<ExportJob> {
    return ExportJob.from(await startExport(ctx, 'FOLLOW_UPS', filter, format), ctx.app.config.publicUrl);
  }

  @Authorized(...RESPONSE_READERS)
  @Query(() => ExportJob, { description: 'One of your own exports (the same user or API client); NOT_FOUND otherwise' })
  async exportJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ExportJob> {
    return ExportJob.from(await getExport(ctx, id), ctx.app.config.publicUrl);
  }
}
