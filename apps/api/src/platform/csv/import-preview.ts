import { Field, Int, ObjectType } from 'type-graphql';
import { RowError } from './import-result.types.js';

/**
 * The dry run of a CSV import (contacts, the employee roster): the same checks and errors as the
 * import, and who it would add, update and mark as leaving, by name. A preview writes nothing.
 */

/** Names listed per group; the count is always the whole group's. */
export const PREVIEW_NAMES = 200;

@ObjectType('ImportPreviewPerson')
export class ImportPreviewPerson {
  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;
}

@ObjectType('ImportPreviewGroup')
export class ImportPreviewGroup {
  @Field(() => Int, { description: 'Everyone in the group' })
  count: number;

  @Field(() => [ImportPreviewPerson], { description: `The first ${PREVIEW_NAMES} of the group, by name` })
  people: ImportPreviewPerson[];
}

@ObjectType('ImportPreview', { description: 'What an import of this file would do; nothing was written' })
export class ImportPreview {
  @Field(() => [RowError], { description: 'Exactly the errors the import would answer; with any, the groups are empty' })
  errors: RowError[];

  @Field(() => ImportPreviewGroup, { description: 'People the file adds' })
  added: ImportPreviewGroup;

  @Field(() => ImportPreviewGroup, { description: 'People already there whose data the file replaces (for the roster: leavers listed again come back)' })
  updated: ImportPreviewGroup;

  @Field(() => ImportPreviewGroup, { description: 'Employee roster: active people the file no longer lists, who would become leavers. Always empty for contacts.' })
  leaving: ImportPreviewGroup;
}

const byName = (a: ImportPreviewPerson, b: ImportPreviewPerson) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email);

export function previewGroup(people: { email: string; name: string }[]): ImportPreviewGroup {
  const sorted = people.map((p) => Object.assign(new ImportPreviewPerson(), p)).sort(byName);
  return { count: sorted.length, people: sorted.slice(0, PREVIEW_NAMES) };
}

export function emptyPreview(errors: RowError[]): ImportPreview {
  return { errors: [...errors].sort((a, b) => a.line - b.line), added: previewGroup([]), updated: previewGroup([]), leaving: previewGroup([]) };
}
