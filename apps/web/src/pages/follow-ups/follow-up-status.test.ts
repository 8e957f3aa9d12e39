import { describe, expect, it } from 'vitest';
import { nextStatuses } from './follow-up-status';

describe('nextStatuses', () => {
  it('moves only forward', () => {
    expect(nextStatuses('OPEN')).toEqual(['CONTACTED', 'RESOLVED']);
    expect(nextStatuses('CONTACTED')).toEqual(['RESOLVED']);
    expect(nextStatuses('RESOLVED')).toEqual([]);
  });
});
