import { Button, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconArrowBack, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from './types';

/** The last step of the preview: what will be written, whether to invite the new people now, and the buttons. */
export function CommitCard({
  preview,
  updating,
  onBack,
  onCommit,
}: {
  preview: ImportPreview;
  updating: boolean;
  onBack: () => void;
  onCommit: (invite: boolean) => void;
}) {
  const { t } = useTranslation();
  const [invite, setInvite] = useState(true);
  const toWrite = preview.counts.new + preview.counts.updated;
  return (
    <Card>
      <Stack gap="sm">
        <Text size="sm">
          {toWrite === 0
            ? t('imports.preview.nothing')
            : t('imports.preview.confirmText', { count: toWrite, newCount: preview.counts.new })}
        </Text>
        {preview.counts.new > 0 && (
          <Checkbox
            checked={invite}
            onChange={(e) => setInvite(e.currentTarget.checked)}
            label={t('imports.preview.inviteNow')}
            description={t('imports.preview.inviteLater')}
          />
        )}
        {preview.unresolved.length > 0 ? (
          <Text size="sm" c="red.8">
            {t('imports.preview.unresolved')}
          </Text>
        ) : (
          !preview.actions.commit && (
            <Text size="sm" c="red.8">
              {t('imports.preview.cannotCommit')}
            </Text>
          )
        )}
        <Group justify="space-between" gap="sm">
          <Button variant="default" leftSection={<IconArrowBack size={16} aria-hidden />} onClick={onBack}>
            {t('imports.preview.otherFile')}
          </Button>
          <Button
            leftSection={<IconUsersPlus size={16} aria-hidden />}
            onClick={() => onCommit(invite)}
            disabled={!preview.actions.commit || toWrite === 0 || updating}
          >
            {t('imports.preview.commit', { count: toWrite })}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
