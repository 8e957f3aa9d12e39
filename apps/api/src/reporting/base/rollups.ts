/**
 * Rebuilds an organization's derived counts from the answers themselves: the NPS rollup
 * (nps_rollup_rebuild, migration NpsRollups) and the invited/responded counts per wave
 * (wave_response_counts_rebuild, migration BoardTargets), and each contact's latest answer per quarter
 * and year (latest_answers_rebuild, migration LatestAnswers). Triggers keep all three exact on every write;
 * this is for after a bulk load with triggers off (the benchmark's seed calls it from dist/), or
 * to verify them. Takes anything with `query(sql, params)`: a TypeORM DataSource or EntityManager,
 * or a pg client.
 */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export async function rebuildRollups(queryable: Queryable, organizationId: string): Promise<void> {
  await queryable.query(`SELECT nps_rollup_rebuild($1)`, [organizationId]);
  await queryable.query(`SELECT wave_response_counts_rebuild($1)`, [organizationId]);
  await queryable.query(`SELECT latest_answers_rebuild($1)`, [organizationId]);
}
