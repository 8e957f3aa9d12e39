import { describe, expect, it } from 'vitest';
import { actionsInput, draftOf, emptyAction, sharePercent } from './discussion-form';

describe('the discussion form', () => {
  it('starts today with no actions, or from the recorded discussion', () => {
    expect(draftOf(null, new Date('2026-12-06T10:00:00Z'))).toEqual({ heldOn: '2026-12-06', participants: null, notes: '', publish: false, actions: [] });
    expect(draftOf({ heldOn: '2026-12-01', participants: 5, notes: null, publish: true })).toMatchObject({ heldOn: '2026-12-01', participants: 5, notes: '', publish: true });
  });

  it('sends the actions filled in, blank rows left out', () => {
    expect(actionsInput([emptyAction('u1'), { title: 'Do it', description: ' ', ownerId: 'u1', dueOn: '2027-01-01' }, emptyAction()])).toEqual([
      { title: '', description: null, ownerId: 'u1', dueOn: '' },
      { title: 'Do it', description: null, ownerId: 'u1', dueOn: '2027-01-01' },
    ]);
  });

  it('shows a share as a percentage', () => {
    expect(sharePercent(null)).toBe('–');
    expect(sharePercent(2 / 3)).toBe('67 %');
  });
});
