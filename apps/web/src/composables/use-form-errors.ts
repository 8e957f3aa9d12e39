import { computed, shallowRef, type ComputedRef, type ShallowRef } from 'vue';
import { errorField, formField, toApiError, type ApiError } from '../api/errors';

// A form's server errors: an error that names one of the form's fields (extensions.field, or one
// of extensions.problems) is shown beside that field; anything else above the form.

export interface FormErrors {
  readonly error: Readonly<ShallowRef<ApiError | null>>;
  /** The error for a form field (`name`, `closesAt`, `ratings[0].criterion`), or null. */
  at(field: string): ApiError | null;
  /** True when some error is about the field itself or something inside it (`ratings` covers `ratings[0].texts`). */
  within(field: string): boolean;
  /** The error no field of the form shows, for the top of the form. */
  readonly general: ComputedRef<ApiError | null>;
  /** Records what a failed call threw. */
  fail(caught: unknown): ApiError;
  clear(): void;
}

/** Every field an error names, as form fields, with the error to show for each. */
export function errorsByField(error: ApiError | null): Map<string, ApiError> {
  const byField = new Map<string, ApiError>();
  if (!error) return byField;
  const field = errorField(error);
  if (field) byField.set(formField(field), error);
  if ('problems' in error && error.problems) {
    for (const problem of error.problems) {
      const key = formField(problem.field);
      if (!byField.has(key)) byField.set(key, { code: 'BAD_USER_INPUT', field: problem.field, message: problem.message });
    }
  }
  return byField;
}

const inside = (path: string, field: string) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/** `fields`: the form fields shown beside their inputs; an error about any other field is general. */
export function useFormErrors(fields: readonly string[]): FormErrors {
  const error = shallowRef<ApiError | null>(null);
  const byField = computed(() => errorsByField(error.value));
  const shown = (path: string) => fields.some((field) => inside(path, field));

  return {
    error,
    at: (field) => byField.value.get(field) ?? null,
    within: (field) => [...byField.value.keys()].some((path) => inside(path, field)),
    general: computed(() => {
      if (!error.value) return null;
      const paths = [...byField.value.keys()];
      return paths.length > 0 && paths.some(shown) ? null : error.value;
    }),
    fail(caught) {
      error.value = toApiError(caught);
      return error.value;
    },
    clear() {
      error.value = null;
    },
  };
}
