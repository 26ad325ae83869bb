import { addMemberBody } from '@compagnon/server/modules/people/schema.ts';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import type { Programme } from '../../app/types';
import { useSchemaValidator } from '../../app/validation';
import { AddPersonFields, type AddPersonValues } from './AddPersonFields';
import { useAddMember } from './queries';

type Values = AddPersonValues;

const toBody = (v: Values) => ({
  name: v.name,
  email: v.email,
  role: v.role,
  capacity: v.role === 'tutor' && v.capacity !== '' ? Number(v.capacity) : null,
  sendInvitation: v.sendInvitation,
});

export function AddPersonModal({
  programme,
  opened,
  onClose,
}: {
  programme: Programme;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const phone = useMediaQuery('(max-width: 48em)');
  const validate = useSchemaValidator(addMemberBody, toBody);
  const form = useForm<Values>({
    initialValues: {
      name: '',
      email: '',
      role: 'tutee',
      capacity: programme.rules.tutorCapacity.max,
      sendInvitation: true,
    },
    validate,
  });
  const add = useAddMember(programme.id, {
    onSuccess: (added, v) => {
      // 'invited' is also the answer for an account of another organisation, which joins only once
      // it accepts: the note says so without telling whether the address has an account.
      const done =
        added.status === 'invited' && v.sendInvitation
          ? t('people.add.doneInvited', { email: added.email })
          : t('people.add.done', { name: added.name });
      notifications.show({
        color: 'sauge',
        title: t('people.add.doneTitle'),
        message: added.status === 'invited' ? `${done} ${t('people.add.pendingNote')}` : done,
      });
      form.reset();
      onClose();
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  const values = form.getValues();
  const fieldErrors = add.error instanceof ApiError && add.error.fields.length > 0;

  return (
    <Modal opened={opened} onClose={onClose} title={t('people.add.title')} fullScreen={phone} size="lg">
      <form onSubmit={form.onSubmit((v) => add.mutate(toBody(v)))} noValidate>
        <Stack gap="md">
          {add.error && !fieldErrors && (
            <Alert color="red" variant="light" role="alert">
              {message(add.error)}
            </Alert>
          )}
          <AddPersonFields form={form} programme={programme} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {values.sendInvitation ? t('people.add.submitInvite') : t('people.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
