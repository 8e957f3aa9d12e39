import { describe, expect, it } from 'vitest';
import { badgeText, badgesOf } from './use-nav-counts';

describe('nav badges', () => {
  it('keeps only items with something waiting, by item', () => {
    const badges = badgesOf([
      { item: 'follow-ups', count: 4, urgent: 1 },
      { item: 'themes', count: 0, urgent: 0 },
    ]);
    expect([...badges.keys()]).toEqual(['follow-ups']);
    expect(badges.get('follow-ups')).toEqual({ count: 4, urgent: 1 });
  });

  it('caps the text at 99+', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});
