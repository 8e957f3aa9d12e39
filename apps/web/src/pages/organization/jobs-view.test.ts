import { describe, expect, it } from 'vitest';
import { formatDuration, queueHealth, queueLabelKey } from './jobs-view';

describe('jobs page', () => {
  it('names the queues it knows and leaves others as they are', () => {
    expect(queueLabelKey('notifications.mail')).toBe('jobs.queues.notifications_mail');
    expect(queueLabelKey('events.follow-up-alerts')).toBe('jobs.queues.events_follow_up_alerts');
    expect(queueLabelKey('webhooks.send')).toBeNull();
  });

  it('reads durations at a glance', () => {
    expect(formatDuration(null, 'en')).toBe('–');
    expect(formatDuration(42.4, 'en')).toBe('42 ms');
    expect(formatDuration(3400, 'en')).toBe('3.4 s');
    expect(formatDuration(3400, 'pl')).toBe('3,4 s');
    expect(formatDuration(150_000, 'en')).toBe('2.5 min');
    expect(formatDuration(4_320_000, 'en')).toBe('1.2 h');
  });

  it('flags a queue with failures, or one that waits long', () => {
    expect(queueHealth({ deadLettered: 0, failedLastHour: 0, retrying: 0, waitP95Ms: 200 })).toBe('ok');
    expect(queueHealth({ deadLettered: 0, failedLastHour: 0, retrying: 2 })).toBe('warn');
    expect(queueHealth({ deadLettered: 0, failedLastHour: 0, retrying: 0, waitP95Ms: 120_000 })).toBe('warn');
    expect(queueHealth({ deadLettered: 1, failedLastHour: 0, retrying: 0 })).toBe('bad');
  });
});
