import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRelease, type ComputedRelease } from './compute.js';
import { categoryIndexOf, type ReleaseInput, type Unit } from './model.js';

/**
 * The release attacked by brute force: for rosters small enough, every possible world (each person
 * did not answer, or answered in one of the three categories) is tried against what the release
 * shows — released groups' counts and the participation shown while the wave ran — and a person is
 * exposed when all the worlds that fit agree on them. This attacker shares no code with the audit
 * (audit.ts solves an integer program over cells); it works on people.
 */

interface Person {
  unitId: string | null;
  location: string | null;
  tenureBand: string | null;
  /** null: did not answer. */
  score: number | null;
}

const N = 3; // "did not answer" in a world; 0..2 are the categories

function inputOf(k: number, units: Unit[], people: Person[]): ReleaseInput {
  return {
    k,
    units,
    participants: people.map((p) => ({ unitId: p.unitId, location: p.location, tenureBand: p.tenureBand, responded: p.score !== null })),
    answers: people
      .filter((p) => p.score !== null)
      .map((p) => ({ unitId: p.unitId, location: p.location, tenureBand: p.tenureBand, score: p.score!, reason: null, suggestion: null, language: 'en' })),
  };
}

/** The people a group of the release covers, from its definition (not its cells). */
function membersOf(units: Unit[], people: Person[], group: ComputedRelease['groups'][number]): number[] {
  const inSubtree = (unitId: string | null, root: string) => {
    for (let id = unitId; id; id = units.find((u) => u.id === id)?.parentId ?? null) if (id === root) return true;
    return false;
  };
  return people
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => {
      if (group.unitId && !inSubtree(p.unitId, group.unitId)) return false;
      if (group.dimension === 'LOCATION' || group.dimension === 'ORG_UNIT_LOCATION') return p.location === group.value;
      if (group.dimension === 'TENURE_BAND' || group.dimension === 'ORG_UNIT_TENURE_BAND') return p.tenureBand === group.value;
      return true;
    })
    .map(({ i }) => i);
}

interface Exposure {
  categories: number;
  participation: number;
  derivedGroups: number;
}

function bruteForce(k: number, units: Unit[], people: Person[], release: ComputedRelease): Exposure {
  const groups = release.groups.map((g) => ({ ...g, members: membersOf(units, people, g) }));
  const shown = groups.filter((g) => g.released);
  const participationSets = groups.filter((g) => g.participation);
  const truth = people.map((p) => (p.score === null ? N : categoryIndexOf(p.score)));
  // Each shown participation group's atom (the group minus its shown sub-groups) is known too.
  const inside = (a: number[], b: number[]) => a.length < b.length && a.every((m) => b.includes(m));
  const atoms = participationSets.map((g) => g.members.filter((m) => !participationSets.some((c) => inside(c.members, g.members) && c.members.includes(m))));
  const responded = (world: number[], members: number[]) => members.filter((m) => world[m] !== N).length;

  const seen = people.map(() => new Set<number>());
  const hiddenTriples = new Map<string, Set<string>>();
  const world = new Array<number>(people.length).fill(N);
  const fits = () =>
    shown.every((g) => [0, 1, 2].every((c) => g.members.filter((m) => world[m] === c).length === g.counts[c])) &&
    participationSets.every((g) => responded(world, g.members) === g.responses);
  const enumerate = (i: number): void => {
    if (i === people.length) {
      if (!fits()) return;
      world.forEach((state, p) => seen[p].add(state));
      for (const g of groups) {
        if (g.released) continue;
        const triple = [0, 1, 2].map((c) => g.members.filter((m) => world[m] === c).length).join('/');
        hiddenTriples.set(g.key, (hiddenTriples.get(g.key) ?? new Set()).add(triple));
      }
      return;
    }
    for (let state = 0; state <= N; state++) {
      world[i] = state;
      enumerate(i + 1);
    }
  };
  enumerate(0);

  let categories = 0;
  let participation = 0;
  people.forEach((_, p) => {
    const answered = [...seen[p]].filter((s) => s !== N);
    const holding = shown.filter((g) => g.members.includes(p));
    if (answered.length === 1) {
      const unanimous = holding.some((g) => g.counts[answered[0]] === g.responses);
      if (!unanimous) categories++;
    }
    if (seen[p].size > 0 && (!seen[p].has(N) || answered.length === 0)) {
      const all = !seen[p].has(N);
      const excused =
        (all && holding.some((g) => g.responses === g.invited)) ||
        [...participationSets.map((g) => g.members), ...atoms].some((set) => set.includes(p) && [0, set.length].includes(responded(truth, set)) && (all ? responded(truth, set) === set.length : responded(truth, set) === 0));
      if (!excused) participation++;
    }
  });
  let derivedGroups = 0;
  for (const g of groups) {
    if (g.released || g.responses === 0 || g.responses >= k) continue;
    const holdingUnanimous = shown.some((s) => g.members.every((m) => s.members.includes(m)) && s.counts.some((c) => c === s.responses));
    if (hiddenTriples.get(g.key)?.size === 1 && !holdingUnanimous) derivedGroups++;
  }
  return { categories, participation, derivedGroups };
}

