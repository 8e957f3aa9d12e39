import { describe, expect, it } from 'vitest';
import { tooFewAnswers } from './few-answers';

describe('tooFewAnswers', () => {
  it('flags a point from 1 to minimum − 1 answers, not none and not enough', () => {
    expect(tooFewAnswers(2, 10)).toBe(true);
    expect(tooFewAnswers(9, 10)).toBe(true);
    expect(tooFewAnswers(10, 10)).toBe(false);
    expect(tooFewAnswers(0, 10)).toBe(false);
    expect(tooFewAnswers(null, 10)).toBe(false);
    expect(tooFewAnswers(5, null)).toBe(false);
  });
});
