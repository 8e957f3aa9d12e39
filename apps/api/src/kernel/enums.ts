import { registerEnumType } from 'type-graphql';

/** A GraphQL enum whose values are the strings themselves, from a const list of them. */
export const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const NpsCategoryEnum = enumOf(['PROMOTER', 'PASSIVE', 'DETRACTOR'] as const);
registerEnumType(NpsCategoryEnum, { name: 'NpsCategory' });
