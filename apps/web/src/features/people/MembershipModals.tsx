import { updateMembershipBody } from '@compagnon/server/modules/people/schema.ts';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Trans, useTranslation } from 'react-i18next';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { type Programme, type Role, roles } from '../../app/types';
import { roleLabel } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { type MembershipRef, useRemoveMembership, useResendInvitation, useUpdateMembership } from './queries';

interface EditValues {
  role: Role;
  capacity: number | string;
}
const toBody = (v: EditValues) => ({
  role: v.role,
  capacity: v.role === 'tutor' ? (v.capacity === '' ? null : Number(v.capacity)) : null,
});

function EditForm({
  programme,
  target,
  onClose,
}: {
  programme: Programme;
  target: MembershipRef;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const validate = useSchemaValidator(updateMembershipBody, toBody);
  const form = useForm<EditValues>({
    initialValues: { role: target.membership.role, capacity: target.membership.capacity ?? '' },
    validate,
  });
  const save = useUpdateMembership(programme.id, target.membership.id, {
    onSuccess: () => {
      notifications.show({ color: 'sauge', message: t('people.edit.done', { name: target.person.name }) });
      onClose();
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(toBody(v)))} noValidate>
      <Stack gap="md">
        {save.error && (
          <Alert color="red" variant="light" role="alert">
            {message(save.error)}
          </Alert>
        )}
        <Select
          label={t('people.add.role')}
          allowDeselect={false}
          data={roles.map((r) => ({ value: r, label: roleLabel(t, r, programme.template) }))}
          {...form.getInputProps('role')}
        />
        {form.getValues().role === 'tutor' && (
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
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EditMembershipModal({
  programme,
  target,
  onClose,
}: {
  programme: Programme;
  target: MembershipRef | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={!!target}
      onClose={onClose}
      title={target ? t('people.edit.title', { name: target.person.name }) : ''}
    >
      {target && (
        <EditForm key={target.membership.id} programme={programme} target={target} onClose={onClose} />
      )}
    </Modal>
  );
}

export function RemoveMembershipModal({
  programme,
  target,
  onClose,
}: {
  programme: Programme;
  target: MembershipRef | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const remove = useRemoveMembership(programme.id, {
    onSuccess: (_, ref) => {
      notifications.show({ color: 'sauge', message: t('people.remove.done', { name: ref.person.name }) });
      onClose();
    },
  });
  return (
    <Modal opened={!!target} onClose={onClose} title={t('people.remove.title')}>
      {target && (
        <Stack gap="md">
          <Text>
            <Trans
              i18nKey="people.remove.body"
              values={{
                name: target.person.name,
                role: roleLabel(t, target.membership.role, programme.template).toLowerCase(),
              }}
              components={{ strong: <strong /> }}
            />
          </Text>
          <Text size="sm" c="dimmed">
            {t('people.remove.help')}
          </Text>
          {remove.error && (
            <Alert color="red" variant="light" role="alert">
              {message(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(target)}>
              {t('people.remove.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Sends the invitation again and says so (or why not). */
export function useResendInvitationWithNotice(programmeId: string) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return useResendInvitation(programmeId, {
    onSuccess: (_, ref) =>
      notifications.show({
        color: 'sauge',
        message: t(ref.person.status === 'notInvited' ? 'people.resend.sent' : 'people.resend.done', {
          email: ref.person.email ?? ref.person.name,
        }),
      }),
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
}
