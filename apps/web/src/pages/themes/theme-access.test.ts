import { describe, expect, it } from 'vitest';
import { resultAudiences, themeTabsFor } from './theme-access';

describe('the themes page by role', () => {
  it('gives the tagging queue to CX, ADMIN and managers only', () => {
    expect(themeTabsFor(['CX'])).toEqual(['queue', 'results', 'catalogue']);
    expect(themeTabsFor(['MANAGER'])).toEqual(['queue', 'results', 'catalogue']);
    expect(themeTabsFor(['HR'])).toEqual(['results', 'catalogue']);
  });
  it('reads employee theme results only with the right to employee results', () => {
    expect(resultAudiences(['HR'])).toEqual(['EMPLOYEE']);
    expect(resultAudiences(['CX'])).toEqual(['CUSTOMER', 'CANDIDATE', 'ASSOCIATE']);
    expect(resultAudiences(['ADMIN'])).toEqual(['CUSTOMER', 'CANDIDATE', 'ASSOCIATE', 'EMPLOYEE']);
  });
});
