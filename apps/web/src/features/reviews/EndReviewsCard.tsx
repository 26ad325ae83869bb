import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDates } from '../../app/dates';
import { roleLabel } from '../../app/ui';
import { useProgrammeEndReviews } from './queries';

/**
 * The coordination's view of its programme's end reviews: how many were asked and sent, each rating's
 * mean from five answers (withheld below), and the reviews their authors chose to share.
 */
export function EndReviewsCard({
  programmeId,
  orgId,
  template,
}: {
  programmeId: string;
  orgId: string;
  template: string;
}) {
  const { t, i18n } = useTranslation();
  const { instant } = useDates(orgId);
  const q = useProgrammeEndReviews(programmeId);
  if (!q.data) return null;
  const d = q.data;
  const numbers = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    maximumFractionDigits: 1,
  });
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="end-reviews">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="end-reviews">
          {t('reviews.coordination.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reviews.coordination.hint', { min: d.minAggregate })}
        </Text>
        <Text size="sm" fw={500}>
          {t('reviews.coordination.counts', { submitted: d.submitted, invited: d.invited })}
        </Text>
        <Stack gap={4} component="dl" m={0}>
          {d.scales.map((s) => (
            <Group key={s.id} justify="space-between" wrap="wrap" gap="xs">
              <Text component="dt" size="sm">
                {s.label}
              </Text>
              <Text
                component="dd"
                m={0}
                size="sm"
                fw={s.shown ? 600 : 400}
                c={s.shown ? undefined : 'dimmed'}
              >
                {s.shown && s.mean !== null
                  ? t('reviews.end.outOf5', { value: numbers.format(s.mean) })
                  : t('reviews.coordination.withheld', { min: d.minAggregate })}
              </Text>
            </Group>
          ))}
        </Stack>
        <Text size="sm" fw={500}>
          {t('reviews.coordination.shared', { count: d.shared.length })}
        </Text>
        {d.shared.map((r) => (
          <Group key={r.id} gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/bilans/${r.id}`} size="sm">
              {r.author}
            </Anchor>
            <Text size="xs" c="dimmed">
              {roleLabel(t, r.role, template)} · {instant(r.submittedAt)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
