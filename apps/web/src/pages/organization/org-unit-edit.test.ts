import { describe, expect, it } from 'vitest';
import { unitsBelow } from './org-unit-edit';

describe('unitsBelow', () => {
  const units = [
    { id: 'a', name: 'A', parent: null },
    { id: 'b', name: 'B', parent: { id: 'a' } },
    { id: 'c', name: 'C', parent: { id: 'b' } },
    { id: 'd', name: 'D', parent: null },
  ];
  it('is the unit and its whole subtree', () => {
    expect([...unitsBelow(units, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect([...unitsBelow(units, 'c')]).toEqual(['c']);
    expect([...unitsBelow(units, 'd')]).toEqual(['d']);
  });
  it('ends on a cycle in bad data', () => {
    const cyclic = [
      { id: 'x', name: 'X', parent: { id: 'y' } },
      { id: 'y', name: 'Y', parent: { id: 'x' } },
    ];
    expect([...unitsBelow(cyclic, 'x')].sort()).toEqual(['x', 'y']);
  });
});
