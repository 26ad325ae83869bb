import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Report } from './queries';

/** The free-text fields of the report grid, in order. */
export const REPORT_FIELDS = ['themes', 'problems', 'conclusions', 'remarks'] as const;

/** The report's content as its readers see it: only the fields filled in. */
export function ReportContentView({ content }: { content: NonNullable<Report['content']> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {content.place && (
        <Text size="sm">
          <b>{t('meetings.report.place')}</b> {content.place}
        </Text>
      )}
      {REPORT_FIELDS.map((f) =>
        content[f] ? (
          <Stack key={f} gap={2}>
            <Text size="sm" fw={600}>
              {t(`meetings.report.${f}`)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {content[f]}
            </Text>
          </Stack>
        ) : null,
      )}
    </Stack>
  );
}
