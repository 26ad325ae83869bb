import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../app/types';
import { ColumnMapping } from './ColumnMapping';
import { CommitCard } from './CommitCard';
import { PlannedPeople } from './PlannedPeople';
import { PreviewSummary } from './PreviewSummary';
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
  const { i18n, t } = useTranslation();

  return (
    <Stack gap="lg">
      <PreviewSummary preview={preview} />

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

      <CommitCard preview={preview} updating={updating} onBack={onBack} onCommit={onCommit} />
    </Stack>
  );
}
