import { describe, expect, it } from 'vitest';
import { canLogImprovements } from './improvement-status';

describe('improvement moves', () => {
  it('lets CX, HR, managers and admins log improvements, not leaders', () => {
    expect(canLogImprovements(['LEADER'])).toBe(false);
    expect(canLogImprovements(['HR'])).toBe(true);
  });
});
