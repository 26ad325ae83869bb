import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconNotebook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePortfolioEntries } from './entry';
import { type PortfolioView, type Queue, useMyPortfolioViews } from './queries';
import { dueDay, usePortfolioDates } from './words';

/**
 * On the home page: a resident's next trace due in each portfolio they keep, and a tutor's reviews
 * of the week. Nothing shows to whoever has no portfolio to keep or read.
 */
export function PortfolioHomeCard() {
  const { t } = useTranslation();
  const { me, programmes, queue, reviews } = usePortfolioEntries();
  const views = useMyPortfolioViews(
    programmes.map((p) => p.id),
    me.id,
  );
  const mine = views.flatMap((v) => (v.data ? [v.data] : []));
  if (mine.length === 0 && !reviews) return null;
  return (
    <Card withBorder radius="md" p="md" mb="md" component="section" aria-labelledby="home-portfolio">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconNotebook size={20} aria-hidden />
          <Title order={2} fz={17} id="home-portfolio">
            {mine.length > 0 ? t('portfolio.home.title') : t('portfolio.home.reviewsTitle')}
          </Title>
        </Group>
        {mine.map((v) => (
          <NextTrace key={v.programme.id} v={v} several={mine.length > 1} />
        ))}
        {reviews && queue && <Reviews queue={queue} />}
      </Stack>
    </Card>
  );
}

function NextTrace({ v, several }: { v: PortfolioView; several: boolean }) {
  const { t } = useTranslation();
  const { day } = usePortfolioDates(v.timeZone);
  const next = v.traces
    .filter((x) => x.state === 'planned' || x.state === 'draft' || x.state === 'revision')
    .sort((a, b) => dueDay(a).localeCompare(dueDay(b)))[0];
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Stack gap={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
        {several && (
          <Text size="xs" c="dimmed" fw={600}>
            {v.programme.name}
          </Text>
        )}
        {next ? (
          <Text size="sm" className="break-anywhere">
            {t('portfolio.home.next', { title: next.title || next.typeLabel, date: day(dueDay(next)) })}{' '}
            {next.late && (
              <Badge size="sm" color="red" tt="none">
                {t('portfolio.state.late')}
              </Badge>
            )}
          </Text>
        ) : (
          <Text size="sm">{t('portfolio.home.nothingDue')}</Text>
        )}
      </Stack>
      <Group gap="xs">
        {next && (
          <Anchor component={Link} to={`/portfolio/traces/${next.id}`} size="sm">
            {t('portfolio.home.write')}
          </Anchor>
        )}
        <Button component={Link} to={`/portfolio/${v.programme.id}`} size="sm" variant="light">
          {t('portfolio.home.open')}
        </Button>
      </Group>
    </Group>
  );
}

function Reviews({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  const later = queue.later.reduce((n, w) => n + w.count, 0);
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Stack gap={2} style={{ flex: '1 1 220px' }}>
        <Text size="sm" fw={600}>
          {t('portfolio.home.reviews', { count: queue.due.length })}
        </Text>
        {later > 0 && (
          <Text size="xs" c="dimmed">
            {t('portfolio.queue.laterCount', { count: later })}
          </Text>
        )}
      </Stack>
      <Button component={Link} to="/relectures" size="sm" variant={queue.due.length > 0 ? 'filled' : 'light'}>
        {t('portfolio.home.openQueue')}
      </Button>
    </Group>
  );
}
