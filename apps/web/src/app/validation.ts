import type { FormErrors } from '@mantine/form';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';

type T = ReturnType<typeof useTranslation>['t'];

// Messages written into the server's schemas, mapped to sentences in both languages.
const KNOWN: Record<string, string> = {
  'La fin doit suivre le début': 'validation.endAfterStart',
  'min must not exceed max': 'validation.minAboveMax',
};

function valueAt(values: unknown, path: PropertyKey[]): unknown {
  let v: unknown = values;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function issueMessage(t: T, issue: z.core.$ZodIssue, value: unknown): string {
  if (KNOWN[issue.message]) return t(KNOWN[issue.message] as string);
  switch (issue.code) {
    case 'invalid_type':
      if (isEmpty(value)) return t('validation.required');
      if (issue.expected === 'int') return t('validation.integer');
      return issue.expected === 'number' ? t('validation.number') : t('validation.invalid');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 || isEmpty(value)
          ? t('validation.required')
          : t('validation.minLength', { count: min });
      if (issue.origin === 'number') return t('validation.min', { min });
      if (issue.origin === 'array') return t('validation.minItems', { count: min });
      return t('validation.invalid');
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.maxLength', { count: max });
      if (issue.origin === 'number') return t('validation.max', { max });
      if (issue.origin === 'array') return t('validation.maxItems', { count: max });
      return t('validation.invalid');
    }
    case 'invalid_format':
      if (isEmpty(value)) return t('validation.required');
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date');
      return t('validation.invalid');
    case 'invalid_value':
      return isEmpty(value) ? t('validation.required') : t('validation.choice');
    case 'not_multiple_of':
      return t('validation.integer');
    case 'custom': {
      // The server's shared checks name an error code both apps word (domain/text.ts).
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      const text = typeof code === 'string' ? t(`errors.${code}`, { defaultValue: '' }) : '';
      return text || issue.message || t('validation.invalid');
    }
    default:
      return issue.message || t('validation.invalid');
  }
}

/**
 * A Mantine form validator from one of the server's zod schemas, with messages in the interface
 * language: the rules are the server's, the words are ours.
 */
export function useSchemaValidator<S extends z.ZodType>(
  schema: S,
  prepare: (values: never) => unknown = (v) => v,
) {
  const { t } = useTranslation();
  return useCallback(
    (values: unknown): FormErrors => {
      const input = prepare(values as never);
      const result = schema.safeParse(input);
      if (result.success) return {};
      const errors: FormErrors = {};
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.');
        if (!(path in errors)) errors[path] = issueMessage(t, issue, valueAt(input, issue.path));
      }
      return errors;
    },
    [schema, prepare, t],
  );
}
