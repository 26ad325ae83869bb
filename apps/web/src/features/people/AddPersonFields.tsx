import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type Programme, type Role, roles } from '../../app/types';
import { roleLabel } from '../../app/ui';

export interface AddPersonValues {
  name: string;
  email: string;
  role: Role;
  capacity: number | string;
  sendInvitation: boolean;
}

/** The fields of the add-a-person form: name, address, role, a tutor's places, and the invitation. */
export function AddPersonFields({
  form,
  programme,
}: {
  form: UseFormReturnType<AddPersonValues>;
  programme: Programme;
}) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <>
      <TextInput
        label={t('people.add.name')}
        description={t('people.add.nameHelp')}
        required
        autoComplete="off"
        {...form.getInputProps('name')}
      />
      <TextInput
        label={t('people.add.email')}
        type="email"
        required
        autoComplete="off"
        {...form.getInputProps('email')}
      />
      <Select
        label={t('people.add.role')}
        required
        allowDeselect={false}
        data={roles.map((r) => ({ value: r, label: roleLabel(t, r, programme.template) }))}
        {...form.getInputProps('role')}
      />
      {values.role === 'tutor' && (
        <NumberInput
          label={t('people.capacity')}
          description={t('people.capacityHelp', {
            min: programme.rules.tutorCapacity.min,
            max: programme.rules.tutorCapacity.max,
          })}
          min={0}
          max={100}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
      )}
      <Checkbox
        label={t('people.add.sendInvitation')}
        description={t('people.add.sendInvitationHelp')}
        {...form.getInputProps('sendInvitation', { type: 'checkbox' })}
      />
    </>
  );
}