const roster = fc
  .record({
    nested: fc.boolean(),
    people: fc.array(
      fc.record({
        unit: fc.integer({ min: 0, max: 3 }),
        location: fc.constantFrom('X', 'Y', 'Z', null),
        tenure: fc.constantFrom('new', 'old'),
        score: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 4 }),
      }),
      { minLength: 3, maxLength: 8 },
    ),
  })
  .map(({ nested, people }) => {
    const units: Unit[] = [
      { id: 'u0', parentId: null, name: 'Company' },
      { id: 'u1', parentId: 'u0', name: 'Sales' },
      { id: 'u2', parentId: nested ? 'u1' : 'u0', name: 'Sales North' },
      { id: 'u3', parentId: 'u0', name: 'Service' },
    ];
    return {
      units,
      people: people.map((p) => ({ unitId: `u${p.unit}`, location: p.location, tenureBand: p.tenure, score: p.score })),
    };
  });

describe('computeRelease', () => {
  it('hides small teams and the sibling that would give one away, and shows what can be shown', async () => {
    const units: Unit[] = [
      { id: 'd', parentId: null, name: 'Department' },
      { id: 'a', parentId: 'd', name: 'A' },
      { id: 'b', parentId: 'd', name: 'B' },
    ];
    const people: Person[] = [
      ...[10, 9, 8, 3, 9, 10].map((score) => ({ unitId: 'a', location: 'X', tenureBand: 'old', score })),
      ...[2, 6, 10].map((score) => ({ unitId: 'b', location: 'X', tenureBand: 'old', score })),
    ];
    const release = await computeRelease(inputOf(5, units, people));
    const byKey = new Map(release.groups.map((g) => [g.key, g]));
    expect(byKey.get('all')!.released).toBe(true);
    expect(byKey.get('unit:b')!).toMatchObject({ released: false, hiddenReason: 'THRESHOLD' });
    // 9 − 6 = 3 would be B: A is hidden to protect it.
    expect(byKey.get('unit:a')!).toMatchObject({ released: false, hiddenReason: 'PROTECTS_SMALLER' });
    expect(release.audit.findingsLeft).toBe(0);
  });

  it('keeps a group of 6 beside a hidden sibling of 4 when the unit’s own people cover it', async () => {
    const units: Unit[] = [
      { id: 'd', parentId: null, name: 'Department' },
      { id: 'a', parentId: 'd', name: 'A' },
      { id: 'b', parentId: 'd', name: 'B' },
    ];
    const person = (unitId: string, score: number): Person => ({ unitId, location: 'X', tenureBand: 'old', score });
    const people = [...[10, 9, 8, 3, 9, 10].map((s) => person('a', s)), ...[2, 6, 10, 9].map((s) => person('b', s)), ...[7, 8, 9, 4, 10].map((s) => person('d', s))];
    const release = await computeRelease(inputOf(5, units, people));
    const byKey = new Map(release.groups.map((g) => [g.key, g]));
    expect(byKey.get('unit:a')!.released).toBe(true);
    expect(byKey.get('unit:b')!.released).toBe(false);
  });

  it('gives away no one’s category, participation or hidden group in any world that fits what it shows (brute force, k = 3)', async () => {
    await fc.assert(
      fc.asyncProperty(roster, async ({ units, people }) => {
        const release = await computeRelease(inputOf(3, units, people));
        expect(release.audit.findingsLeft).toBe(0);
        expect(bruteForce(3, units, people, release)).toEqual({ categories: 0, participation: 0, derivedGroups: 0 });
      }),
      { numRuns: 60 },
    );
  }, 180_000);

  it('has an attacker that finds what a release with threshold suppression alone gives away', async () => {
    let exposed = 0;
    await fc.assert(
      fc.asyncProperty(roster, async ({ units, people }) => {
        const release = await computeRelease(inputOf(3, units, people));
        const naive = { ...release, groups: release.groups.map((g) => ({ ...g, released: g.responses >= 3 })) };
        const found = bruteForce(3, units, people, naive);
        if (found.categories + found.participation + found.derivedGroups > 0) exposed++;
      }),
      { numRuns: 40, seed: 7 },
    );
    expect(exposed).toBeGreaterThan(5);
  });

  it('says nothing in its groups or hidden reasons that the roster and the shown participation do not (other answers, same shown counts)', async () => {
    // Another world an attacker cannot tell apart by participation: within each shown participation
    // group's remainder (atom), the same number answered, but other people and other scores.
    const world = fc.tuple(roster, fc.integer({ min: 0, max: 1_000_000 }));
    await fc.assert(
      fc.asyncProperty(world, async ([{ units, people }, seed]) => {
        const release = await computeRelease(inputOf(3, units, people));
        const participation = release.groups.filter((g) => g.participation).map((g) => membersOf(units, people, g));
        const atomOf = (i: number) => JSON.stringify(participation.filter((m) => m.includes(i)).sort((a, b) => a.length - b.length)[0] ?? null);
        let state = seed;
        const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
        const byAtom = new Map<string, number[]>();
        people.forEach((_, i) => byAtom.set(atomOf(i), [...(byAtom.get(atomOf(i)) ?? []), i]));
        const other: Person[] = people.map((p) => ({ ...p, score: null }));
        for (const members of byAtom.values()) {
          const answered = members.filter((i) => people[i].score !== null).length;
          const shuffled = [...members].sort(() => random() - 0.5);
          shuffled.slice(0, answered).forEach((i) => (other[i].score = Math.floor(random() * 11)));
        }
        const twin = await computeRelease(inputOf(3, units, other));
        expect(twin.groups.map((g) => g.key)).toEqual(release.groups.map((g) => g.key));
        for (const g of release.groups) {
          const t = twin.groups.find((x) => x.key === g.key)!;
          if (!g.released && !t.released) expect([g.key, t.hiddenReason]).toEqual([g.key, g.hiddenReason]);
        }
      }),
      { numRuns: 80 },
    );
  }, 180_000);

  it('tells an attacker who reruns the whole release on every world that fits its numbers nothing more (small rosters, k = 3)', async () => {
    // The audit, like tau-ARGUS, solves what the numbers say. This attacker also knows the algorithm:
    // of the worlds that fit the released counts and shown participation, it keeps those whose own
    // release would have been exactly this one (same groups shown and hidden, same reasons), and
    // looks for anyone those worlds agree on that the counts alone left open.
    const REPRESENTATIVE = [10, 7, 0];
    const view = (r: ComputedRelease) => JSON.stringify(r.groups.map((g) => [g.key, g.released, g.hiddenReason, g.released ? g.counts : null, g.participation ? g.responses : null]));
    const small = fc.record({
      people: fc.array(fc.record({ unit: fc.integer({ min: 0, max: 3 }), location: fc.constantFrom('X', 'Y', null), score: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 4 }) }), { minLength: 4, maxLength: 5 }),
    });
    const units: Unit[] = [
      { id: 'u0', parentId: null, name: 'Company' },
      { id: 'u1', parentId: 'u0', name: 'Sales' },
      { id: 'u2', parentId: 'u0', name: 'North' },
      { id: 'u3', parentId: 'u0', name: 'Service' },
    ];
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(small, async ({ people: raw }) => {
        const people: Person[] = raw.map((p) => ({ unitId: `u${p.unit}`, location: p.location, tenureBand: 'old', score: p.score }));
        const release = await computeRelease(inputOf(3, units, people));
        const groups = release.groups.map((g) => ({ ...g, members: membersOf(units, people, g) }));
        const fits = (world: number[]) =>
          groups.every(
            (g) =>
              (!g.released || [0, 1, 2].every((c) => g.members.filter((m) => world[m] === c).length === g.counts[c])) &&
              (!g.participation || g.members.filter((m) => world[m] !== N).length === g.responses),
          );
        const fitting: number[][] = [];
        const world = new Array<number>(people.length).fill(N);
        const walk = (i: number) => {
          if (i === people.length) {
            if (fits(world)) fitting.push([...world]);
            return;
          }
          for (let state = 0; state <= N; state++) {
            world[i] = state;
            walk(i + 1);
          }
        };
        walk(0);
        if (fitting.length > 60) return;
        compared++;
        const same: number[][] = [];
        for (const w of fitting) {
          const alt = people.map((p, i) => ({ ...p, score: w[i] === N ? null : REPRESENTATIVE[w[i]] }));
          if (view(await computeRelease(inputOf(3, units, alt))) === view(release)) same.push(w);
        }
        const states = (ws: number[][], i: number) => new Set(ws.map((w) => w[i]));
        people.forEach((_, i) => {
          const before = states(fitting, i);
          const after = states(same, i);
          const answeredBefore = [...before].filter((x) => x !== N);
          const answeredAfter = [...after].filter((x) => x !== N);
          // Nothing newly determined: category, having answered, or not having answered.
          if (answeredBefore.length > 1) expect(answeredAfter.length, `person ${i}`).toBeGreaterThan(1);
          if (before.has(N) && answeredBefore.length > 0) expect(after.has(N) && answeredAfter.length > 0, `person ${i}`).toBe(true);
        });
      }),
      { numRuns: 12, seed: 3 },
    );
    expect(compared).toBeGreaterThan(4);
  }, 240_000);

  it('is the same release for the same snapshot and answers', async () => {
    await fc.assert(
      fc.asyncProperty(roster, async ({ units, people }) => {
        const a = await computeRelease(inputOf(3, units, people));
        const b = await computeRelease(inputOf(3, units, [...people].reverse()));
        const view = (r: ComputedRelease) => r.groups.map((g) => [g.key, g.released, g.hiddenReason, g.counts.join('/')]);
        expect(view(b)).toEqual(view(a));
      }),
      { numRuns: 20 },
    );
  });
});
