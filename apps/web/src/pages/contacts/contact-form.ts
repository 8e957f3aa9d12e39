import type { ContactInput } from '../../gql/graphql';

/** A segment row of the contact form. */
export interface SegmentRow {
  key: string;
  value: string;
}

export interface ContactDraft {
  email: string;
  name: string;
  language: string;
  ownerId: string;
  orgUnitId: string;
  segments: SegmentRow[];
  /** The account's annual value as typed; empty: none. */
  annualValue: string;
}

export const emptyDraft = (language = 'en'): ContactDraft => ({
  email: '',
  name: '',
  language,
  ownerId: '',
  orgUnitId: '',
  segments: [{ key: '', value: '' }],
  annualValue: '',
});

/** The form's values for an existing contact (an empty segment row to type in when it has none). */
export function draftOf(contact: {
  email: string;
  name: string;
  language: string;
  owner?: { id: string } | null;
  orgUnit?: { id: string } | null;
  segments: readonly { key: string; value: string }[];
  annualValue?: number | null;
}): ContactDraft {
  return {
    email: contact.email,
    name: contact.name,
    language: contact.language,
    ownerId: contact.owner?.id ?? '',
    orgUnitId: contact.orgUnit?.id ?? '',
    segments: contact.segments.length ? contact.segments.map((s) => ({ key: s.key, value: s.value })) : [{ key: '', value: '' }],
    annualValue: contact.annualValue === null || contact.annualValue === undefined ? '' : String(contact.annualValue),
  };
}

/** The ContactInput of the form: rows with neither key nor value left out, empty choices as null. */
export function contactInput(draft: ContactDraft): ContactInput {
  return {
    email: draft.email.trim(),
    name: draft.name.trim(),
    language: draft.language || null,
    ownerId: draft.ownerId || null,
    orgUnitId: draft.orgUnitId || null,
    segments: draft.segments
      .map((row) => ({ key: row.key.trim(), value: row.value.trim() }))
      .filter((row) => row.key !== '' || row.value !== ''),
    // Empty clears the value; the server checks the rest (negative, too large) and names the field.
    annualValue: String(draft.annualValue ?? '').trim() === '' ? null : Number(String(draft.annualValue).trim()),
  };
}

/** What the form checks before sending: the fields the server would refuse as empty. */
export function missingFields(draft: ContactDraft): ('email' | 'name')[] {
  const missing: ('email' | 'name')[] = [];
  if (!draft.email.trim()) missing.push('email');
  if (!draft.name.trim()) missing.push('name');
  return missing;
}

/** Owners to offer: the organization's managers plus the contact's current owner (who may have another role), by name, once each. */
export function ownerOptions(
  owners: readonly ({ id: string; name: string; email: string } | null | undefined)[],
): { id: string; name: string; email: string }[] {
  const byId = new Map<string, { id: string; name: string; email: string }>();
  for (const owner of owners) if (owner && !byId.has(owner.id)) byId.set(owner.id, { id: owner.id, name: owner.name, email: owner.email });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
