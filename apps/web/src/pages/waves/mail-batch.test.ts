import { describe, expect, it } from 'vitest';
import { isRunning, sentPercent, unsentOf } from './mail-batch';

const batch = (state: 'QUEUED' | 'SENDING' | 'RETRYING' | 'DONE', total: number, sent: number, failed = 0, bounced = 0) => ({ state, total, sent, failed, bounced });

describe('a wave mail batch', () => {
  it('runs until it is done', () => {
    expect(isRunning('QUEUED')).toBe(true);
    expect(isRunning('SENDING')).toBe(true);
    expect(isRunning('RETRYING')).toBe(true);
    expect(isRunning('DONE')).toBe(false);
  });

  it('fills its bar by the mails sent, full only when every one is', () => {
    expect(sentPercent(batch('QUEUED', 100_000, 0))).toBe(0);
    expect(sentPercent(batch('SENDING', 100_000, 1_234))).toBe(1);
    expect(sentPercent(batch('SENDING', 1_000, 999))).toBe(99);
    expect(sentPercent(batch('DONE', 3_000, 3_000))).toBe(100);
    // Failed mails are not sent: the bar stays short of full.
    expect(sentPercent(batch('DONE', 3, 0, 3))).toBe(0);
  });

  it('is full when done with nothing to send, empty while it waits', () => {
    expect(sentPercent(batch('DONE', 0, 0))).toBe(100);
    expect(sentPercent(batch('QUEUED', 0, 0))).toBe(0);
  });

  it('counts failed and bounced mails as not sent', () => {
    expect(unsentOf(batch('DONE', 10, 7, 2, 1))).toBe(3);
  });
});
