import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context.js';
import { ACCOUNT_HOLDERS } from '../../kernel/policies.js';
import { listNotifications, markNotificationsRead, myNotificationPreferences, updateNotificationPreferences } from './notification.service.js';
import { NotificationConnection, NotificationPreferencesInput, NotificationPreferencesType } from './notification.types.js';

@Resolver()
export class NotificationResolver {
  @Authorized(...ACCOUNT_HOLDERS)
  @Query(() => NotificationConnection, { description: "The caller's notifications, newest first" })
  notifications(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return listNotifications(ctx, { first, after }, unreadOnly === true);
  }

  @Authorized(...ACCOUNT_HOLDERS)
  @Mutation(() => Int, { description: "Marks the caller's notifications read (the ids, or all: true); answers how many were unread" })
  markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null,
    @Arg('all', () => Boolean, { nullable: true }) all: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return markNotificationsRead(ctx, ids, all);
  }

  @Authorized(...ACCOUNT_HOLDERS)
  @Query(() => NotificationPreferencesType, { description: 'Which mails the caller gets, digest frequency, language' })
  myNotificationPreferences(@Ctx() ctx: Context) {
    return myNotificationPreferences(ctx);
  }

  @Authorized(...ACCOUNT_HOLDERS)
  @Mutation(() => NotificationPreferencesType, { description: "Changes the caller's notification preferences" })
  updateNotificationPreferences(@Arg('input', () => NotificationPreferencesInput) input: NotificationPreferencesInput, @Ctx() ctx: Context) {
    return updateNotificationPreferences(ctx, input);
  }
}
