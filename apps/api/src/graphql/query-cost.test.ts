import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, queryCost } from './query-cost.js';

const schema = buildSchema(`
  type Row { id: ID! name: String! tags: [Tag!]! }
  type Tag { id: ID! }
  type Page { totalCount: Int! rows: [Row!]! }
  type Query { page(first: Int, after: String): Page! defaulted(first: Int = 50): Page! one(id: ID!): Row }
`);

function cost(document: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(document);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return queryCost(schema, operation, fragments, variables);
}

describe('queryCost', () => {
  // Row { id name tags { id } } = 1 + 1 + (1 + 1) = 4; Page { totalCount rows {...} } = 1 + (1 + 4) = 6.
  it('multiplies a paginated field by its first, written inline or as a variable alike', () => {
    expect(cost(`{ page(first: 10) { totalCount rows { id name tags { id } } } }`)).toBe((1 + 6) * 10);
    expect(cost(`query($n: Int) { page(first: $n) { totalCount rows { id name tags { id } } } }`, { n: 10 })).toBe((1 + 6) * 10);
    expect(cost(`query($n: Int = 10) { page(first: $n) { totalCount rows { id name tags { id } } } }`)).toBe((1 + 6) * 10);
  });

  it("takes the argument's default, else the page default, when first is not given", () => {
    expect(cost(`{ defaulted { totalCount } }`)).toBe((1 + 1) * 50);
    expect(cost(`{ page { totalCount } }`)).toBe((1 + 1) * DEFAULT_PAGE_SIZE);
    expect(cost(`{ one(id: "1") { id } }`)).toBe(2);
  });

  it('counts fragments where they are spread, and leaves introspection out', () => {
    const inline = cost(`{ a: page(first: 5) { rows { id name } } b: page(first: 5) { rows { id name } } }`);
    expect(cost(`{ a: page(first: 5) { ...P } b: page(first: 5) { ...P } } fragment P on Page { rows { id name } }`)).toBe(inline);
    expect(cost(`{ __schema { types { name } } one(id: "1") { id } }`)).toBe(2);
  });
});
