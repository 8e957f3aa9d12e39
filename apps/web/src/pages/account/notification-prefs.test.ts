import { describe, expect, it } from 'vitest';
import { changesOf, formOf } from './notification-prefs';

const server = {
  mails: [
    { kind: 'FOLLOW_UP_ASSIGNED', enabled: true },
    { kind: 'FOLLOW_UP_ESCALATED', enabled: false },
  ],
  digestFrequency: 'WEEKLY',
  language: 'pl',
};

describe('notification preferences form', () => {
  it('starts from the server, every kind it does not list on', () => {
    expect(formOf(server)).toEqual({
      mails: { FOLLOW_UP_ASSIGNED: true, FOLLOW_UP_ESCALATED: false, DIGEST: true, TEAM_PACK: true, ACTION_REMINDER: true, PROGRAMME_NEWS: true },
      digestFrequency: 'WEEKLY',
      language: 'pl',
    });
  });

  it('sends only what changed', () => {
    const saved = formOf(server);
    expect(changesOf(saved, saved)).toEqual({});
    const form = { ...saved, mails: { ...saved.mails, FOLLOW_UP_ESCALATED: true, DIGEST: false }, language: 'da' };
    expect(changesOf(form, saved)).toEqual({
      mails: [
        { kind: 'FOLLOW_UP_ESCALATED', enabled: true },
        { kind: 'DIGEST', enabled: false },
      ],
      language: 'da',
    });
  });
});
