import { Box, Card, Group, List, Stack, Text, Title } from '@mantine/core';
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
      {/* One item per problem, line and column above the text: nothing scrolls sideways on a phone. */}
      <section
        aria-label={t('imports.rowErrorsTable')}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus to scroll by keyboard
        tabIndex={0}
      >
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
          {rejected.rowErrors.map((e, i) => (
            <Box
              component="li"
              key={`${e.line}-${e.code}-${e.column ?? ''}-${e.message}`}
              data-testid="row-error"
              py={6}
              px="xs"
              bg={i % 2 === 0 ? 'var(--mantine-color-gray-0)' : undefined}
            >
              <Text size="sm" fw={600}>
                {t('imports.col.line')} {e.line}
                {e.column ? ` · ${t('imports.col.column')} ${e.column}` : ''}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {issueText(e, i18n.language).replace(/^(Ligne|Line) \d+ ?: ?/, '')}
              </Text>
            </Box>
          ))}
        </Stack>
      </section>
    </>
  );
}
