import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import type { ProgrammeEvent as Event, useRemoveEvent } from './queries';

/** The dialog that confirms a programme date's removal. */
export function RemoveEventModal({
  removing,
  onClose,
  remove,
}: {
  removing: Event | null;
  onClose: () => void;
  remove: ReturnType<typeof useRemoveEvent>;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={removing !== null} onClose={onClose} title={t('meetings.events.removeTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('meetings.events.removeConfirm', { title: removing?.title ?? '' })}</Text>
        {remove.error && <ErrorAlert error={remove.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('meetings.events.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => removing && remove.mutate(removing)}>
            {t('meetings.events.removeButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
