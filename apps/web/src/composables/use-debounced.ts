import { getCurrentScope, onScopeDispose, ref, watch, type Ref } from 'vue';

/**
 * A copy of `source` that follows it once it has been still for `delayMs` (for a search box that
 * should not query on every keystroke). `flush()` makes it follow at once.
 */
export function useDebounced<T>(source: Ref<T>, delayMs = 300): { value: Readonly<Ref<T>>; flush(): void } {
  const value = ref(source.value) as Ref<T>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    value.value = source.value;
  };
  watch(source, () => {
    clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  if (getCurrentScope()) onScopeDispose(() => clearTimeout(timer));
  return { value, flush };
}
