import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { useDebounced } from './use-debounced';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useDebounced', () => {
  it('follows the source once it has been still for the delay', async () => {
    const source = ref('a');
    const { value } = useDebounced(source, 300);
    source.value = 'ab';
    await nextTick();
    vi.advanceTimersByTime(200);
    source.value = 'abc';
    await nextTick();
    vi.advanceTimersByTime(200);
    expect(value.value).toBe('a');
    vi.advanceTimersByTime(100);
    expect(value.value).toBe('abc');
  });

  it('follows at once on flush', async () => {
    const source = ref(1);
    const debounced = useDebounced(source, 300);
    source.value = 2;
    await nextTick();
    debounced.flush();
    expect(debounced.value.value).toBe(2);
    vi.advanceTimersByTime(1000);
    expect(debounced.value.value).toBe(2);
  });
});
