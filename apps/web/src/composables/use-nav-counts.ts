import { computed, watch, type ComputedRef } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { useRoute } from 'vue-router';
import { graphql } from '../gql';
import { useAuth } from './use-auth';

// The menu's badges: what waits for the signed-in user, per menu item, from one navCounts query
// (the server decides which counts a user gets; a new count needs no change here). Read again
// on every page change and once a minute.

const NavCountsQuery = graphql(`
  query NavCounts {
    navCounts {
      item
      count
      urgent
    }
  }
`);

export interface NavBadge {
  count: number;
  urgent: number;
}

/** Badges by menu item (route name); items with nothing waiting are left out. */
export function badgesOf(counts: readonly { item: string; count: number; urgent: number }[]): Map<string, NavBadge> {
  return new Map(counts.filter((c) => c.count > 0).map((c) => [c.item, { count: c.count, urgent: c.urgent }]));
}

/** A badge's text: 99+ above 99, so a menu item keeps its width. */
export const badgeText = (count: number) => (count > 99 ? '99+' : String(count));

export function useNavCounts(): ComputedRef<Map<string, NavBadge>> {
  const route = useRoute();
  const auth = useAuth();
  const { result, refetch } = useQuery(NavCountsQuery, null, () => ({
    pollInterval: 60_000,
    fetchPolicy: 'cache-and-network',
    enabled: !!auth.user.value,
  }));
  // A refetch still in flight when the session ends is cut off by the store's reset: nothing to
  // report then (the query's own error state covers real failures), so its rejection is dropped.
  watch(
    () => route.path,
    () => void refetch()?.catch(() => undefined),
  );
  return computed(() => badgesOf(result.value?.navCounts ?? []));
}
