import { Card, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
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
        <Card withBorder radius="md" p="md">
          <SimpleGrid
            cols={{ base: 1, md: 2 }}
            spacing="lg"
            verticalSpacing="md"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
          >
            {quotas.map((q) => (
              <QuotaLine key={q.typeId} q={q} />
            ))}
          </SimpleGrid>
        </Card>
      )}
    </section>
  );
}

function QuotaLine({ q }: { q: Quota }) {
  const { t } = useTranslation();
  const of = Math.max(q.expected, q.submitted, 1);
  // Sent counts every trace the tutor has had, validated ones included.
  const waiting = Math.max(0, q.submitted - q.validated);
  return (
    <Stack component="li" gap={4}>
      <Title order={3} fz={15} className="break-anywhere">
        {q.typeLabel}
      </Title>
      <Progress.Root size="md" aria-hidden>
        <Progress.Section value={(q.validated / of) * 100} color="sauge.6" />
        <Progress.Section value={(waiting / of) * 100} color="indigo.4" />
      </Progress.Root>
      <Text size="sm">
        {t('portfolio.quotas.line', {
          expected: t('portfolio.quotas.expected', { count: q.expected }),
          submitted: t('portfolio.quotas.submitted', { count: q.submitted }),
          validated: t('portfolio.quotas.validated', { count: q.validated }),
        })}
      </Text>
    </Stack>
  );
}
