import { computed, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue';

// The keyboard and focus logic of a score scale shown as a radio group (WAI-ARIA "radio group"
// pattern): one tab stop (the checked button, else the first); arrow keys move to the next or
// previous value and check it, wrapping at the ends; Home and End jump to the ends; Space and
// Enter check the focused value.

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

/** The value a key moves to from `current`, or null when the key is not one the scale handles. */
export function scaleTarget(key: string, current: number | null, min: number, max: number): number | null {
  const from = current ?? min;
  if (NEXT.has(key)) return current === null ? min : from >= max ? min : from + 1;
  if (PREVIOUS.has(key)) return current === null ? max : from <= min ? max : from - 1;
  if (key === 'Home') return min;
  if (key === 'End') return max;
  return null;
}

export interface ScoreScaleOptions {
  min: MaybeRefOrGetter<number>;
  max: MaybeRefOrGetter<number>;
  /** The checked value, null when none is. */
  model: Ref<number | null>;
}

export interface ScoreScale {
  readonly values: ComputedRef<number[]>;
  /** 0 for the one button in the tab order, -1 for the others. */
  tabIndex(value: number): 0 | -1;
  isChecked(value: number): boolean;
  select(value: number): void;
  /** Keydown on the button of `value`. */
  onKeydown(event: Pick<KeyboardEvent, 'key' | 'preventDefault' | 'altKey' | 'ctrlKey' | 'metaKey'>, value: number): void;
  /** Template ref callback: `:ref="(el) => scale.register(value, el)"`. */
  register(value: number, element: unknown): void;
}

export function useScoreScale(options: ScoreScaleOptions): ScoreScale {
  const buttons = new Map<number, { focus(): void }>();
  const min = () => toValue(options.min);
  const max = () => toValue(options.max);
  const values = computed(() => Array.from({ length: max() - min() + 1 }, (_, i) => min() + i));

  const select = (value: number) => {
    if (value >= min() && value <= max()) options.model.value = value;
  };

  return {
    values,
    tabIndex: (value) => (value === (options.model.value ?? min()) ? 0 : -1),
    isChecked: (value) => options.model.value === value,
    select,
    onKeydown(event, value) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        select(value);
        return;
      }
      const target = scaleTarget(event.key, value, min(), max());
      if (target === null) return;
      event.preventDefault();
      select(target);
      buttons.get(target)?.focus();
    },
    register(value, element) {
      if (element && typeof (element as { focus?: unknown }).focus === 'function') buttons.set(value, element as { focus(): void });
      else buttons.delete(value);
    },
  };
}
