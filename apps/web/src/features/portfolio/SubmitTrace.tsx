import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { type Submitted, type TraceView, useSubmitTrace } from './queries';
import { clearLocalDraft, type Draft } from './useDraft';

/** "Envoyer à mon tuteur": the text is saved first, then sent; the tutor's review week comes back. */
export function SubmitTrace({
  v,
  draft,
  onSubmitted,
}: {
  v: TraceView;
  draft: Draft;
  onSubmitted: (s: Submitted) => void;
}) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const submit = useSubmitTrace(v.trace.id, {
    onSuccess: (s) => {
      clearLocalDraft(v.trace.id);
      modal.close();
      onSubmitted(s);
    },
  });
  const files = v.versions.at(-1)?.attachments.length ?? 0;
  const empty = draft.values.body.trim() === '' && files === 0;
  const send = async () => {
    setSaveError(null);
    try {
      if (draft.dirty && !(await draft.saveNow())) return;
    } catch (e) {
      setSaveError(e);
      return;
    }
    submit.mutate();
  };
  const tutor = v.reviewer?.name;
  return (
    <>
      <Group justify="flex-end">
        <Button
          size="md"
          leftSection={<IconSend size={18} aria-hidden />}
          onClick={modal.open}
          disabled={!v.can.submit || empty || !draft.titled}
        >
          {t('portfolio.submit.button')}
        </Button>
      </Group>
      {empty && (
        <Text size="sm" c="dimmed" ta="right">
          {t('portfolio.submit.empty')}
        </Text>
      )}
      <Modal opened={opened} onClose={modal.close} title={t('portfolio.submit.confirmTitle')} centered>
        <Stack gap="md">
          <Text size="sm">
            {tutor ? t('portfolio.submit.confirm', { name: tutor }) : t('portfolio.submit.confirmNoTutor')}
          </Text>
          {saveError ? <ErrorAlert error={saveError} /> : null}
          {submit.error && <ErrorAlert error={submit.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={modal.close}>
              {t('common.cancel')}
            </Button>
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={() => void send()}
              loading={draft.saving || submit.isPending}
            >
              {t('portfolio.submit.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
