import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { useMoveState } from './queries';

/** The dialog that closes a difficulty with a note for its author. */
export function CloseDifficultyModal({
  opened,
  onClose,
  move,
}: {
  opened: boolean;
  onClose: () => void;
  move: ReturnType<typeof useMoveState>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('difficulties.close.title')}>
      <Stack>
        <Textarea
          label={t('difficulties.close.note')}
          description={t('difficulties.close.noteHint')}
          autosize
          minRows={4}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={move.isPending}
            disabled={note.trim().length < 3}
            onClick={() => move.mutate({ to: 'closed', note: note.trim() })}
          >
            {t('difficulties.close.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
