import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMyEndReviews, useMyQuestionnaires } from './queries';

/**
 * On the home page: the end reviews waiting for their author, until sent, and the questionnaires not
 * answered yet. Nothing shows when nothing waits.
 */
export function ReviewsHomeCard() {
  const { t } = useTranslation();
  const reviews = (useMyEndReviews().data ?? []).filter((r) => r.submittedAt === null);
  const questionnaires = useMyQuestionnaires().data ?? [];
  if (reviews.length === 0 && questionnaires.length === 0) return null;
  return (
    <Card withBorder radius="md" p="md" mb="md" component="section" aria-labelledby="home-reviews">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconClipboardCheck size={20} aria-hidden />
          <Title order={2} fz={17} id="home-reviews">
            {reviews.length > 0 ? t('reviews.home.title') : t('reviews.home.questionnaires')}
          </Title>
        </Group>
        {reviews.map((r) => (
          <Group key={r.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0} style={{ flex: '1 1 220px', minWidth: 0 }}>
              <Text size="sm" fw={600} className="break-anywhere">
                {r.with.length > 0 ? t('reviews.home.with', { names: r.with.join(', ') }) : r.title}
              </Text>
              <Text size="xs" c="dimmed">
                {r.programme.name} · {t('reviews.home.confidential')}
              </Text>
            </Stack>
            <Button component={Link} to={`/bilans/${r.id}`} size="sm">
              {t('reviews.home.fill')}
            </Button>
          </Group>
        ))}
        {questionnaires.map((q) => (
          <Group key={q.askId} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0} style={{ flex: '1 1 220px', minWidth: 0 }}>
              <Text size="sm" fw={600} className="break-anywhere">
                {q.title}
              </Text>
              <Text size="xs" c="dimmed">
                {q.programme.name} · {t('reviews.home.anonymous')}
              </Text>
            </Stack>
            <Button component={Link} to={`/questionnaires/${q.askId}`} size="sm" variant="light">
              {t('reviews.home.answer')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
