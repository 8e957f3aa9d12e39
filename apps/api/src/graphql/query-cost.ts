import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type FieldNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The query cost limit (docs/api.md, "Limits"). Every field costs 1; a field returning objects
 * costs 1 plus its selection, times the rows it may return: its `first` (or `last`) argument,
 * written inline or passed as a variable alike, else the argument's default, else the page default
 * of 20 for a paginated field. An ordinary 100-row page with every field of its rows costs a few
 * thousand; the limit refuses only what reads tens of thousands of rows' worth at once.
 */
export const MAX_QUERY_COST = 50_000;
export const DEFAULT_PAGE_SIZE = 20;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  defaults: Map<string, ValueNode>;
}

function numberOf(value: ValueNode | undefined, walk: Walk): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind === Kind.VARIABLE) {
    const given = walk.variables[value.name.value];
    if (typeof given === 'number') return given;
    if (given === undefined) return numberOf(walk.defaults.get(value.name.value), walk);
  }
  return null;
}

function rowsOf(node: FieldNode, field: GraphQLField<unknown, unknown>, walk: Walk): number {
  const arg = node.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  const paged = field.args.find((a) => a.name === 'first' || a.name === 'last');
  if (!paged) return 1;
  const given = arg ? numberOf(arg.value, walk) : null;
  const rows = given ?? (typeof paged.defaultValue === 'number' ? paged.defaultValue : DEFAULT_PAGE_SIZE);
  return Math.max(1, Math.floor(rows));
}

function selectionCost(type: GraphQLCompositeType, set: SelectionSetNode, walk: Walk): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      const returned = getNamedType(field.type);
      if (!selection.selectionSet || !isCompositeType(returned)) {
        cost += 1;
        continue;
      }
      cost += (1 + selectionCost(returned, selection.selectionSet, walk)) * rowsOf(selection, field, walk);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      if (on && isCompositeType(on)) cost += selectionCost(on, selection.selectionSet, walk);
    } else {
      // Validation has refused fragment cycles before this runs.
      const fragment = walk.fragments.get(selection.name.value);
      const on = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (fragment && on && isCompositeType(on)) cost += selectionCost(on, fragment.selectionSet, walk);
    }
  }
  return cost;
}

/** What an operation costs with these variables. */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
  variables: Record<string, unknown> = {},
): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  return selectionCost(root, operation.selectionSet, { schema, fragments: new Map(fragments.map((f) => [f.name.value, f])), variables, defaults });
}

/** Refuses an operation above MAX_QUERY_COST before it runs: HTTP 400, GRAPHQL_VALIDATION_FAILED, the cost and the limit. */
export function queryCostLimit<C extends object>(maxCost = MAX_QUERY_COST): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const cost = queryCost(schema, operation, fragments, request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(
              `The query costs ${cost}, above the limit of ${maxCost}: ask for fewer rows (first) or fewer fields`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
