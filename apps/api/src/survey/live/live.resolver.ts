import { Arg, Authorized, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { FOLLOW_UP_READERS, RESPONSE_READERS } from '../../kernel/policies.js';
import { FollowUpType } from '../follow-ups/follow-up.types.js';
import { ResponseType } from '../responses/response.types.js';
import { liveFollowUps, liveResponses } from './live.service.js';

/**
 * Subscriptions over graphql-ws on /graphql (http/subscriptions.ts). The rule is checked when the
 * subscription starts: refused, the subscriber gets an error and no stream. What streams is read
 * like the matching query: responses as `responses`, follow-ups as `followUps`.
 */
@Resolver()
export class LiveResolver {
  @Authorized(...RESPONSE_READERS)
  @Subscription(() => ResponseType, {
    description:
      'Each identified response as it is submitted (employee answers never), optionally of one wave. ' +
      'A manager receives the responses of the contacts they own.',
    subscribe: ({ args, context }) => liveResponses(context as Context, (args as { waveId?: string | null }).waveId ?? null),
  })
  responseCreated(@Root() response: ResponseType, @Arg('waveId', () => ID, { nullable: true }) _waveId: string | null): ResponseType {
    return response;
  }

  @Authorized(...FOLLOW_UP_READERS)
  @Subscription(() => FollowUpType, {
    description: "Each detractor's follow-up as it is opened. A manager receives their own.",
    subscribe: ({ context }) => liveFollowUps(context as Context, 'followup.created'),
  })
  followUpCreated(@Root() followUp: FollowUpType): FollowUpType {
    return followUp;
  }

  @Authorized(...FOLLOW_UP_READERS)
  @Subscription(() => FollowUpType, {
    description: 'Each follow-up as it passes its due time unresolved (and is escalated). A manager receives their own.',
    subscribe: ({ context }) => liveFollowUps(context as Context, 'followup.overdue'),
  })
  followUpOverdue(@Root() followUp: FollowUpType): FollowUpType {
    return followUp;
  }
}
