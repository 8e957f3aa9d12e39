import { describe, expect, it } from 'vitest';
import { answerInput, surveyOutcome } from './survey';

describe('surveyOutcome', () => {
  const open = { alreadyAnswered: false, closed: false };
  it('shows the form for an open, unanswered link', () => {
    expect(surveyOutcome(open, false)).toBe('form');
    // A language switch reloads: the form stays while it does.
    expect(surveyOutcome(open, true)).toBe('form');
  });

  it('names unknown, answered and closed links', () => {
    expect(surveyOutcome(undefined, true)).toBe('loading');
    expect(surveyOutcome(null, true)).toBe('loading');
    expect(surveyOutcome(null, false)).toBe('unknown');
    expect(surveyOutcome(undefined, false)).toBe('unknown');
    expect(surveyOutcome({ alreadyAnswered: true, closed: true }, false)).toBe('answered');
    expect(surveyOutcome({ alreadyAnswered: false, closed: true }, false)).toBe('closed');
  });
});

describe('answerInput', () => {
  it('sends the score, trimmed texts, the language and the ratings given', () => {
    const input = answerInput(
      { score: 3, reason: '  Za wolno. ', suggestion: '   ', ratings: { speed: 2, quality: null } },
      'pl',
      [{ criterion: 'speed' }, { criterion: 'quality' }, { criterion: null }],
    );
    expect(input).toEqual({ score: 3, reason: 'Za wolno.', suggestion: null, language: 'pl', ratings: [{ criterion: 'speed', value: 2 }] });
  });

  it('leaves ratings out when none is given, and refuses to send without a score', () => {
    expect(answerInput({ score: 0, reason: '', suggestion: '', ratings: {} }, 'en', [])).toEqual({
      score: 0,
      reason: null,
      suggestion: null,
      language: 'en',
    });
    expect(() => answerInput({ score: null, reason: '', suggestion: '', ratings: {} }, 'en', [])).toThrow();
  });
});
