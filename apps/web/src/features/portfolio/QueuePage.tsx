import {
  Alert,
  Badge,
  Card,
  EmptyState,
  Group,
  List,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconCalendarWeek, IconChevronRight, IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import classes from './portfolio.module.css';
import { type Queue, type QueueItem, useReviewQueue } from './queries';
import { traceSubtitle } from './TraceList';
import { usePortfolioDates } from './words';

/** The tutor's reviews: those asked this week and before, then how many wait for the next weeks. */
export function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('portfolio.queue.title'));
  const query = useReviewQueue();
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const q = query.data;
  return (
    <Stack gap="xl" maw={860}>
      <PageHeader
        title={t('portfolio.queue.title')}
        description={t('portfolio.queue.cap', { count: q.weeklyReviewCap })}
      />
      <section aria-labelledby="queue-due">
        <Title order={2} fz={20} id="queue-due" mb="sm">
          {t('portfolio.queue.dueTitle', { count: q.due.length })}
        </Title>
        {q.due.length === 0 ? (
          <Card>
            <EmptyState
              variant="light"
              icon={<IconInbox size={28} aria-hidden />}
              title={t('portfolio.queue.noneTitle')}
              description={t('portfolio.queue.noneBody')}
            />
          </Card>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {q.due.map((item) => (
              <li key={item.trace.id}>
                <DueItem item={item} q={q} />
              </li>
            ))}
          </Stack>
        )}
      </section>
      <Later q={q} />
    </Stack>
  );
}

function DueItem({ item, q }: { item: QueueItem; q: Queue }) {
  const { t } = useTranslation();
  const { day, instant } = usePortfolioDates(q.timeZone);
  const x = item.trace;
  const waiting = x.reviewWeek !== null && x.reviewWeek < q.thisWeek;
  return (
    <UnstyledButton
      component={Link}
      to={`/portfolio/traces/${x.id}`}
      className={classes.traceLink}
      data-late={waiting || undefined}
    >
      <Group wrap="nowrap" gap="sm" align="flex-start">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} className="break-anywhere">
            {item.resident.name} — {x.title || x.typeLabel}
          </Text>
          <Text size="sm" c="dimmed" className="break-anywhere">
            {[traceSubtitle(x), item.programme.name].filter(Boolean).join(' · ')}
          </Text>
          <Group gap={6} wrap="wrap">
            {x.versions > 1 && (
              <Badge size="sm" variant="light" color="ambre" tt="none">
                {t('portfolio.queue.revised', { n: x.versions })}
              </Badge>
            )}
            {waiting && x.reviewWeek && (
              <Text size="sm" c="red.8" fw={600}>
                {t('portfolio.queue.waitingSince', { date: day(x.reviewWeek) })}
              </Text>
            )}
          </Group>
          {x.submittedAt && (
            <Text size="sm">{t('portfolio.queue.sentOn', { date: instant(x.submittedAt) })}</Text>
          )}
        </Stack>
        <IconChevronRight size={18} aria-hidden className={classes.arrow} />
      </Group>
    </UnstyledButton>
  );
}

/** What the cap put later: only counts, week by week. */
function Later({ q }: { q: Queue }) {
  const { t } = useTranslation();
  const { day } = usePortfolioDates(q.timeZone);
  const total = q.later.reduce((n, w) => n + w.count, 0);
  return (
    <section aria-labelledby="queue-later">
      <Title order={2} fz={20} id="queue-later" mb="sm">
        {t('portfolio.queue.laterTitle')}
      </Title>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('portfolio.queue.laterNone')}
        </Text>
      ) : (
        <Alert variant="light" color="indigo" icon={<IconCalendarWeek aria-hidden />}>
          <Text size="sm" fw={600} mb={6}>
            {t('portfolio.queue.laterCount', { count: total })}
          </Text>
          <List size="sm" spacing={2}>
            {q.later.map((w) => (
              <List.Item key={w.week}>
                {t('portfolio.queue.laterWeek', { date: day(w.week), count: w.count })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </section>
  );
}
