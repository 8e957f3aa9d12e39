import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import type { Context } from '../kernel/context.js';

/** True when the document asks the schema itself (__schema or __type; __typename is ordinary). */
export function asksSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * GRAPHQL_INTROSPECTION=admins (the production default): an operation that introspects the schema
 * runs only for a signed-in ADMIN user (the web app's API explorer sends the admin's token);
 * anyone else gets FORBIDDEN. Integrators read the committed SDL (apps/api/schema.graphql).
 */
export function introspectionForAdmins(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.app.config.introspection === 'everyone') return;
      return {
        async didResolveOperation({ document }) {
          if (!asksSchema(document)) return;
          const principal = contextValue.principal;
          if (principal?.kind === 'user' && principal.roles.includes('ADMIN')) return;
          throw new GraphQLError('Introspection is only for signed-in admins; read the published schema (schema.graphql) instead', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        },
      };
    },
  };
}
