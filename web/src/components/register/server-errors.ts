// The server's field problems (details.problems: [{ field, message }]) put on the form's fields.
import type { FormInstance } from 'antd';
import { ApiError } from '../../api.ts';

/** Marks the fields the server named; returns true when some field was marked. */
export function markServerProblems(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const problems = (error.details.problems ?? []) as { field?: string; path?: string; message: string }[];
  const marked = problems
    .map((p) => ({ name: (p.field ?? p.path ?? '').split('.'), errors: [p.message] }))
    .filter((p) => fields.includes(p.name.join('.')));
  if (marked.length) form.setFields(marked);
  return marked.length > 0;
}
