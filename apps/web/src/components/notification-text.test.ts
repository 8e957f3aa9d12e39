import { describe, expect, it } from 'vitest';
import { bellCount, excerpt, notificationHeadline } from './notification-text';

describe('notificationHeadline', () => {
  it('names the contact, the score and the wave of a follow-up assigned or escalated', () => {
    expect(notificationHeadline({ kind: 'FOLLOW_UP_ASSIGNED', contactName: 'Tomasz', score: 2, waveName: 'Q4' })).toEqual({
      key: 'notifications.assigned',
      values: { contact: 'Tomasz', score: 2, wave: 'Q4', owner: '' },
    });
    expect(notificationHeadline({ kind: 'FOLLOW_UP_ESCALATED', contactName: 'Tomasz', score: 0, waveName: 'Q4', ownerName: 'Marta' }).key).toBe('notifications.escalated');
  });

  it('has a line for a contact without a name and for a kind it does not know', () => {
    expect(notificationHeadline({ kind: 'FOLLOW_UP_ASSIGNED', contactName: '  ', score: null }).key).toBe('notifications.assignedSomeone');
    expect(notificationHeadline({ kind: 'FOLLOW_UP_ASSIGNED', contactName: null, score: null }).values.score).toBe('–');
    expect(notificationHeadline({ kind: 'FOLLOW_UP_ESCALATED' }).key).toBe('notifications.escalatedSomeone');
    expect(notificationHeadline({ kind: 'DIGEST' }).key).toBe('notifications.other');
  });

  it("thanks the user a promoter's answer names as who served them", () => {
    expect(notificationHeadline({ kind: 'THANK_YOU', contactName: 'Gus', score: 9 })).toEqual({
      key: 'notifications.thankYou',
      values: { contact: 'Gus', score: 9, wave: '', owner: '' },
    });
  });
});

describe('bellCount and excerpt', () => {
  it('caps the count at 99+', () => {
    expect(bellCount(7)).toBe('7');
    expect(bellCount(100)).toBe('99+');
  });

  it('shortens a long comment on a word, and leaves a short one', () => {
    expect(excerpt('  Late   again ')).toBe('Late again');
    expect(excerpt(null)).toBeNull();
    const long = 'word '.repeat(60);
    const short = excerpt(long, 40)!;
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(41);
    expect(short).not.toMatch(/wor…$/);
  });
});
