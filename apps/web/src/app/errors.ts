import type { UseFormReturnType } from '@mantine/form';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

// Codes whose server message is generic, English, or worded for another screen: always shown from
// our own strings.
const GENERIC = new Set([
  'not_found',
  'unauthenticated',
  'forbidden',
  'error',
  'network',
  'invalid_request',
  'rate_limited',
  'wrong_password',
  'password_change_required',
  'same_password',
]);

/** A sentence for the person, from a server error: French server messages are specific enough to show. */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      if (!(error instanceof ApiError)) return t('errors.generic');
      // Some server messages come in both languages.
      const messageEn = (error.details as { messageEn?: unknown } | undefined)?.messageEn;
      if (i18n.language === 'en' && typeof messageEn === 'string') return messageEn;
      if (error.code === 'rate_limited' && i18n.language === 'fr' && error.message) return error.message;
      if (i18n.language === 'fr' && !GENERIC.has(error.code) && error.message) return error.message;
      const key = `errors.${error.code}`;
      return i18n.exists(key)
        ? t(key)
        : i18n.language === 'fr' && error.message
          ? error.message
          : t('errors.generic');
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
