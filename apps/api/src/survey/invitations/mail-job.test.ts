import { describe, expect, it } from 'vitest';
import { describeError } from './mail-job.js';

describe('a failed mail as the wave page shows it', () => {
  it("keeps the server's words and code once, never a link or a file path of the server", () => {
    const enotdir = Object.assign(new Error("ENOTDIR: not a directory, open '/tmp/tandem-e2e-x/outbox/1a2b-invitation.eml.tmp'"), { code: 'ENOTDIR' });
    expect(describeError(enotdir)).toBe('ENOTDIR: not a directory, open [file]');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ECONNREFUSED' });
    expect(describeError(refused)).toBe('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:2525');
    expect(describeError(new Error('550 rejected http://localhost:4000/s/abcdef'))).toBe('550 rejected [link]');
    expect(describeError('x'.repeat(600))).toHaveLength(500);
  });
});
