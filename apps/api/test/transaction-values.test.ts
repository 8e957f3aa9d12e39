import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 19: the explore page's filter choices for the transaction attributes — the values present
 * in the organization's identified answers (the demo's transactional programme), never another
 * organization's, and none for employee results.
 */
const QUERY = `query($audience: Audience) { transactionValues(audience: $audience) { products channels touchpoints servedBy { key name } } }`;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
}, 120_000);
afterAll(() => app?.close());

describe('transactionValues', () => {
  it("lists the demo's products, channels, touchpoints and serving employees (with names), A–Z, as in its answers", async () => {
    const res = await app.gql(QUERY, {}, await app.login('cx@demo.test'));
    expect(res.errors).toBeUndefined();
    const v = res.data.transactionValues;
    const expected: { dim: string; values: string[] }[] = await app.db.dataSource.query(
      `SELECT d.dim, array_agg(DISTINCT d.v ORDER BY d.v) AS values
         FROM responses r CROSS JOIN LATERAL (VALUES ('product', r.product), ('channel', r.channel), ('touchpoint', r.touchpoint), ('served_by', r.served_by)) AS d(dim, v)
        WHERE r.organization_id = (SELECT id FROM organizations WHERE slug = 'demo') AND r.audience <> 'EMPLOYEE' AND d.v IS NOT NULL AND d.v <> ''
        GROUP BY d.dim`,
    );
    const of = (dim: string) => expected.find((e) => e.dim === dim)?.values ?? [];
    expect(v.products.length).toBeGreaterThan(1);
    expect([...v.products].sort()).toEqual([...of('product')].sort());
    expect([...v.channels].sort()).toEqual([...of('channel')].sort());
    expect([...v.touchpoints].sort()).toEqual([...of('touchpoint')].sort());
    expect(v.servedBy.map((s: { key: string }) => s.key).sort()).toEqual([...of('served_by')].sort());
    expect(v.servedBy.every((s: { key: string; name: string }) => s.name && !s.name.startsWith('user:'))).toBe(true);
  });

  it('is empty for employee results and for another organization', async () => {
    const employee = await app.gql(QUERY, { audience: 'EMPLOYEE' }, await app.login('hr@demo.test'));
    expect(employee.data.transactionValues).toEqual({ products: [], channels: [], touchpoints: [], servedBy: [] });
    const other = await createOrganization(app.db.dataSource.manager, 'novalues', ['CX']);
    const theirs = await app.gql(QUERY, {}, await app.login(other.users.CX, other.password));
    expect(theirs.data.transactionValues).toEqual({ products: [], channels: [], touchpoints: [], servedBy: [] });
  });
});
