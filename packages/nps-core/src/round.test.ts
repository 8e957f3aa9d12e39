import { describe, expect, it } from 'vitest';
import { round } from './round.js';

describe('round', () => {
  it.each([
    [43.35560740749909, 1, 43.4],
    [-12.586376638268323, 1, -12.6],
    [1.005, 2, 1.01],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [40, 2, 40],
    [1e-7, 3, 0],
    [-0.0001, 1, 0],
    [1.23456789e-5, 6, 0.000012],
  ])('round(%d, %d) = %d', (x, digits, expected) => {
    expect(Object.is(round(x, digits), expected)).toBe(true);
  });

  it('defaults to 0 digits, passes null and non-finite values through', () => {
    expect(round(79.5)).toBe(80);
    expect(round(null, 1)).toBeNull();
    expect(round(NaN, 1)).toBeNaN();
    expect(round(Infinity)).toBe(Infinity);
  });

  it('rejects bad digits', () => {
    expect(() => round(1, -1)).toThrow(RangeError);
    expect(() => round(1, 1.5)).toThrow(RangeError);
  });
});
