import { describe, expect, it } from 'vitest';
import { TIME_ZONES, bandsFromForm, bandsToForm } from './settings-form';

describe('settings form', () => {
  it('shows the four named bands, the lowest fixed at -100', () => {
    const rows = bandsToForm([
      { key: 'needs_work', min: -100 },
      { key: 'good', min: 10 },
      { key: 'excellent', min: 60 },
    ]);
    expect(rows).toEqual([
      { key: 'needs_work', min: -100, fixed: true },
      { key: 'good', min: 10, fixed: false },
      { key: 'great', min: 30, fixed: false },
      { key: 'excellent', min: 60, fixed: false },
    ]);
    expect(bandsFromForm(rows)).toEqual([
      { key: 'needs_work', min: -100 },
      { key: 'good', min: 10 },
      { key: 'great', min: 30 },
      { key: 'excellent', min: 60 },
    ]);
  });

  it('offers UTC first and IANA zones', () => {
    expect(TIME_ZONES[0]).toBe('UTC');
    expect(TIME_ZONES).toContain('Europe/Warsaw');
  });
});
