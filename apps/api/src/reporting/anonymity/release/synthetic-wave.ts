import type { ReleaseInput } from './model.js';

/**
 * A synthetic employee wave for measuring and testing the release's audit
 * (scripts/release-audit-bench.ts, off-thread.test.ts): people draw team, location and tenure band
 * independently, so nearly every cell is small — the audit's hardest case.
 */

const LOCATIONS = ['Oslo', 'Warsaw', 'Aarhus', 'Ljubljana', 'Berlin', 'Paris'];
const BANDS = ['<1', '1-3', '3-5', '5+'];

/** A wave of `people` (three in four answered) in `teams` teams and `locations` locations, drawn from a fixed seed. */
export function syntheticWave(people: number, teams: number, locations: number): ReleaseInput {
  const units = [{ id: 'root', parentId: null, name: 'Company' }, ...Array.from({ length: teams }, (_, i) => ({ id: `u${i}`, parentId: 'root', name: `Team ${i}` }))];
  let seed = 7;
  const draw = (n: number) => Math.floor(((seed = (seed * 16807) % 2147483647) / 2147483647) * n);
  const participants: ReleaseInput['participants'][number][] = [];
  const answers: ReleaseInput['answers'][number][] = [];
  for (let i = 0; i < people; i++) {
    const person = { unitId: `u${draw(teams)}`, location: LOCATIONS[draw(locations)], tenureBand: BANDS[draw(BANDS.length)] };
    const responded = draw(4) > 0;
    participants.push({ ...person, responded });
    if (responded) answers.push({ ...person, score: draw(11), reason: null, suggestion: null, language: 'en' });
  }
  return { k: 5, units, participants, answers };
}

