import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { EventFields } from './EventFields';
import type { Draft } from './eventDraft';
import type { useSaveEvent } from './queries';

/** The dialog where a programme date is added or changed. */
export function EventEditModal({
  opened,
  isNew,
  draft,
  onDraft,
  zone,
  endBeforeStart,
  ready,
  onSubmit,
  onClose,
  save,
}: {
  opened: boolean;
  isNew: boolean;
  draft: Draft;
  onDraft: (next: Draft) => void;
  zone: string;
  endBeforeStart: boolean;
  ready: boolean;
  onSubmit: () => void;
  onClose: () => void;
  save: ReturnType<typeof useSaveEvent>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={isNew ? t('meetings.events.add') : t('meetings.events.editTitle')}
      size="lg"
    >
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          if (ready) onSubmit();
        }}
      >
        <Stack gap="sm">
          <EventFields draft={draft} onDraft={onDraft} zone={zone} endBeforeStart={endBeforeStart} />
          {save.error && <ErrorAlert error={save.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('meetings.events.cancel')}
            </Button>
            <Button type="submit" disabled={!ready} loading={save.isPending}>
              {t('meetings.events.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
