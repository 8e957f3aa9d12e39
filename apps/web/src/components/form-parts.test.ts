import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../app/i18n';
import { useCursorPages } from '../composables/use-cursor-pages';
import FormField from './FormField.vue';
import ListState from './ListState.vue';
import PagerNav from './PagerNav.vue';

// The shared pieces of the forms and list pages: a field's label, hint and error wiring, a list's
// loading / empty / error states, and the pager driving the cursors.

const global = { plugins: [createAppI18n('en')] };
const field = (props: Record<string, unknown>) =>
  mount(FormField, { props: { label: 'Email', ...props }, slots: { default: (control: object) => h('input', { ...control, type: 'email' }) }, global });

describe('FormField', () => {
  it('labels the control, with no error wiring while the field is fine', () => {
    const wrapper = field({});
    const input = wrapper.get('input');
    expect(wrapper.get('label').attributes('for')).toBe(input.attributes('id'));
    expect(input.attributes('id')).toBeTruthy();
    expect(input.attributes('aria-invalid')).toBeUndefined();
    expect(input.attributes('aria-describedby')).toBeUndefined();
    expect(wrapper.find('[role=alert]').exists()).toBe(false);
  });

  it('the page’s own message: invalid, described by and announced', () => {
    const wrapper = field({ id: 'f-email', message: 'Enter an email address.' });
    const input = wrapper.get('input');
    expect(input.attributes('id')).toBe('f-email');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toBe('f-email-error');
    const error = wrapper.get('#f-email-error');
    expect(error.text()).toBe('Enter an email address.');
    expect(error.attributes('role')).toBe('alert');
    expect(error.classes()).toContain('field-error');
  });

  it('the server’s error for the field, in words; the message wins over it', () => {
    const error = { code: 'BAD_USER_INPUT', field: 'email', message: 'bad' } as const;
    const server = field({ id: 'f', error });
    expect(server.get('#f-error').text()).toContain('“Email”');
    expect(server.get('#f-error').attributes('role')).toBe('alert');
    expect(server.get('input').attributes('aria-invalid')).toBe('true');
    const both = field({ id: 'f', error, message: 'Mine.' });
    expect(both.findAll('[role=alert]').map((x) => x.text())).toEqual(['Mine.']);
  });

  it('a hint is described by, before the error', () => {
    const wrapper = field({ id: 'f', hint: 'Work address.', message: 'Required.' });
    expect(wrapper.get('#f-hint').text()).toBe('Work address.');
    expect(wrapper.get('input').attributes('aria-describedby')).toBe('f-hint f-error');
    expect(wrapper.findAll('p').map((p) => p.attributes('id'))).toEqual(['f-hint', 'f-error']);
  });

  it('invalid without a message here, when the error stands under a group', () => {
    const wrapper = field({ invalid: true });
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('input').attributes('aria-describedby')).toBeUndefined();
  });

  it('passes a class to its field, and gives fields ids of their own', () => {
    const two = mount(
      defineComponent({
        components: { FormField },
        template: `<FormField v-slot="f" class="field-span" label="A"><input v-bind="f" /></FormField><FormField v-slot="f" label="B"><input v-bind="f" /></FormField>`,
      }),
      { global },
    );
    const [a, b] = two.findAll('.field');
    expect(a!.classes()).toEqual(['field', 'field-span']);
    expect(a!.get('input').attributes('id')).not.toBe(b!.get('input').attributes('id'));
  });
});

describe('ListState', () => {
  const state = (props: Record<string, unknown>) =>
    mount(ListState, { props: { error: null, loading: false, count: 0, empty: 'No contacts yet.', ...props }, slots: { default: '<ul class="rows"></ul>' }, global });

  it('loading before the first rows, then the rows', () => {
    expect(state({ loading: true }).text()).toBe('Loading…');
    const rows = state({ loading: true, count: 3 });
    expect(rows.find('.rows').exists()).toBe(true);
    expect(rows.text()).not.toContain('Loading');
  });

  it('the empty sentence when there are none', () => {
    const wrapper = state({});
    expect(wrapper.get('.empty').text()).toBe('No contacts yet.');
    expect(wrapper.find('.rows').exists()).toBe(false);
  });

  it('an error instead of the empty sentence, announced', () => {
    const wrapper = state({ error: { code: 'FORBIDDEN', message: 'no' } });
    expect(wrapper.get('[role=alert]').classes()).toContain('alert-error');
    expect(wrapper.find('.empty').exists()).toBe(false);
  });
});

describe('PagerNav', () => {
  const pager = () => {
    let pages!: ReturnType<typeof useCursorPages>;
    const pageInfo = ref({ hasNextPage: true, endCursor: 'c1' as string | null });
    const wrapper = mount(
      defineComponent({
        setup() {
          pages = useCursorPages();
          return () => h(PagerNav, { pages, pageInfo: pageInfo.value, label: 'Contact pages' });
        },
      }),
      { global },
    );
    return { wrapper, pages: () => pages, pageInfo };
  };

  it('hidden when there is one page only', () => {
    const { wrapper, pageInfo } = pager();
    pageInfo.value = { hasNextPage: false, endCursor: null };
    return wrapper.vm.$nextTick().then(() => expect(wrapper.find('nav').exists()).toBe(false));
  });

  it('next follows the end cursor, previous goes back', async () => {
    const { wrapper, pages } = pager();
    const [previous, next] = wrapper.findAll('button');
    expect(wrapper.get('nav').attributes('aria-label')).toBe('Contact pages');
    expect(previous!.attributes('disabled')).toBeDefined();
    await next!.trigger('click');
    expect(pages().after.value).toBe('c1');
    expect(wrapper.get('.pager-where').text()).toBe('Page 2');
    await wrapper.findAll('button')[0]!.trigger('click');
    expect(pages().after.value).toBeNull();
    expect(wrapper.get('.pager-where').text()).toBe('Page 1');
  });
});
