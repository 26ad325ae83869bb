import '@mantine/charts/styles.css';
import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentPeriod } from '../../app/dates';

export function ReviewDownload({ programmeId, timeZone }: { programmeId: string; timeZone: string }) {
  const { t } = useTranslation();
  const current = Number(currentPeriod(timeZone).slice(0, 4));
  const years = [current, current - 1, current - 2].map((y) => ({
    value: String(y),
    label: `${y}-${y + 1}`,
  }));
  const [year, setYear] = useState(String(current));
  const base = `/api/programmes/${programmeId}/followup/review`;
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('followup.review.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('followup.review.hint')}
        </Text>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('followup.review.year')}
            data={years}
            value={year}
            onChange={(v) => setYear(v ?? String(current))}
            w={160}
            allowDeselect={false}
          />
          <Button
            component="a"
            href={`${base}.pdf?year=${year}`}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('followup.review.pdf')}
          </Button>
          <Button
            component="a"
            href={`${base}.csv?year=${year}`}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('followup.review.csv')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
