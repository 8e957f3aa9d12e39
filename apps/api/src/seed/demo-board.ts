import type { EntityManager } from 'typeorm';

/**
 * The demo organization's board settings: NPS targets for this year and this quarter, and a few
 * benchmarks to show beside its own scores. The benchmark values are illustrative demo figures,
 * not published industry data — their source says so.
 */
export async function seedBoard(tx: EntityManager, organizationId: string, createdBy: string | null, now: Date): Promise<void> {
  const year = now.getUTCFullYear();
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  const targets: [string, number | null, number][] = [
    ['CUSTOMER', null, 40],
    ['CUSTOMER', quarter, 45],
    ['CANDIDATE', null, 30],
    ['ASSOCIATE', null, 25],
    ['EMPLOYEE', null, 20],
  ];
  for (const [audience, q, value] of targets) {
    await tx.query(`INSERT INTO nps_targets (organization_id, audience, year, quarter, value, created_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      organizationId,
      audience,
      year,
      q,
      value,
      createdBy,
    ]);
  }
  const source = 'Illustrative figure for the demo, not published data';
  const benchmarks: [string, string, number][] = [
    ['CUSTOMER', 'B2B software, industry average', 38],
    ['CUSTOMER', 'Top quartile of peers', 55],
    ['CANDIDATE', 'Recruitment experience, industry average', 20],
    ['EMPLOYEE', 'eNPS, industry average', 12],
  ];
  for (const [audience, name, value] of benchmarks) {
    await tx.query(`INSERT INTO nps_benchmarks (organization_id, audience, name, value, source, created_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      organizationId,
      audience,
      name,
      value,
      source,
      createdBy,
    ]);
  }
}
