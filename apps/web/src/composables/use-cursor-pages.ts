import { computed, ref, type ComputedRef, type Ref } from 'vue';

// Page-by-page browsing of a Relay connection: "next" follows pageInfo.endCursor, "previous"
// goes back to the cursor the current page started after.

export interface CursorPages {
  /** The `after` argument of the current page (null on the first page). */
  readonly after: Readonly<Ref<string | null>>;
  /** 1-based. */
  readonly page: ComputedRef<number>;
  readonly hasPrevious: ComputedRef<boolean>;
  next(endCursor: string | null | undefined): void;
  previous(): void;
  /** Back to the first page, for example when a filter changes. */
  reset(): void;
}

export function useCursorPages(): CursorPages {
  const after = ref<string | null>(null);
  const earlier = ref<(string | null)[]>([]);
  return {
    after,
    page: computed(() => earlier.value.length + 1),
    hasPrevious: computed(() => earlier.value.length > 0),
    next(endCursor) {
      if (!endCursor) return;
      earlier.value = [...earlier.value, after.value];
      after.value = endCursor;
    },
    previous() {
      if (earlier.value.length === 0) return;
      after.value = earlier.value[earlier.value.length - 1]!;
      earlier.value = earlier.value.slice(0, -1);
    },
    reset() {
      earlier.value = [];
      after.value = null;
    },
  };
}
