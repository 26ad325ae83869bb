import { Alert, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertCircle,
  IconArrowBack,
  IconColumnsOff,
  IconFileCheck,
  IconUsersPlus,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../app/types';
import classes from './imports.module.css';
import { PlannedPeople } from './PlannedPeople';
import { issueText } from './Rejection';
import type { ImportPreview } from './types';

export function PreviewStep({
  programme,
  preview,
  onBack,
  onCommit,
}: {
  programme: Programme;
  preview: ImportPreview;
  onBack: () => void;
  onCommit: () => void;
}) {
  const { t, i18n } = useTranslation();
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

      {preview.ignoredColumns.length > 0 && (
        <Alert
          variant="light"
          color="gray"
          icon={<IconColumnsOff aria-hidden />}
          title={t('imports.preview.ignoredTitle', { count: preview.ignoredColumns.length })}
        >
          {t('imports.preview.ignoredBody', {
            count: preview.ignoredColumns.length,
            columns: preview.ignoredColumns.map((c) => `« ${c} »`).join(', '),
          })}
        </Alert>
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
          {!preview.actions.commit && (
            <Text size="sm" c="red.8">
              {t('imports.preview.cannotCommit')}
            </Text>
          )}
          <Group justify="space-between" gap="sm">
            <Button variant="default" leftSection={<IconArrowBack size={16} aria-hidden />} onClick={onBack}>
              {t('imports.preview.otherFile')}
            </Button>
            <Button
              leftSection={<IconUsersPlus size={16} aria-hidden />}
              onClick={onCommit}
              disabled={!preview.actions.commit || toWrite === 0}
            >
              {t('imports.preview.commit', { count: toWrite })}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
