import { changePasswordBody } from '@compagnon/server/modules/auth/schema.ts';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { useSchemaValidator } from '../../app/validation';
import { NewPasswordFields } from './NewPasswordFields';
import { useChangePassword } from './queries';

interface Values {
  current: string;
  password: string;
  confirm: string;
}

// Refusals that concern one field are shown next to it.
const FIELD_OF: Record<string, keyof Values> = { wrong_password: 'current', same_password: 'password' };

/** The form's values checked as the server checks them, and the change, its refusals put by their field. */
function usePasswordChange(onDone: () => Promise<void> | void) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const schemaErrors = useSchemaValidator(changePasswordBody, (v: Values) => ({
    current: v.current,
    password: v.password,
  }));
  const form = useForm<Values>({
    initialValues: { current: '', password: '', confirm: '' },
    validate: (v) => {
      const errors = schemaErrors(v);
      if (!errors.password && v.current && v.password === v.current)
        errors.password = t('validation.passwordUnchanged');
      if (!errors.password && v.confirm !== v.password) errors.confirm = t('validation.passwordsDiffer');
      return errors;
    },
  });
  const change = useChangePassword({
    onSuccess: async () => {
      form.reset();
      await onDone();
    },
    onError: (e) => {
      const field = e instanceof ApiError ? FIELD_OF[e.code] : undefined;
      if (field) form.setFieldError(field, message(e));
      else applyFieldErrors(form, e);
    },
  });
  return { form, change };
}

/**
 * Current password, new one, confirmation: POST /api/me/password. Used where an administrator's
 * temporary password must be replaced, and on the profile page.
 */
export function ChangePasswordForm({
  email,
  currentLabel,
  currentHelp,
  submitLabel,
  submitIcon,
  fullWidth = false,
  onDone,
}: {
  /** For password managers: the account the new password belongs to. */
  email: string;
  currentLabel: string;
  currentHelp?: string;
  submitLabel: string;
  submitIcon?: ReactNode;
  fullWidth?: boolean;
  onDone: () => Promise<void> | void;
}) {
  const message = useErrorMessage();
  const { form, change } = usePasswordChange(onDone);
  const error = change.error;
  const shownByField = error instanceof ApiError && (!!FIELD_OF[error.code] || error.fields.length > 0);
  return (
    <form
      onSubmit={form.onSubmit((v) => change.mutate({ current: v.current, password: v.password }))}
      noValidate
    >
      <Stack gap="md">
        {error && !shownByField && (
          <Alert color="red" variant="light" role="alert">
            {message(error)}
          </Alert>
        )}
        {/* Lets a password manager file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordInput
          label={currentLabel}
          description={currentHelp}
          autoComplete="current-password"
          required
          {...form.getInputProps('current')}
        />
        <NewPasswordFields form={form} />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={change.isPending}
            fullWidth={fullWidth}
            size={fullWidth ? 'md' : 'sm'}
            leftSection={submitIcon}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
