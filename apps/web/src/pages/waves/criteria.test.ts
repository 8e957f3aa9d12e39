import { describe, expect, it } from 'vitest';
import { criterionKey, criterionLabel } from './criteria';

describe('criteria', () => {
  it('derives a key from words in any of the five languages', () => {
    expect(criterionKey('Delivery speed')).toBe('delivery_speed');
    expect(criterionKey('Szybkość dostaw')).toBe('szybkosc_dostaw');
    expect(criterionKey('Kvalitet på levering')).toBe('kvalitet_pa_levering');
    expect(criterionKey('  12 Hours ')).toBe('hours');
    expect(criterionKey('x'.repeat(60))).toHaveLength(40);
  });

  it('shows a label, never the raw key', () => {
    const t = (key: string) => `<${key}>`;
    expect(criterionLabel('delivery', t)).toBe('<waves.criteria.delivery>');
    expect(criterionLabel('delivery_speed', t)).toBe('Delivery speed');
    expect(criterionLabel(null, t)).toBe('');
  });
});
