import { Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quota } from './queries';

/** For each kind of trace, how many the semester expects, how many were sent and how many validated. */
export function QuotaProgress({ quotas, period }: { quotas: Quota[]; period: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="portfolio-quotas">
      <Title order={2} fz={20} id="portfolio-quotas" mb={4}>
        {t('portfolio.quotas.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('portfolio.quotas.help', { period })}
      </Text>
      {quotas.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('portfolio.quotas.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {quotas.map((q) => (
            <QuotaCard key={q.typeId} q={q} />
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

function QuotaCard({ q }: { q: Quota }) {
  const { t } = useTranslation();
  const of = Math.max(q.expected, q.submitted, 1);
  const waiting = Math.max(0, q.submitted - q.validated);
  return (
    <Card withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Title order={3} fz={15} className="break-anywhere">
          {q.typeLabel}
        </Title>
        <Progress.Root size="lg" aria-hidden>
          <Progress.Section value={(q.validated / of) * 100} color="sauge.6" />
          <Progress.Section value={(waiting / of) * 100} color="indigo.4" />
        </Progress.Root>
        <Group gap="md" wrap="wrap">
          <Text size="sm">{t('portfolio.quotas.expected', { count: q.expected })}</Text>
          <Text size="sm">{t('portfolio.quotas.submitted', { count: q.submitted })}</Text>
          <Text size="sm" fw={600} c="sauge.8">
            {t('portfolio.quotas.validated', { count: q.validated })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
