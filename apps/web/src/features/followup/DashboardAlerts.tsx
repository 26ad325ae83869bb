import { Group, SimpleGrid, Text, Title } from '@mantine/core';
import { IconMoodSmile } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AlertCard } from './AlertCard';
import type { Dashboard } from './queries';

/** The open alerts of the dashboard, as cards, with how many more there are. */
export function DashboardAlerts({
  alerts,
  orgId,
  programmeId,
}: {
  alerts: Dashboard['alerts'];
  orgId: string;
  programmeId: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="alerts-title">
      <Title order={2} fz="lg" id="alerts-title" mb="sm">
        {t('followup.alertsTitle', { count: alerts.open })}
      </Title>
      {alerts.list.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconMoodSmile size={18} aria-hidden />
          <Text>{t('followup.noAlerts')}</Text>
        </Group>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {alerts.list.map((a) => (
            <AlertCard key={a.id} alert={a} orgId={orgId} programmeId={programmeId} />
          ))}
        </SimpleGrid>
      )}
      {alerts.list.length < alerts.open && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('followup.moreAlerts', { shown: alerts.list.length, total: alerts.open })}
        </Text>
      )}
    </section>
  );
}
