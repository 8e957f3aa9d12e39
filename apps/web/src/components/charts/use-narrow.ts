import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** True on a narrow screen (a phone held upright), following the window as it changes. */
export function useNarrow(query = '(max-width: 36rem)'): Ref<boolean> {
  const narrow = ref(false);
  let list: MediaQueryList | null = null;
  const update = () => {
    narrow.value = !!list?.matches;
  };
  onMounted(() => {
    if (typeof window === 'undefined' || !window.matchMedia) return;
    list = window.matchMedia(query);
    update();
    list.addEventListener('change', update);
  });
  onBeforeUnmount(() => list?.removeEventListener('change', update));
  return narrow;
}
