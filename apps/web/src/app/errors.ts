import type { UseFormReturnType } from '@mantine/form';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

// The server words its refusals in the interface's language (the app sends it in Accept-Language).
// These few are worded by the app itself: they read better next to the form that caused them, or
// need no server at all (network).
const OWN_WORDING = new Set([
  'network',
  'unauthenticated',
  'invalid_request',
  'wrong_password',
  'password_change_required',
  'same_password',
]);

/** A sentence for the person, from a server error: the server's own message, in the interface's language. */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      if (!(error instanceof ApiError)) return t('errors.generic');
      const key = `errors.${error.code}`;
      if (OWN_WORDING.has(error.code) && i18n.exists(key)) return t(key);
      if (error.message && error.status !== 0) return error.message;
      return i18n.exists(key) ? t(key) : t('errors.generic');
    },
    [t, i18n],
  );
}

/** Puts the server's per-field errors next to the fields; returns true when at least one landed. */
export function applyFieldErrors<T>(
  form: UseFormReturnType<T>,
  error: unknown,
  mapPath: (path: string) => string = (p) => p,
): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const errors: Record<string, string> = {};
  for (const f of error.fields) errors[mapPath(f.path)] = f.message;
  form.setErrors(errors);
  return true;
}
