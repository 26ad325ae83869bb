import { Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import type { ImportIssue, RejectedFile } from './types';

export function issueText(issue: ImportIssue, lang: string) {
  return lang === 'en' ? issue.messageEn : issue.message;
}

export function rejectedFrom(error: unknown): RejectedFile | null {
  if (!(error instanceof ApiError)) return null;
  const d = (error.details ?? {}) as Partial<RejectedFile> & { messageEn?: string };
  if (!d.fileErrors && !d.rowErrors) return null;
  return {
    message: error.message,
    messageEn: d.messageEn ?? error.message,
    fileErrors: d.fileErrors ?? [],
    rowErrors: d.rowErrors ?? [],
    warnings: d.warnings ?? [],
    columns: d.columns ?? [],
    ignoredColumns: d.ignoredColumns ?? [],
    fileColumns: d.fileColumns ?? [],
    unresolved: d.unresolved ?? [],
    rowCount: d.rowCount,
    validRowCount: d.validRowCount,
  };
}

/** The problems of a refused file, line by line, so they can be fixed in the spreadsheet. */
export function Rejection({ rejected, filename }: { rejected: RejectedFile; filename: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      withBorder
      style={{ borderColor: 'var(--mantine-color-red-3)' }}
      aria-labelledby="import-errors-title"
    >
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconAlertTriangle
            size={22}
            color="var(--mantine-color-red-8)"
            aria-hidden
            style={{ flex: 'none' }}
          />
          <Stack gap={4}>
            <Title order={2} fz="lg" id="import-errors-title">
              {t('imports.rejectedTitle', { filename })}
            </Title>
            <Text size="sm" role="alert">
              {i18n.language === 'en' ? rejected.messageEn : rejected.message}
            </Text>
          </Stack>
        </Group>
        {rejected.fileErrors.length > 1 && (
          <List size="sm" spacing={4}>
            {rejected.fileErrors.map((e) => (
              <List.Item key={`${e.code}-${e.line ?? ''}-${e.message}`}>
                {issueText(e, i18n.language)}
              </List.Item>
            ))}
          </List>
        )}
        {rejected.rowErrors.length > 0 && <RowErrors rejected={rejected} />}
        {rejected.ignoredColumns.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('imports.ignoredColumns', {
              count: rejected.ignoredColumns.length,
              columns: rejected.ignoredColumns.map((c) => `« ${c} »`).join(', '),
            })}
          </Text>
        )}
        <Text size="sm">{t('imports.fixAndRetry')}</Text>
      </Stack>
    </Card>
  );
}

/** How many rows are refused, then each problem with its line and column. */
function RowErrors({ rejected }: { rejected: RejectedFile }) {
  const { t, i18n } = useTranslation();
  const lines = new Set(rejected.rowErrors.map((e) => e.line));
  return (
    <>
      <Text size="sm" fw={500}>
        {t('imports.rowErrorsSummary', {
          count: rejected.rowErrors.length,
          lines: lines.size,
          total: rejected.rowCount ?? 0,
        })}
      </Text>
      <Table.ScrollContainer minWidth={520} type="native" mah={420}>
        <Table striped verticalSpacing="xs" aria-label={t('imports.rowErrorsTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('imports.col.line')}</Table.Th>
              <Table.Th w={160}>{t('imports.col.column')}</Table.Th>
              <Table.Th>{t('imports.col.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rejected.rowErrors.map((e) => (
              <Table.Tr key={`${e.line}-${e.code}-${e.column ?? ''}-${e.message}`} data-testid="row-error">
                <Table.Td fw={600}>{e.line}</Table.Td>
                <Table.Td>{e.column ?? '—'}</Table.Td>
                <Table.Td>{issueText(e, i18n.language).replace(/^(Ligne|Line) \d+ ?: ?/, '')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
