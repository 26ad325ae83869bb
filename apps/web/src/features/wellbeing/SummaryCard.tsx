import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWellbeingSummary } from './queries';

/** The coordinators' view of check-ins: counts of people over twelve months, never below five. */
export function WellbeingSummaryCard({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const summary = useWellbeingSummary(programmeId);
  const s = summary.data;
  if (!s) return null;
  const figures = [
    ['consented', s.consented],
    ['asked', s.asked],
    ['answered', s.answered],
    ['missed', s.missed],
    ['distress', s.distress],
    ['toldTutor', s.toldTutor],
  ] as const;
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz={17}>
          {t('wellbeing.summary.title')}
        </Title>
        {s.shown ? (
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
            {figures.map(([k, v]) => (
              <Stack key={k} gap={0}>
                <Text fz={22} fw={700}>
                  {v}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`wellbeing.summary.${k}`, { count: v ?? 0 })}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        ) : (
          <Text size="sm">{t('wellbeing.summary.withheld', { count: s.minimum })}</Text>
        )}
        <Text size="xs" c="dimmed">
          {t('wellbeing.summary.note')}
        </Text>
      </Stack>
    </Card>
  );
}
