import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DifficultyView, useForward } from './queries';

/** The dialog that forwards a systemic difficulty to another organisation, in the coordination's words. */
export function ForwardDifficultyModal({
  d,
  opened,
  onClose,
  forward,
}: {
  d: DifficultyView;
  opened: boolean;
  onClose: () => void;
  forward: ReturnType<typeof useForward>;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string | null>(null);
  const [text, setText] = useState(d.description ?? '');
  return (
    <Modal opened={opened} onClose={onClose} title={t('difficulties.forward.title')}>
      <Stack>
        <Text size="sm">{t('difficulties.forward.intro')}</Text>
        <Select
          label={t('difficulties.forward.organisation')}
          data={d.forwardTargets.map((o) => ({ value: o.id, label: o.name }))}
          value={target}
          onChange={setTarget}
          searchable
          allowDeselect={false}
        />
        <Textarea
          label={t('difficulties.forward.text')}
          description={t('difficulties.forward.textHint')}
          autosize
          minRows={4}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={forward.isPending}
            disabled={!target || text.trim().length < 10}
            onClick={() => target && forward.mutate({ orgId: target, text: text.trim() })}
          >
            {t('difficulties.forward.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
