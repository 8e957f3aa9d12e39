/**
 * NPS categories.
 *
 * "How likely are you to recommend us?" is answered on a 0–10 scale:
 *   9–10 → PROMOTER, 7–8 → PASSIVE, 0–6 → DETRACTOR.
 * Only whole numbers 0..10 are scores; everything else is rejected loudly
 * rather than coerced (no "7" strings, no 7.5, no NaN).
 */

export type NpsCategory = 'PROMOTER' | 'PASSIVE' | 'DETRACTOR';

export const SCORE_MIN = 0;
export const SCORE_MAX = 10;

/** Thrown for anything that is not a whole number from 0 to 10. */
export class InvalidScoreError extends Error {
  override readonly name = 'InvalidScoreError';
  /** The rejected value, as given. */
  readonly score: unknown;

  constructor(score: unknown) {
    super(`Invalid NPS score ${describe(score)}: a score must be a whole number from ${SCORE_MIN} to ${SCORE_MAX}`);
    this.score = score;
  }
}

/** True for a whole number (a JS number, not a string) from 0 to 10. */
export function isValidScore(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= SCORE_MIN && x <= SCORE_MAX;
}

/** The category of a score; throws InvalidScoreError for anything that is not a valid score. */
export function categorize(score: unknown): NpsCategory {
  if (!isValidScore(score)) throw new InvalidScoreError(score);
  if (score >= 9) return 'PROMOTER';
  if (score >= 7) return 'PASSIVE';
  return 'DETRACTOR';
}

/** `"7.5"` for numbers, `"7" (string)` for other types, so the message shows what was actually passed. */
function describe(value: unknown): string {
  if (typeof value === 'number') return `"${String(value)}"`;
  if (value === null || value === undefined) return `"${String(value)}"`;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'object') {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  } else text = String(value);
  return `"${text}" (${typeof value})`;
}
