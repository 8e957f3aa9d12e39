import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../features/auth/auth.resolver.js';
import { OrgUnitResolver } from '../features/org-units/org-unit.resolver.js';
import { OrganizationResolver } from '../features/organizations/organization.resolver.js';
import { UserResolver } from '../features/users/user.resolver.js';
import { authChecker } from './auth-checker.js';

export const resolvers = [AuthResolver, OrganizationResolver, OrgUnitResolver, UserResolver] as const;

export function buildTandemSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
  });
}

/** The SDL as committed in apps/api/schema.graphql: sorted, so the file changes only when the schema does. */
export function printSdl(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
