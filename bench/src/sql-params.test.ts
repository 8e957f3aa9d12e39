import { describe, expect, it } from 'vitest';
import { usedParams } from './sql-params.js';

describe('usedParams', () => {
  it('keeps the parameters a statement refers to, renumbered in their order', () => {
    expect(usedParams('SELECT $3::int + $1::int, $3::int, $10::text', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])).toEqual({
      text: 'SELECT $2::int + $1::int, $2::int, $3::text',
      values: ['a', 'c', 'j'],
    });
  });

  it('leaves a statement that uses every parameter as it is', () => {
    expect(usedParams('SELECT $1, $2', [1, 2])).toEqual({ text: 'SELECT $1, $2', values: [1, 2] });
  });

  it('refuses a statement that refers to a parameter it is not given', () => {
    expect(() => usedParams('SELECT $1, $3', [1, 2])).toThrow('refers to $3 but has 2 parameters');
  });
});
