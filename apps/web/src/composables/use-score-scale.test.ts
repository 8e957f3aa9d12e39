import { describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { scaleTarget, useScoreScale } from './use-score-scale';
import ScoreScale from '../components/ScoreScale.vue';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({
  key: k,
  preventDefault: vi.fn(),
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...extra,
});

describe('scaleTarget', () => {
  it('moves by one with the arrow keys, wrapping at the ends', () => {
    expect(scaleTarget('ArrowRight', 3, 0, 10)).toBe(4);
    expect(scaleTarget('ArrowDown', 3, 0, 10)).toBe(4);
    expect(scaleTarget('ArrowLeft', 3, 0, 10)).toBe(2);
    expect(scaleTarget('ArrowUp', 3, 0, 10)).toBe(2);
    expect(scaleTarget('ArrowRight', 10, 0, 10)).toBe(0);
    expect(scaleTarget('ArrowLeft', 0, 0, 10)).toBe(10);
    expect(scaleTarget('ArrowRight', 5, 1, 5)).toBe(1);
  });

  it('jumps to the ends with Home and End', () => {
    expect(scaleTarget('Home', 7, 0, 10)).toBe(0);
    expect(scaleTarget('End', 2, 1, 5)).toBe(5);
  });

  it('starts at an end when nothing is chosen', () => {
    expect(scaleTarget('ArrowRight', null, 0, 10)).toBe(0);
    expect(scaleTarget('ArrowLeft', null, 0, 10)).toBe(10);
  });

  it('leaves other keys alone', () => {
    expect(scaleTarget('Tab', 3, 0, 10)).toBeNull();
    expect(scaleTarget('a', 3, 0, 10)).toBeNull();
  });
});

describe('useScoreScale', () => {
  it('has one tab stop: the checked value, else the first', () => {
    const model = ref<number | null>(null);
    const scale = useScoreScale({ min: 0, max: 10, model });
    expect(scale.values.value).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scale.values.value.filter((v) => scale.tabIndex(v) === 0)).toEqual([0]);
    model.value = 7;
    expect(scale.values.value.filter((v) => scale.tabIndex(v) === 0)).toEqual([7]);
    expect(scale.isChecked(7)).toBe(true);
    expect(scale.isChecked(6)).toBe(false);
  });

  it('checks and focuses the value an arrow key moves to', () => {
    const model = ref<number | null>(null);
    const scale = useScoreScale({ min: 0, max: 10, model });
    const focused: number[] = [];
    for (const v of scale.values.value) scale.register(v, { focus: () => focused.push(v) });

    const right = key('ArrowRight');
    scale.onKeydown(right, 0);
    expect(model.value).toBe(1);
    expect(focused).toEqual([1]);
    expect(right.preventDefault).toHaveBeenCalled();

    scale.onKeydown(key('End'), 1);
    expect(model.value).toBe(10);
    scale.onKeydown(key('ArrowRight'), 10);
    expect(model.value).toBe(0);
    expect(focused).toEqual([1, 10, 0]);
  });

  it('checks the focused value with Space or Enter, and ignores modified keys', () => {
    const model = ref<number | null>(null);
    const scale = useScoreScale({ min: 1, max: 5, model });
    const space = key(' ');
    scale.onKeydown(space, 3);
    expect(model.value).toBe(3);
    expect(space.preventDefault).toHaveBeenCalled();
    scale.onKeydown(key('Enter'), 4);
    expect(model.value).toBe(4);
    const ctrl = key('ArrowRight', { ctrlKey: true });
    scale.onKeydown(ctrl, 4);
    expect(model.value).toBe(4);
    expect(ctrl.preventDefault).not.toHaveBeenCalled();
    scale.onKeydown(key('Tab'), 4);
    expect(model.value).toBe(4);
  });

  it('never selects outside the scale', () => {
    const model = ref<number | null>(2);
    const scale = useScoreScale({ min: 1, max: 5, model });
    scale.select(0);
    scale.select(6);
    expect(model.value).toBe(2);
  });

  it('forgets a button that is unmounted', () => {
    const model = ref<number | null>(null);
    const scale = useScoreScale({ min: 0, max: 2, model });
    const focus = vi.fn();
    scale.register(1, { focus });
    scale.register(1, null);
    scale.onKeydown(key('ArrowRight'), 0);
    expect(model.value).toBe(1);
    expect(focus).not.toHaveBeenCalled();
  });
});

describe('ScoreScale', () => {
  const mountScale = (props: Record<string, unknown> = {}) =>
    mount(ScoreScale, {
      props: { min: 0, max: 10, labelledby: 'q', lowLabel: '0 – not at all likely', highLabel: '10 – extremely likely', modelValue: null, ...props },
      attachTo: document.body,
    });

  it('is a radio group of eleven radios whose ends say what they mean', () => {
    const wrapper = mountScale();
    const group = wrapper.get('[role="radiogroup"]');
    expect(group.attributes('aria-labelledby')).toBe('q');
    const radios = wrapper.findAll('[role="radio"]');
    expect(radios.map((r) => r.text())).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(radios[0]!.attributes('aria-label')).toBe('0 – not at all likely');
    expect(radios[10]!.attributes('aria-label')).toBe('10 – extremely likely');
    expect(radios[5]!.attributes('aria-label')).toBeUndefined();
    expect(radios.every((r) => r.attributes('aria-checked') === 'false')).toBe(true);
    expect(radios.map((r) => r.attributes('tabindex'))).toEqual(['0', ...Array(10).fill('-1')]);
    wrapper.unmount();
  });

  it('answers with the keyboard: arrows move and check, focus follows', async () => {
    const wrapper = mountScale();
    const radios = () => wrapper.findAll('[role="radio"]');
    (radios()[0]!.element as HTMLElement).focus();
    for (let i = 0; i < 3; i += 1) {
      const focused = document.activeElement as HTMLElement;
      focused.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await wrapper.setProps({ modelValue: (wrapper.emitted('update:modelValue')?.at(-1)?.[0] as number) ?? null } as never);
      await nextTick();
    }
    expect(wrapper.emitted('update:modelValue')!.map((e) => e[0])).toEqual([1, 2, 3]);
    expect(document.activeElement?.textContent?.trim()).toBe('3');
    expect(radios()[3]!.attributes('aria-checked')).toBe('true');
    expect(radios()[3]!.attributes('tabindex')).toBe('0');
    wrapper.unmount();
  });

  it('checks a value on click', async () => {
    const wrapper = mountScale({ min: 1, max: 5, lowLabel: '1 – very poor', highLabel: '5 – excellent' });
    await wrapper.findAll('[role="radio"]')[4]!.trigger('click');
    expect(wrapper.emitted('update:modelValue')).toEqual([[5]]);
    wrapper.unmount();
  });
});
