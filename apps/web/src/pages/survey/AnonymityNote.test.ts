import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { messages } from '../../app/i18n';
import { createRespondentI18n, type MessageTree } from './respondent-i18n';
import AnonymityNote from './AnonymityNote.vue';

// The respondent's "what is stored" note: what the answer keeps, and the roster's audit trail as
// counts per unit before the wave opened (issue 14) — never a name.

const note = (props: Record<string, unknown>, language = 'en') =>
  mount(AnonymityNote, { props: { threshold: 5, ...props }, global: { plugins: [createRespondentI18n(messages as unknown as Record<string, MessageTree>, language)] } });

describe('AnonymityNote', () => {
  it('lists arrivals per unit with their counts, and a unit-less arrival as "without a team"', () => {
    const wrapper = note({ arrivals: [{ unit: 'Alpha', count: 2 }, { unit: '', count: 1 }] });
    const block = wrapper.get('[data-testid=roster-arrivals]');
    expect(block.findAll('li').map((li) => li.text())).toEqual(['Alpha: 2', 'Without a team: 1']);
  });

  it('says nobody was added when the trail is empty, and shows no block for a survey without one', () => {
    expect(note({ arrivals: [] }).get('[data-testid=roster-arrivals]').text()).toContain('Nobody was added');
    expect(note({ arrivals: null }).find('[data-testid=roster-arrivals]').exists()).toBe(false);
  });

  it('no longer claims to keep the date of the answer', () => {
    const wrapper = note({ arrivals: [] }, 'pl');
    expect(wrapper.get('[data-testid=stored]').findAll('li')).toHaveLength(3);
    expect(wrapper.get('[data-testid=not-stored]').text()).toContain('Daty ani godziny');
  });
});
