import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from './support/fixtures.js';
import { codeOf, startTestApp, type TestApp } from './support/test-app.js';

/**
 * One organization must never read or change another's objects, whatever ids it guesses. The
 * organization comes from the token; every id of the demo organization is tried from "Other Org".
 */
let app: TestApp;
let other: Awaited<ReturnType<typeof createOrganization>>;
let demoUnitIds: string[];
let otherAdmin: string;

beforeAll(async () => {
  app = await startTestApp();
  other = await createOrganization(app.db.dataSource.manager, 'other', ['ADMIN', 'CX', 'HR', 'MANAGER', 'LEADER']);
  otherAdmin = await app.login(other.users.ADMIN, other.password);
  const demo = await app.db.dataSource.query(`SELECT u.id FROM org_units u JOIN organizations o ON o.id = u.organization_id WHERE o.slug = 'demo'`);
  demoUnitIds = demo.map((r: { id: string }) => r.id);
});
afterAll(() => app?.close());

describe('tenancy', () => {
  it('shows each organization only its own org units and organization', async () => {
    const res = await app.gql(`{ organization { name } orgUnits { id name } me { email } }`, {}, otherAdmin);
    expect(res.data.organization.name).toBe('Org other');
    expect(res.data.orgUnits.map((u: { id: string }) => u.id)).toEqual([other.unit.id]);
    expect(res.data.orgUnits.some((u: { id: string }) => demoUnitIds.includes(u.id))).toBe(false);
  });

  it("cannot hang a unit under another organization's unit, and learns nothing about it", async () => {
    const guessed = demoUnitIds[0];
    const res = await app.gql(`mutation($p: ID) { createOrgUnit(name: "Intruder", parentId: $p) { id } }`, { p: guessed }, otherAdmin);
    const unknown = await app.gql(`mutation($p: ID) { createOrgUnit(name: "Intruder", parentId: $p) { id } }`, { p: '00000000-0000-4000-8000-000000000000' }, otherAdmin);
    expect(codeOf(res)).toBe('NOT_FOUND');
    // Same answer as for an id that exists nowhere: existence does not leak.
    expect(res.errors).toEqual(unknown.errors);
    const [{ count }] = await app.db.dataSource.query(`SELECT count(*)::int AS count FROM org_units WHERE name = 'Intruder'`);
    expect(count).toBe(0);
  });

  it('refuses a token whose organization claim was edited', async () => {
    const [header, payload, signature] = otherAdmin.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const [{ id: demoOrg }] = await app.db.dataSource.query(`SELECT id FROM organizations WHERE slug = 'demo'`);
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, org: demoOrg })).toString('base64url')}.${signature}`;
    expect(codeOf(await app.gql(`{ orgUnits { id } }`, {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('lets the same name exist in two organizations', async () => {
    const res = await app.gql(`mutation { createOrgUnit(name: "Sales") { name } }`, {}, otherAdmin);
    expect(res.data?.createOrgUnit.name).toBe('Sales');
  });
});

describe('users', () => {
  it("lists only the caller's organization's users, filtered by role", async () => {
    const res = await app.gql(`{ users(role: MANAGER) { email roles } }`, {}, otherAdmin);
    expect(res.data.users).toEqual([{ email: other.users.MANAGER, roles: ['MANAGER'] }]);
    const demo = await app.gql(`{ users { email } }`, {}, await app.login('cx@demo.test'));
    expect(demo.data.users.map((u: { email: string }) => u.email)).toContain('manager@demo.test');
    expect(demo.data.users.map((u: { email: string }) => u.email)).not.toContain(other.users.MANAGER);
  });
});
