/**
 * How long an employee wave's release takes to compute (its audit, release/audit.ts), on synthetic
 * waves whose people draw team, location and tenure band independently — nearly every cell small,
 * the audit's hardest case. Prints one line per wave: people, cells, solves (and how many took the
 * integer program), milliseconds. Figures in docs/performance.md, "Employee releases".
 *
 *   npx tsx scripts/release-audit-bench.ts                 # the waves of the table
 *   npx tsx scripts/release-audit-bench.ts 421 45 6        # people, teams, locations
 */
import { computeRelease } from '../src/reporting/anonymity/release/compute.js';
import { syntheticWave } from '../src/reporting/anonymity/release/synthetic-wave.js';

const waves: [number, number, number][] = process.argv.length > 2 ? [process.argv.slice(2, 5).map(Number) as [number, number, number]] : [[40, 9, 4], [100, 9, 4], [300, 9, 4], [421, 45, 6]];
// Loads the solver's WebAssembly before the first timing.
await computeRelease(syntheticWave(3, 1, 1));
for (const [people, teams, locations] of waves) {
  const started = performance.now();
  const { audit } = await computeRelease(syntheticWave(people, teams, locations));
  const ms = Math.round(performance.now() - started);
  console.log(`${people} people, ${teams} teams, ${locations} locations: ${audit.cells} cells, ${audit.solves} solves (${audit.integerSolves} integer), ${audit.released}/${audit.groups} groups shown, ${ms} ms`);
}
