import type { z } from 'zod';

/**
 * Reads a JSON column through its schema. A value that is not JSON, or not of the column's shape,
 * is a loud error naming the column — never a silently wrong object handed to the code.
 */
export function readJson<S extends z.ZodType>(schema: S, text: string | null, column: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text ?? 'null');
  } catch (err) {
    throw new Error(`${column} is not JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);
    throw new Error(`${column} does not have its shape: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/**
 * Reads a JSON list of strings leniently (a profile's themes or languages, a ranking): each item as
 * a string, and anything that is not a list (absent, empty, malformed) as no items.
 */
export function readStringList(text: string | null): string[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
