import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import { useEndCoaching } from './queries';

/** Ends a coaching before its year: a note for the others, optional, then a confirmation. */
export function EndCoaching({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const end = useEndCoaching((e) => notifications.show({ color: 'red', message: message(e) }));
  if (!open)
    return (
      <Group>
        <Button size="xs" variant="subtle" color="gray" onClick={() => setOpen(true)}>
          {t('coaching.end')}
        </Button>
      </Group>
    );
  return (
    <Stack gap="xs">
      <Textarea
        label={t('coaching.endNote', { name })}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={1000}
      />
      <Group>
        <Button
          size="xs"
          color="red"
          loading={end.isPending}
          onClick={() => end.mutate({ id, note: note.trim() || null })}
        >
          {t('coaching.endConfirm')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
