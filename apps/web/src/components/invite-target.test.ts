import { describe, expect, it } from 'vitest';
import { targetOf, type InviteChoice } from './invite-target';

const choice = (patch: Partial<InviteChoice>): InviteChoice => ({ who: '', contactIds: [], orgUnitIds: [], ownerIds: [], segment: '', ...patch });

describe('targetOf', () => {
  it('names nobody until the user has chosen', () => {
    expect(targetOf(choice({}))).toBeNull();
    expect(targetOf(choice({ who: 'chosen' }))).toBeNull();
    expect(targetOf(choice({ who: 'units' }))).toBeNull();
    expect(targetOf(choice({ who: 'segment' }))).toBeNull();
    expect(targetOf(choice({ who: 'owners' }))).toBeNull();
  });

  it('builds the target of each choice, and everyone only as an explicit all', () => {
    expect(targetOf(choice({ who: 'chosen', contactIds: ['a', 'b'] }))).toEqual({ contactIds: ['a', 'b'] });
    expect(targetOf(choice({ who: 'units', orgUnitIds: ['u'] }))).toEqual({ orgUnitIds: ['u'] });
    expect(targetOf(choice({ who: 'segment', segment: 'DETRACTORS' }))).toEqual({ segment: 'DETRACTORS' });
    expect(targetOf(choice({ who: 'owners', ownerIds: ['m'] }))).toEqual({ ownerIds: ['m'] });
    expect(targetOf(choice({ who: 'all', contactIds: ['ignored'] }))).toEqual({ all: true });
  });
});
