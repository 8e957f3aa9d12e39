import { formField, type ApiError } from '../../api/errors';

// Errors of the board and explore pages name arguments the shared `fields` labels do not cover
// (filter.to, period.quarter, segmentKey): this names them by the page's own label, so that
// ErrorMessage says "Check the field “Date to”" in the interface language.

/** The error with its field replaced by the label for it, when the page has one. */
export function labelled(error: ApiError | null, labels: Readonly<Record<string, string>>): ApiError | null {
  if (!error || !('field' in error) || !error.field) return error;
  const path = formField(error.field).replace(/\[\d+\]/g, '');
  const last = path.split('.').pop() ?? path;
  const label = labels[path] ?? labels[last];
  // describeError splits a field path on dots: a label never carries one.
  return label ? { ...error, field: label.replace(/\./g, '') } : error;
}
