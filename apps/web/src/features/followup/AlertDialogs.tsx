import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Outcome = 'handled' | 'repairing';

/** What both dialogs share: their text, the request under way, and how they are left. */
interface DialogProps {
  opened: boolean;
  text: string;
  onText: (text: string) => void;
  pending: boolean;
  onClose: () => void;
}

/** A dialog of the alert: its fields, then cancel and the action (which needs some text). */
function AlertDialog({
  opened,
  title,
  text,
  pending,
  onClose,
  onConfirm,
  confirm,
  children,
}: Omit<DialogProps, 'onText'> & {
  title: string;
  onConfirm: () => void;
  confirm: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={pending} disabled={!text.trim()} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A message to the pair's tutor. */
export function MessageDialog({
  tutorName,
  onSend,
  ...dialog
}: DialogProps & { tutorName: string; onSend: () => void }) {
  const { t } = useTranslation();
  return (
    <AlertDialog
      {...dialog}
      title={t('followup.messageTitle', { name: tutorName })}
      onConfirm={onSend}
      confirm={t('followup.send')}
    >
      <Textarea
        label={t('followup.messageLabel')}
        description={t('followup.messageHint')}
        autosize
        minRows={4}
        value={dialog.text}
        onChange={(e) => dialog.onText(e.currentTarget.value)}
      />
    </AlertDialog>
  );
}

/** The alert closed, with its outcome and a note. */
export function CloseDialog({
  outcome,
  onOutcome,
  onConfirm,
  ...dialog
}: DialogProps & { outcome: Outcome; onOutcome: (outcome: Outcome) => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <AlertDialog
      {...dialog}
      title={t('followup.closeTitle')}
      onConfirm={onConfirm}
      confirm={t('followup.actions.close')}
    >
      <Select
        label={t('followup.outcome')}
        value={outcome}
        onChange={(v) => onOutcome((v as Outcome) ?? 'handled')}
        data={[
          { value: 'handled', label: t('followup.outcomes.handled') },
          { value: 'repairing', label: t('followup.outcomes.repairing') },
        ]}
        allowDeselect={false}
      />
      <Textarea
        label={t('followup.note')}
        description={t('followup.noteHint')}
        autosize
        minRows={3}
        value={dialog.text}
        onChange={(e) => dialog.onText(e.currentTarget.value)}
      />
    </AlertDialog>
  );
}
