import { describe, expect, it } from 'vitest';
import { redactPath } from './request-id.js';

describe('redactPath', () => {
  it('keeps respondent tokens out of the access log', () => {
    expect(redactPath('/s/AbC_d-123')).toBe('/s/[token]');
    expect(redactPath('/unsubscribe/AbC_d-123')).toBe('/unsubscribe/[token]');
    expect(redactPath('/graphql')).toBe('/graphql');
    expect(redactPath('/settings/s/x')).toBe('/settings/s/x');
  });
});
