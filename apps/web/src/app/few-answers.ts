/**
 * A point estimate from fewer answers than the organization's minimum (its leaderboard minimum,
 * default 10) reads "too few answers": the number is still computed and shown small beside it,
 * but it is not presented as a result (+100 from two answers says little).
 */
export function tooFewAnswers(responses: number | null | undefined, minimum: number | null | undefined): boolean {
  return !!responses && responses > 0 && !!minimum && responses < minimum;
}
