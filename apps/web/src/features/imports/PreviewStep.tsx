import { Alert, Button, Card, Checkbox, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconArrowBack, IconFileCheck, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../app/types';
import { ColumnMapping } from './ColumnMapping';
import classes from './imports.module.css';
import { PlannedPeople } from './PlannedPeople';
import { issueText } from './Rejection';
import type { ColumnChoice, ImportPreview } from './types';

export function PreviewStep({
  programme,
  preview,
  onBack,
  onChoose,
  updating,
  onCommit,
}: {
  programme: Programme;
  preview: ImportPreview;
  onBack: () => void;
  onChoose: (header: string, choice: ColumnChoice) => void;
  updating: boolean;
  onCommit: (invite: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [invite, setInvite] = useState(true);
  const toWrite = preview.counts.new + preview.counts.updated;
  const stats = [
    { key: 'total', n: preview.counts.total, color: undefined },
    { key: 'new', n: preview.counts.new, color: 'sauge.8' },
    { key: 'updated', n: preview.counts.updated, color: 'ardoise.8' },
    { key: 'unchanged', n: preview.counts.unchanged, color: undefined },
  ];

  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconFileCheck
          size={24}
          color="var(--mantine-color-sauge-7)"
          aria-hidden
          style={{ flex: 'none', marginTop: 2 }}
        />
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {t('imports.preview.title', { filename: preview.filename })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('imports.preview.intro')}
          </Text>
        </Stack>
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {stats.map((s) => (
          <Card key={s.key} padding="md" className={classes.stat} data-testid={`count-${s.key}`}>
            <Text fz={26} fw={700} lh={1.1} c={s.color}>
              {s.n}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`imports.preview.counts.${s.key}`, { count: s.n })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>

      <ColumnMapping columns={preview.fileColumns} onChoose={onChoose} busy={updating} />
      {updating && (
        <Text size="sm" role="status" aria-live="polite">
          {t('imports.mapping.updating')}
        </Text>
      )}
      {preview.warnings.length > 0 && (
        <Alert
          variant="light"
          color="ambre"
          icon={<IconAlertCircle aria-hidden />}
          title={t('imports.preview.warningsTitle', { count: preview.warnings.length })}
        >
          <List size="sm" spacing={4}>
            {preview.warnings.map((w) => (
              <List.Item key={`${w.code}-${w.line ?? ''}-${w.column ?? ''}-${w.message}`}>
                {issueText(w, i18n.language)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <PlannedPeople programme={programme} preview={preview} />

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
    </Stack>
  );
}
