import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/** A new password and its confirmation, with the password rule: reset, invitation and change. */
export function NewPasswordFields<T extends { password: string; confirm: string }>({
  form,
  label,
}: {
  form: UseFormReturnType<T>;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={label ?? t('auth.reset.password')}
        description={t('auth.passwordRule')}
        autoComplete="new-password"
        required
        {...form.getInputProps('password')}
      />
      <PasswordInput
        label={t('auth.reset.confirm')}
        autoComplete="new-password"
        required
        {...form.getInputProps('confirm')}
      />
    </>
  );
}
