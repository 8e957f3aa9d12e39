import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { IMPORTERS } from '../../kernel/policies.js';
import { ImportJobType } from './import-job.types.js';
import { getImportJob } from './import-jobs.js';

/** An import job's progress, for the user or API client who started it (startContactImport, startRosterImport). */
@Resolver(() => ImportJobType)
export class ImportJobResolver {
  @Authorized(...IMPORTERS)
  @Query(() => ImportJobType, { description: 'One of your import jobs, to poll while it runs. NOT_FOUND for anyone else’s, like an unknown id.' })
  importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getImportJob(ctx, id);
  }
}
